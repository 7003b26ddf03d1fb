// GZ-4.8: a unit or partner that renames, reorganises or restructures reports it at least
// 10 working days before the procedure (mainland calendar with holidays and 调休).
import type { WorkingDayCalendar } from "./calendar.js";
import type { IsoDate } from "./dates.js";
import type { PolicyPack } from "./policy/schema.js";

export interface AdvanceNoticeCheck {
  /** The last day a filing is on time: `advanceNoticeWorkingDays` working days before the procedure. */
  latestOnTimeFilingDate: IsoDate;
  /** Working days from filing to the procedure day, counting the procedure day, not the filing day. */
  workingDaysAhead: number;
  late: boolean;
  clause: string | null;
}

export function checkAdvanceNotice(plannedOn: IsoDate, filedOn: IsoDate, pack: PolicyPack, calendar: WorkingDayCalendar): AdvanceNoticeCheck {
  const required = pack.advanceNoticeWorkingDays ?? 0;
  const latestOnTimeFilingDate = calendar.addWorkingDays(plannedOn, -required);
  return {
    latestOnTimeFilingDate,
    workingDaysAhead: calendar.workingDaysBetween(filedOn, plannedOn),
    late: filedOn > latestOnTimeFilingDate,
    clause: pack.clauses.advanceNotice,
  };
}
