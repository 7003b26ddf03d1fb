// The chronograph of a reporting period (GZ-3.4.1, DG-9.1): a period carries `nextDeadlineOn`,
// the next day the deadline sweep has something to do for it (a reminder), computed here from
// the report deadline with the working-day calendar. Reminders go out 5 and 1 working days
// before the deadline (configuration: the regulations set no reminder rule).
import type { WorkingDayCalendar } from "./calendar.js";
import { type IsoDate, yearOf } from "./dates.js";
import { DomainError } from "./errors.js";
import { periodBounds, type PeriodId, reportDeadline } from "./periods.js";
import type { PolicyPack } from "./policy/schema.js";
import { dateWord, periodWord } from "./words.js";

export const REPORT_REMINDER_WORKING_DAYS = [5, 1] as const;

/** Reminder days for a deadline, earliest first. */
export function reportReminderDates(deadline: IsoDate, calendar: WorkingDayCalendar): IsoDate[] {
  return REPORT_REMINDER_WORKING_DAYS.map((n) => calendar.addWorkingDays(deadline, -n)).sort();
}

export interface DueReminder {
  /** The reminder day being served (the latest one not after `asOf`), or undefined if none is due. */
  remindOn?: IsoDate;
  /** The period's next `nextDeadlineOn`: the first reminder day after `asOf`, if any. */
  next?: IsoDate;
  workingDaysLeft: number;
}

/** What a sweep on `asOf` owes a period: no reminder once the deadline has passed (period close takes over). */
export function dueReportReminder(deadline: IsoDate, asOf: IsoDate, calendar: WorkingDayCalendar): DueReminder {
  const dates = reportReminderDates(deadline, calendar);
  const next = dates.find((d) => d > asOf);
  if (asOf > deadline) return { next: undefined, workingDaysLeft: 0 };
  const past = dates.filter((d) => d <= asOf);
  return { remindOn: past[past.length - 1], next, workingDaysLeft: calendar.workingDaysBetween(asOf, deadline) };
}

/**
 * The deadline that applies to a period's report: the one stored on the period when it was
 * opened (it may carry a programme's own calendar), else the pack's rule counted now. Undefined
 * while the period waits for a year's holiday arrangement (`deadlinePendingYear`): not known yet.
 */
export function reportDeadlineOf(
  period: { reportDeadline?: IsoDate; deadlinePendingYear?: number } | undefined,
  id: PeriodId,
  pack: PolicyPack,
  calendar: WorkingDayCalendar,
): IsoDate | undefined {
  if (period?.reportDeadline) return period.reportDeadline;
  if (period?.deadlinePendingYear) return undefined;
  return reportDeadline(id, pack, calendar);
}

/**
 * A period's report deadline and first reminder day, or — when the deadline would fall in a year
 * the calendar has no holiday arrangement for — the year it waits for. Never a guessed date:
 * counting working days across an unknown Spring Festival would misplace it by a week or more.
 */
export type PeriodDeadline = { reportDeadline: IsoDate; evaluationCloseOn: IsoDate; nextDeadlineOn: IsoDate | undefined } | { deadlinePendingYear: number };

export function periodDeadline(id: PeriodId, pack: PolicyPack, calendar: WorkingDayCalendar): PeriodDeadline {
  try {
    const deadline = reportDeadline(id, pack, calendar);
    const evaluationCloseOn = calendar.deadline(deadline, pack.evaluationWindow.length, pack.evaluationWindow.unit);
    return { reportDeadline: deadline, evaluationCloseOn, nextDeadlineOn: reportReminderDates(deadline, calendar)[0] };
  } catch (err) {
    if (!(err instanceof DomainError) || err.code !== "DATE_NOT_COVERED") throw err;
    return { deadlinePendingYear: firstUncoveredYear(periodBounds(id).end, calendar) };
  }
}

/** The first year from `from`'s on that the calendar cannot count in. */
function firstUncoveredYear(from: IsoDate, calendar: WorkingDayCalendar): number {
  let year = yearOf(from);
  while (calendar.coveredYears.includes(year)) year++;
  return year;
}

/**
 * The last day of a period's evaluation: a report is accepted (late) until then, and the period
 * closes after it. A period opened before the evaluation window existed closes after its deadline.
 */
export function evaluationCloseOf(period: { reportDeadline: IsoDate; evaluationCloseOn?: IsoDate }): IsoDate {
  return period.evaluationCloseOn ?? period.reportDeadline;
}

/** A new open period with its deadline and first reminder day, or the year its deadline waits for. */
export function newPeriod(id: PeriodId, pack: PolicyPack, calendar: WorkingDayCalendar) {
  const b = periodBounds(id);
  return { id, cadence: b.cadence, start: b.start, end: b.end, state: "open" as const, ...periodDeadline(id, pack, calendar) };
}

export function reportReminderText(periodId: PeriodId, deadline: IsoDate, evaluationCloseOn: IsoDate | undefined, workingDaysLeft: number): { title: string; body: string } {
  const after = evaluationCloseOn && evaluationCloseOn !== deadline ? `逾期报送将记为资料报送不及时；至评价截止日 ${dateWord(evaluationCloseOn)} 仍未报送的，视为未按规定参加绩效评价。` : "逾期或不完整将被记录。";
  return {
    title: `${periodWord(periodId)}绩效材料报送提醒`,
    body: `请于 ${dateWord(deadline)}（含）前对照绩效任务书提交${periodWord(periodId)}绩效目标完成情况及相关材料，距截止还有 ${workingDaysLeft} 个工作日。${after}`,
  };
}
