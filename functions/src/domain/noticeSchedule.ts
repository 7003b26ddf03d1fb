// When a notice batch runs and what it waits for next (GZ-4.6.3, DG-14). A batch starts on the
// next working day after approval unless staff choose a date; its end comes from the pack's
// length and unit (noticeWindow). The chronograph field `nextDeadlineOn` tells the daily job
// which notices are due: a scheduled notice on its start day, an open one the day after it ends.
import { type WorkingDayCalendar } from "./calendar.js";
import { addDays, type IsoDate } from "./dates.js";
import { type Refusal, refuse } from "./errors.js";
import { noticeWindow } from "./notice.machine.js";
import type { PolicyPack } from "./policy/schema.js";
import type { NoticeState } from "./states.js";

export interface NoticeBatchPlan {
  ok: true;
  startsOn: IsoDate;
  endsOn: IsoDate;
  length: number;
  unit: "calendarDays" | "workingDays";
  nextDeadlineOn: IsoDate;
}

/** A new batch: start on `chosenStart` (not before today) or on the next working day after today. */
export function planNoticeBatch(today: IsoDate, pack: PolicyPack, calendar: WorkingDayCalendar, chosenStart?: IsoDate): NoticeBatchPlan | Refusal {
  if (chosenStart !== undefined && chosenStart < today) return refuse("NOTICE_START_INVALID", `${chosenStart} 早于 ${today}`);
  const startsOn = chosenStart ?? calendar.addWorkingDays(today, 1);
  const w = noticeWindow(startsOn, pack, calendar);
  return { ok: true, ...w, nextDeadlineOn: startsOn };
}

/** The next day the notice job must look at this notice; none once closed. */
export function noticeNextDeadline(state: NoticeState, window: { startsOn: IsoDate; endsOn: IsoDate }): IsoDate | undefined {
  if (state === "scheduled") return window.startsOn;
  if (state === "open") return addDays(window.endsOn, 1);
  return undefined;
}

/** Which scheduled batch an approved change joins: the one on the chosen date, else the earliest. */
export function pickNoticeBatch<T extends { id: string; startsOn: IsoDate }>(scheduled: readonly T[], chosenStart?: IsoDate): T | undefined {
  const candidates = chosenStart === undefined ? scheduled : scheduled.filter((n) => n.startsOn === chosenStart);
  return [...candidates].sort((a, b) => (a.startsOn < b.startsOn ? -1 : a.startsOn > b.startsOn ? 1 : a.id < b.id ? -1 : 1))[0];
}
