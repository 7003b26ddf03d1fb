// Issue 16.1: a job or trigger never fails on a stored document it cannot read. The converters
// throw `StoredDocumentInvalid` (with the path and the schema's Chinese reasons) when a document
// does not parse; the job reads through a `ProblemLog`, which notes such a document instead of
// failing, skips what depends on it and finishes the rest. What it noted is recorded for staff in
// `jobProblems/{job~path}` — one record per job and document, so a re-run only moves `lastSeenAt`
// — with an audit entry the first time it is seen. Nothing here deletes anything.
import type { Timestamp, Transaction } from "firebase-admin/firestore";
import { StoredDocumentInvalid } from "../domain/errors.js";
import type { JobName } from "../domain/jobs.js";
import type { Actor } from "../domain/schemas/index.js";
import { jobWords } from "../domain/words.js";
import { appendAudit, recordsClause } from "./audit.js";
import { collections } from "./collections.js";

export interface ProblemNote {
  path: string;
  reason: string;
}

/** Marks a document that exists but could not be read. */
export const unreadable: unique symbol = Symbol("unreadable");
export type Unreadable = typeof unreadable;

const MAX_REASON = 1800;
const clip = (text: string) => (text.length > MAX_REASON ? `${text.slice(0, MAX_REASON)}…` : text);

/** A stable id per job and document (ids cannot hold "/"). */
export const jobProblemId = (job: JobName, path: string) => `${job}~${path.replaceAll("/", "~")}`;

/** A stored document that does not parse — not our own write refused by a schema (a bug, which must still fail). */
export const isUnreadableDocument = (err: unknown): err is StoredDocumentInvalid => err instanceof StoredDocumentInvalid && err.path.includes("/");

/** What one run could not read, each document once, in the order met. */
export class ProblemLog {
  private readonly found = new Map<string, string>();

  /** Notes `err` when it is an unreadable stored document and says so; any other error is the caller's. */
  note(err: unknown): boolean {
    if (!isUnreadableDocument(err)) return false;
    if (!this.found.has(err.path)) this.found.set(err.path, clip(err.message));
    return true;
  }

  /** The snapshot's data (undefined when it does not exist), or `unreadable` (noted) when it does not parse. */
  read<T>(snap: { data(): T }): T | Unreadable {
    try {
      return snap.data();
    } catch (err) {
      if (this.note(err)) return unreadable;
      throw err;
    }
  }

  /** Adds notes another log took (e.g. inside a transaction that has committed since). */
  merge(notes: readonly ProblemNote[]): void {
    for (const n of notes) if (!this.found.has(n.path)) this.found.set(n.path, n.reason);
  }

  get size(): number {
    return this.found.size;
  }

  get notes(): ProblemNote[] {
    return [...this.found].map(([path, reason]) => ({ path, reason }));
  }
}

export interface ProblemContext {
  programmeId: string;
  job: JobName;
  now: Date;
  actor: Actor;
  /** The clause the job works under; without one, the work group's record-keeping clause of the programme's pack. */
  clause?: string;
}


/**
 * Reads the records of `notes` (call before the transaction's first write) and returns the
 * function that writes them: new ones with their audit entry, known ones with `lastSeenAt` moved.
 */
export async function prepareProblems(tx: Transaction, c: ProblemContext, notes: readonly ProblemNote[]): Promise<() => void> {
  if (notes.length === 0) return () => {};
  const refs = notes.map((n) => collections.jobProblems(c.programmeId).doc(jobProblemId(c.job, n.path)));
  const snaps = await tx.getAll(...refs);
  const clause = c.clause ?? (snaps.every((s) => s.exists) ? undefined : await recordsClause(c.programmeId, tx));
  return () =>
    notes.forEach((n, i) => {
      const known = snaps[i]!;
      // Read raw: a record is never rewritten from a parse of itself.
      const firstSeenAt = known.exists ? ((known.get("firstSeenAt") as Timestamp | undefined)?.toDate() ?? c.now) : c.now;
      tx.set(refs[i]!, { job: c.job, path: n.path, reason: n.reason, firstSeenAt, lastSeenAt: c.now });
      if (known.exists) return;
      appendAudit(tx, c.programmeId, `jobProblem-${refs[i]!.id}`, {
        at: c.now,
        actor: c.actor,
        action: "job.documentUnreadable",
        entity: n.path,
        after: { job: c.job, problem: refs[i]!.path },
        ...(clause ? { clause } : {}),
        note: `${jobWords[c.job]}无法读取该文档，已跳过并记录，其余照常处理。${n.reason}`,
      });
    });
}
