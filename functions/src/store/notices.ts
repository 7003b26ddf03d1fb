// Reading public notices (公示, GZ-4.6.3, DG-14). The notice cycle asks `findNoticesDue` which
// ones to step.
import type { Transaction } from "firebase-admin/firestore";
import type { IsoDate } from "../domain/dates.js";
import type { Notice } from "../domain/schemas/index.js";
import { collections } from "./collections.js";
import { type ProblemLog, unreadable } from "./jobProblems.js";

/** A bounded batch per run; what is left is picked up by the next run. */
const DUE_BATCH = 50;

/**
 * Ids of the notices to step by `asOf`: scheduled ones whose start has come, open ones whose end
 * has passed, earliest start first. Found by state and judged by their own required dates, not
 * by `nextDeadlineOn`: a writer that omits that optional field (the demo seed once did) must not
 * leave a notice open past its end. Only a handful are ever unclosed at once, so the dates are
 * compared here.
 */
export async function findNoticesDue(programmeId: string, asOf: IsoDate, log: ProblemLog): Promise<{ due: string[]; unreadable: string[] }> {
  const unclosed: (Notice & { id: string })[] = [];
  const unreadableIds: string[] = [];
  for (const d of (await collections.notices(programmeId).where("state", "in", ["scheduled", "open"]).get()).docs) {
    // A notice that does not parse cannot be judged by its dates: noted, and named to the caller.
    const n = log.read(d);
    if (n === unreadable) unreadableIds.push(d.id);
    else unclosed.push({ id: d.id, ...n });
  }
  const due = unclosed.filter((n) => (n.state === "scheduled" ? n.startsOn <= asOf : n.endsOn < asOf));
  return { due: due.sort((a, b) => a.startsOn.localeCompare(b.startsOn)).slice(0, DUE_BATCH).map((n) => n.id), unreadable: unreadableIds };
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
