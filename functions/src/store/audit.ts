// The audit writer. The audit log is append-only: entries are created with `create()` under a
// caller-chosen id, so a retried trigger or job that tries to record the same decision again
// gets ALREADY_EXISTS instead of a duplicate entry.
import { FieldValue, type Transaction, type WriteBatch } from "firebase-admin/firestore";
import { db } from "./admin.js";
import { paths } from "./paths.js";

export type Actor = { type: "user"; uid: string } | { type: "system"; job: string };

export interface AuditEntry {
  actor: Actor;
  /** What happened, e.g. "report.created". */
  action: string;
  /** Full document path of the record the action concerns. */
  subject: string;
  /** Changed fields before / after (only those). */
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
  /** The clause that applied, where a rule decided (e.g. "GZ-4.4b.3"). */
  clause?: string | null;
}

function entryData(entry: AuditEntry) {
  return {
    actor: entry.actor,
    action: entry.action,
    subject: entry.subject,
    before: entry.before ?? null,
    after: entry.after ?? null,
    clause: entry.clause ?? null,
    at: FieldValue.serverTimestamp(),
  };
}

export function auditRef(programmeId: string, entryId: string) {
  return db.collection(paths.audit(programmeId)).doc(entryId);
}

/** Adds the entry to a transaction or batch; fails the whole write if the id was already used. */
export function appendAudit(writer: Transaction | WriteBatch, programmeId: string, entryId: string, entry: AuditEntry) {
  // Both Transaction and WriteBatch have create(ref, data); the union needs a nudge for TS.
  (writer as WriteBatch).create(auditRef(programmeId, entryId), entryData(entry));
}

const ALREADY_EXISTS = 6;

/** Appends one entry on its own; returns false when that id was already recorded (a replay). */
export async function appendAuditOnce(programmeId: string, entryId: string, entry: AuditEntry): Promise<boolean> {
  try {
    await auditRef(programmeId, entryId).create(entryData(entry));
    return true;
  } catch (err) {
    if ((err as { code?: number }).code === ALREADY_EXISTS) return false;
    throw err;
  }
}
