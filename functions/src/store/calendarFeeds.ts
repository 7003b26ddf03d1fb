// The private deadline calendar links (calendarFeeds) and the facts a feed is made of. A link
// names no programme: it is found by the SHA-256 of its token across programmes.
import type { Transaction } from "firebase-admin/firestore";
import type { DeadlineFeedFacts } from "../domain/deadlineFeed.js";
import { collections } from "./collections.js";
import { hashToken } from "./secretTokens.js";

/** The stored link with its programme, or undefined. */
export async function findCalendarFeed(token: string) {
  const snap = await collections.allCalendarFeeds().where("tokenHash", "==", hashToken(token)).limit(1).get();
  const doc = snap.docs[0];
  if (!doc) return undefined;
  return { ref: collections.calendarFeeds(doc.ref.parent.parent!.id).doc(doc.id), programmeId: doc.ref.parent.parent!.id, feedId: doc.id, data: doc.data() };
}

/** A member's links that still work, read in the transaction that issues a new one. */
export async function activeFeedsOf(tx: Transaction, programmeId: string, memberUid: string) {
  const snap = await tx.get(collections.calendarFeeds(programmeId).where("memberUid", "==", memberUid).where("state", "==", "active"));
  return snap.docs.map((d) => ({ ref: d.ref, data: d.data() }));
}

/** Whether the person is still a member of the unit (a link stops working when they leave it). */
export async function isCurrentMember(programmeId: string, unitId: string, uid: string): Promise<boolean> {
  const member = (await collections.members(programmeId, unitId).doc(uid).get()).data();
  return !!member && !member.removedAt;
}

/**
 * What a unit's feed is made of, read now: the periods, the unit's proceedings, advance-notice
 * filings and changes, and the notices those changes are in.
 */
export async function readDeadlineFacts(programmeId: string, unitId: string): Promise<Omit<DeadlineFeedFacts, "programmeName" | "pack">> {
  const [unit, periods, proceedings, advanceNotices, changes] = await Promise.all([
    collections.units(programmeId).doc(unitId).get(),
    collections.periods(programmeId).get(),
    collections.proceedings(programmeId).where("unitId", "==", unitId).get(),
    collections.advanceNotices(programmeId).where("unitId", "==", unitId).get(),
    collections.changes(programmeId).where("unitId", "==", unitId).get(),
  ]);
  const changesByNotice = new Map<string, string[]>();
  for (const c of changes.docs) {
    const noticeId = c.data().noticeId;
    if (noticeId) changesByNotice.set(noticeId, [...(changesByNotice.get(noticeId) ?? []), c.id]);
  }
  const noticeIds = [...changesByNotice.keys()];
  const notices = await Promise.all(noticeIds.map((id) => collections.notices(programmeId).doc(id).get()));
  return {
    programmeId,
    unitId,
    unitName: unit.data()?.name ?? unitId,
    periods: periods.docs.map((d) => d.data()),
    proceedings: proceedings.docs.map((d) => ({ ...d.data(), id: d.id })),
    advanceNotices: advanceNotices.docs.map((d) => ({ ...d.data(), id: d.id })),
    notices: notices.flatMap((snap) => {
      const notice = snap.data();
      return notice ? [{ id: snap.id, notice, changeIds: changesByNotice.get(snap.id) ?? [] }] : [];
    }),
  };
}
