// Reading public notices (公示, GZ-4.6.3, DG-14). Notices are a chronograph: each carries
// `nextDeadlineOn`, and the notice cycle asks `findNoticesDue` which ones to step.
import type { Transaction } from "firebase-admin/firestore";
import type { IsoDate } from "../domain/dates.js";
import type { Notice } from "../domain/schemas/index.js";
import { collections } from "./collections.js";

/** A bounded batch per run; what is left is picked up by the next run. */
const DUE_BATCH = 50;

/** Ids of the notices whose next deadline has come by `asOf`, earliest deadline first. */
export async function findNoticesDue(programmeId: string, asOf: IsoDate): Promise<string[]> {
  const due = await collections.notices(programmeId).where("nextDeadlineOn", "<=", asOf).orderBy("nextDeadlineOn").limit(DUE_BATCH).get();
  return due.docs.map((d) => d.id);
}

export async function readNotice(tx: Transaction, programmeId: string, noticeId: string) {
  const ref = collections.notices(programmeId).doc(noticeId);
  return { ref, notice: (await tx.get(ref)).data() };
}

/** The change applications a notice lists, in item order (undefined where one is missing). */
export async function readNoticeChanges(tx: Transaction, programmeId: string, notice: Notice) {
  const refs = notice.items.map((i) => collections.changes(programmeId).doc(i.changeId));
  const changes = (await tx.getAll(...refs)).map((s) => s.data());
  return notice.items.map((item, i) => ({ changeId: item.changeId, ref: refs[i]!, change: changes[i] }));
}

/** The batches not yet open, which an approved change may join. */
export async function readScheduledNotices(tx: Transaction, programmeId: string) {
  const scheduled = await tx.get(collections.notices(programmeId).where("state", "==", "scheduled"));
  return scheduled.docs.map((d) => ({ id: d.id, startsOn: d.data().startsOn, data: d.data() }));
}

/**
 * The first free id of the form `notice-<startsOn>`, `notice-<startsOn>-2`, …: one id per start
 * date, so two approvals racing to create a batch read the same document, and one retries and
 * joins the other's batch instead of opening a second one.
 */
export async function freeNoticeId(tx: Transaction, programmeId: string, startsOn: IsoDate): Promise<string> {
  let id = `notice-${startsOn}`;
  for (let n = 2; (await tx.get(collections.notices(programmeId).doc(id))).exists; n++) id = `notice-${startsOn}-${n}`;
  return id;
}
