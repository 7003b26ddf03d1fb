// A direct mail (domain/mailKinds.ts directMailKinds): queued in `mail`, in the Trigger Email
// extension's format, inside the transaction that makes the decision or the link, under a fixed
// id. Read first (before the transaction's writes), then queue only if it is not there yet.
import type { DocumentReference, Transaction } from "firebase-admin/firestore";
import { directMailId, type DirectMailKind, type MailMessage } from "../domain/mailKinds.js";
import type { Mail } from "../domain/schemas/index.js";
import { collections } from "./collections.js";

export interface PendingDirectMail {
  ref: DocumentReference<Mail>;
  exists: boolean;
}

export async function readDirectMail(tx: Transaction, programmeId: string, kind: DirectMailKind, subjectId: string): Promise<PendingDirectMail> {
  const ref = collections.mail().doc(directMailId(programmeId, kind, subjectId));
  return { ref, exists: (await tx.get(ref)).exists };
}

/** Queues the mail unless it already is; true when it was queued now. */
export function queueDirectMail(tx: Transaction, pending: PendingDirectMail, m: { to: string; message: MailMessage; programmeId: string; kind: DirectMailKind; subjectPath: string; now: Date }): boolean {
  if (pending.exists) return false;
  tx.create(pending.ref, { to: m.to.trim(), message: m.message, programmeId: m.programmeId, kind: m.kind, subjectPath: m.subjectPath, createdAt: m.now });
  return true;
}
