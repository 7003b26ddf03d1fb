// Issue 18.1: the objector who left an e-mail address as contact is mailed the decision on their
// objection (成立 / 不成立 / 不予受理, with the reasons), in the same transaction as the decision,
// once (fixed id per objection). A phone number is no address: nothing is queued for it.
import type { Transaction } from "firebase-admin/firestore";
import { isEmailAddress, objectionDecidedMessage } from "../domain/mailKinds.js";
import type { Notice, Objection } from "../domain/schemas/index.js";
import { objectionOutcomeWords } from "../domain/words.js";
import { queueDirectMail, readDirectMail, type PendingDirectMail } from "../store/directMail.js";

type Decided = Objection & { state: keyof typeof objectionOutcomeWords };

/** Step 1 (a read): the mail's slot when the objector left an address. */
export async function readObjectionMail(tx: Transaction, programmeId: string, objectionPath: string, objection: Objection): Promise<PendingDirectMail | undefined> {
  if (!isEmailAddress(objection.contact)) return undefined;
  return readDirectMail(tx, programmeId, "objectionDecided", objectionPath.split("/").slice(-3).join("_"));
}

/** Step 2 (a write): queue it. */
export function queueObjectionMail(
  tx: Transaction,
  pending: PendingDirectMail | undefined,
  m: { programmeId: string; programmeName: string; notice: Notice; objection: Decided; objectionPath: string; clause: string; now: Date; webBase?: string },
): void {
  if (!pending || !isEmailAddress(m.objection.contact)) return;
  const message = objectionDecidedMessage(
    { noticeTitle: m.notice.title, filedOn: m.objection.filedOn, outcome: objectionOutcomeWords[m.objection.state], reasons: m.objection.decision ?? "", clause: m.clause },
    m.programmeName,
    `/notices?p=${m.programmeId}`,
    m.webBase,
  );
  queueDirectMail(tx, pending, { to: m.objection.contact, message, programmeId: m.programmeId, kind: "objectionDecided", subjectPath: m.objectionPath, now: m.now });
}
