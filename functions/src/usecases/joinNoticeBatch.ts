// The notice batch an approved change joins (GZ-4.6.3 分批次公示, DG-14): the scheduled batch
// on the chosen start date, else the earliest scheduled one, else a new batch planned from today.
import type { Transaction } from "firebase-admin/firestore";
import { changeSummary } from "../domain/applyChange.js";
import type { IsoDate } from "../domain/dates.js";
import { Refused } from "../domain/errors.js";
import { noticeNextDeadline, pickNoticeBatch, planNoticeBatch } from "../domain/noticeSchedule.js";
import type { ChangeApplication, Notice } from "../domain/schemas/index.js";
import { readNoticeItemNames } from "../store/changes.js";
import { freeNoticeId, readScheduledNotices } from "../store/notices.js";
import type { ProgrammeContext } from "../store/programmeContext.js";
import { dateWord } from "../domain/words.js";

/** Reads only: the batch's id and its document with the change among its items, for the caller to write. */
export async function joinNoticeBatch(tx: Transaction, ctx: ProgrammeContext, today: IsoDate, changeId: string, change: ChangeApplication, chosenStart?: IsoDate): Promise<{ id: string; data: Notice }> {
  const scheduled = await readScheduledNotices(tx, ctx.programmeId);
  const { unitName, partnerName } = await readNoticeItemNames(tx, ctx.programmeId, change);
  const item = { changeId, unitName, summary: changeSummary(change, partnerName) };

  const existing = pickNoticeBatch(scheduled, chosenStart);
  if (existing) return { id: existing.id, data: { ...existing.data, items: [...existing.data.items.filter((i) => i.changeId !== changeId), item] } };

  const plan = planNoticeBatch(today, ctx.packOn(today), ctx.calendar, chosenStart);
  if (!plan.ok) throw new Refused(plan);
  const id = await freeNoticeId(tx, ctx.programmeId, plan.startsOn);
  const title = `${ctx.pack.changeNoticeTitle}（${dateWord(plan.startsOn)}）`;
  const data: Notice = {
    title,
    items: [item],
    startsOn: plan.startsOn,
    endsOn: plan.endsOn,
    length: plan.length,
    unit: plan.unit,
    state: "scheduled",
    clause: ctx.pack.clauses.changeNotice,
    nextDeadlineOn: noticeNextDeadline("scheduled", plan),
  };
  return { id, data };
}
