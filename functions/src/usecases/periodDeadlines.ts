// A reporting period's life before the close: it is opened by the daily sweep on its first day,
// with its report deadline counted on the programme's working-day calendar — or, when that
// deadline falls in a year whose State Council holiday arrangement is not entered yet, with the
// year it waits for and no date at all (never a guessed one). Entering that year's arrangement
// settles every waiting deadline at once (`settlePendingDeadlines`, called by the entry and, as a
// safety net, by every sweep), each in the programme's own audit trail.
import type { Transaction } from "firebase-admin/firestore";
import type { IsoDate } from "../domain/dates.js";
import { pendingDeadlineText } from "../domain/holidayArrangement.js";
import { programmeClosed } from "../domain/machine.js";
import { periodBounds, periodOf } from "../domain/periods.js";
import { newPeriod, periodDeadline } from "../domain/reportSchedule.js";
import type { Actor, Period } from "../domain/schemas/index.js";
import { dateWord, periodWord } from "../domain/words.js";
import { appendAudit, appendAuditOnce } from "../store/audit.js";
import { collections } from "../store/collections.js";
import { loadProgrammeContext, type ProgrammeContext } from "../store/programmeContext.js";
import type { Deps } from "./deps.js";

/**
 * Opens the period that `asOf` falls in, if the programme is running and has not opened it yet
 * (a retried sweep finds it there and does nothing). Returns the period opened, if any.
 */
export async function openCurrentPeriod(deps: Deps, programmeId: string, asOf: IsoDate, now: Date, actor: Actor): Promise<Period | undefined> {
  return deps.db.runTransaction(async (tx) => {
    const ctx = await loadProgrammeContext(programmeId, tx, deps.calendar);
    if (asOf < ctx.programme.startsOn || programmeClosed({ today: asOf, pack: ctx.pack, programmeEndsOn: ctx.programme.endsOn })) return undefined;
    const id = periodOf(asOf, ctx.pack.cadence);
    const ref = collections.periods(programmeId).doc(id);
    if ((await tx.get(ref)).exists) return undefined;
    const period = newPeriod(id, ctx.packFor(id), ctx.calendar);
    tx.create(ref, period);
    appendAudit(tx, programmeId, `period-${id}-opened`, {
      at: now,
      actor,
      action: "period.opened",
      entity: ref.path,
      after: period,
      clause: ctx.pack.clauses.report,
      note: `${periodWord(id)}（${dateWord(periodBounds(id).start)}至${dateWord(periodBounds(id).end)}）开始，报送截止日${"reportDeadline" in period ? `为 ${dateWord(period.reportDeadline)}，评价截止日为 ${dateWord(period.evaluationCloseOn)}` : pendingDeadlineText(period.deadlinePendingYear)}`,
    });
    return period;
  });
}

export interface SettledDeadlines {
  programmeId: string;
  settled: { periodId: string; reportDeadline: IsoDate }[];
  waiting: { periodId: string; year: number }[];
}

/**
 * Counts every waiting report deadline of a programme again on today's calendar, in one
 * transaction: those now countable get their date and first reminder day, each audited with the
 * calendar it was counted on; the rest keep waiting. Running it again changes nothing more.
 */
export async function settlePendingDeadlines(deps: Deps, programmeId: string, now: Date, actor: Actor): Promise<SettledDeadlines> {
  return deps.db.runTransaction(async (tx) => {
    const ctx = await loadProgrammeContext(programmeId, tx, deps.calendar);
    const waitingDocs = (await tx.get(collections.periods(programmeId).where("deadlinePendingYear", ">", 0))).docs;
    const out: SettledDeadlines = { programmeId, settled: [], waiting: [] };
    for (const doc of waitingDocs) {
      const period = doc.data();
      if (period.state === "closed") continue;
      const counted = periodDeadline(period.id, ctx.packFor(period.id), ctx.calendar);
      if ("deadlinePendingYear" in counted) {
        out.waiting.push({ periodId: period.id, year: counted.deadlinePendingYear });
        continue;
      }
      settle(tx, ctx, period, counted, now, actor);
      out.settled.push({ periodId: period.id, reportDeadline: counted.reportDeadline });
    }
    return out;
  });
}

function settle(tx: Transaction, ctx: ProgrammeContext, period: Period, counted: { reportDeadline: IsoDate; evaluationCloseOn: IsoDate; nextDeadlineOn: IsoDate | undefined }, now: Date, actor: Actor) {
  const ref = collections.periods(ctx.programmeId).doc(period.id);
  const { deadlinePendingYear: year, ...rest } = period;
  tx.set(ref, { ...rest, ...counted });
  appendAudit(tx, ctx.programmeId, `period-${period.id}-deadline-${year}`, {
    at: now,
    actor,
    action: "period.deadlineSet",
    entity: ref.path,
    before: { deadlinePendingYear: year },
    after: { reportDeadline: counted.reportDeadline, evaluationCloseOn: counted.evaluationCloseOn },
    clause: ctx.pack.clauses.report,
    note: `${year} 年节假日安排已录入：${periodWord(period.id)}的报送截止日按此计算为 ${dateWord(counted.reportDeadline)}，评价截止日为 ${dateWord(counted.evaluationCloseOn)}`,
  });
}

/** Says once, in the programme's audit trail, that a period's deadline is still waiting for a year's arrangement. */
export async function auditWaitingDeadline(programmeId: string, clause: string, waiting: { periodId: string; year: number }, now: Date, actor: Actor) {
  await appendAuditOnce(programmeId, `period-${waiting.periodId}-waits-${waiting.year}`, {
    at: now,
    actor,
    action: "period.deadlineWaiting",
    entity: collections.periods(programmeId).doc(waiting.periodId).path,
    clause,
    note: `${periodWord(waiting.periodId)}的报送截止日${pendingDeadlineText(waiting.year)}：提醒与关账暂缓`,
  });
}
