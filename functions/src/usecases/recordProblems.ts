// Records, in one transaction of its own, what a job could not read outside its own transactions
// (the list of due periods or notices, a step whose transaction gave up on an unreadable
// document): each document once per job, with an audit entry the first time (store/jobProblems).
import { prepareProblems, type ProblemContext, type ProblemNote } from "../store/jobProblems.js";
import type { Deps } from "./deps.js";

export async function recordProblems(deps: Deps, c: ProblemContext, notes: readonly ProblemNote[]): Promise<void> {
  if (notes.length === 0) return;
  await deps.db.runTransaction(async (tx) => (await prepareProblems(tx, c, notes))());
}
