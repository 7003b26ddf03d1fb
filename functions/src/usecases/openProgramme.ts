// GZ-5.2 / DG-18: every registry decision first asks whether the programme is still running.
import type { Transaction } from "firebase-admin/firestore";
import { shanghaiDate } from "../domain/dates.js";
import { Refused } from "../domain/errors.js";
import { programmeClosed } from "../domain/machine.js";
import { loadProgrammeContext, type ProgrammeContext } from "../store/programmeContext.js";
import type { Deps } from "./deps.js";
import { machineBase } from "./machineContexts.js";

export function requireOpenProgramme(ctx: ProgrammeContext, now: Date) {
  const closed = programmeClosed(machineBase(ctx, shanghaiDate(now)));
  if (closed) throw new Refused(closed);
}

/** One transaction on a programme that must still be running, at the instant `deps.clock()` gives. */
export function inOpenProgramme<T>(deps: Deps, programmeId: string, work: (tx: Transaction, ctx: ProgrammeContext, now: Date) => Promise<T>): Promise<T> {
  const now = deps.clock();
  return deps.db.runTransaction(async (tx) => {
    const ctx = await loadProgrammeContext(programmeId, tx, deps.calendar);
    requireOpenProgramme(ctx, now);
    return work(tx, ctx, now);
  });
}
