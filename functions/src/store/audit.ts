// The audit writer. The log is append-only: entries are created with `create()` under an id the
// caller derives from the event or decision, so a retried trigger or job that records the same
// decision again gets ALREADY_EXISTS instead of a duplicate. Clients cannot write it at all
// (firestore.rules), and nothing in the code updates or deletes an entry.
import type { Transaction, WriteBatch } from "firebase-admin/firestore";
import { policyPacks } from "../domain/policy/index.js";
import type { Actor, AuditEntry } from "../domain/schemas/index.js";
import { collections } from "./collections.js";

export const systemActor = (job: string): Actor => ({ uid: "system", role: "system", name: job });

export function auditRef(programmeId: string, entryId: string) {
  return collections.audit(programmeId).doc(entryId);
}

/** Adds the entry to a transaction or batch; the whole write fails if the id was already used. */
export function appendAudit(writer: Transaction | WriteBatch, programmeId: string, entryId: string, entry: AuditEntry) {
  // Transaction and WriteBatch both have create(ref, data); TS cannot call through the union.
  (writer as WriteBatch).create(auditRef(programmeId, entryId), entry);
}

const ALREADY_EXISTS = 6;

export const isAlreadyExists = (err: unknown) => (err as { code?: number | string }).code === ALREADY_EXISTS || (err as { code?: string }).code === "already-exists";

/** Appends one entry on its own; returns false when that id was already recorded (a replay). */
export async function appendAuditOnce(programmeId: string, entryId: string, entry: AuditEntry): Promise<boolean> {
  try {
    await auditRef(programmeId, entryId).create(entry);
    return true;
  } catch (err) {
    if (isAlreadyExists(err)) return false;
    throw err;
  }
}

/**
 * Issue 14 item 10: an entry cites the programme's own regulation. Where the writer has no clause
 * of its own (a job's problem record, a clean-up), the clause the programme's records are kept
 * under (pack `clauses.workGroup`: GZ-2.1, DG-5.3), read raw from the programme record (which may
 * itself be what cannot be parsed); undefined when even that cannot be read.
 */
export async function recordsClause(programmeId: string, tx?: Transaction): Promise<string | undefined> {
  const ref = collections.programmes().doc(programmeId).withConverter(null);
  const raw = tx ? await tx.get(ref) : await ref.get();
  const packId: unknown = raw.get("packId");
  return typeof packId === "string" && Object.hasOwn(policyPacks, packId) ? policyPacks[packId]!.clauses.workGroup : undefined;
}
