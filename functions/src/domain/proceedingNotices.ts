// Issue 18.1: what a unit is told, in words, about its own proceedings outside the steps the
// machines already notify (通报批评 with its deadline, 取消资格): the rectification deadline
// approaching (reminders 5 and 1 working days before, like report deadlines), the deadline
// passed, a clear-out proposed; and a public notice (公示) opened with the unit's changes in it.
// Pure: the sweep and the proposal writers create the
// notification (kind `proceeding`, so a member who opted in to it gets the mail) under a fixed id,
// so a re-run writes nothing new.
import type { WorkingDayCalendar } from "./calendar.js";
import type { IsoDate } from "./dates.js";
import { reportReminderDates } from "./reportSchedule.js";
import { dateWord, deadlineUnitWords, groundWord } from "./words.js";

/** The rectification reminder a sweep on `asOf` owes: the latest reminder day not after it, while the deadline has not passed. */
export function dueRectificationReminder(deadline: IsoDate, asOf: IsoDate, calendar: WorkingDayCalendar): { remindOn: IsoDate; workingDaysLeft: number } | undefined {
  if (asOf > deadline) return undefined;
  const past = reportReminderDates(deadline, calendar).filter((d) => d <= asOf);
  const remindOn = past[past.length - 1];
  return remindOn ? { remindOn, workingDaysLeft: calendar.workingDaysBetween(asOf, deadline) } : undefined;
}

export interface UnitNotice {
  id: string;
  title: string;
  body: string;
}

/** GZ-4.4a: the rectification deadline approaching, counted in working days. */
export function rectificationReminder(proceedingId: string, ground: string, deadline: IsoDate, due: { remindOn: IsoDate; workingDaysLeft: number }): UnitNotice {
  return {
    id: `rectification-due_${proceedingId}_${deadline}_${due.remindOn}`,
    title: "整改期限提醒",
    body: `你单位因“${groundWord(ground)}”（${ground}）被通报批评并责令限期整改，整改期限为 ${dateWord(deadline)}（含），距期限还有 ${due.workingDaysLeft} 个工作日。请按期完成整改并提交整改报告。`,
  };
}

/** GZ-4.3b: the deadline passed without an accepted rectification report; the work group decides next. */
export function rectificationOverdueNotice(proceedingId: string, ground: string, deadline: IsoDate, overdueClause: string, workGroupName: string): UnitNotice {
  return {
    id: `rectification-overdue_${proceedingId}_${deadline}`,
    title: "整改逾期",
    body: `你单位因“${groundWord(ground)}”（${ground}）被责令的整改已过期限 ${dateWord(deadline)}，尚无通过的整改报告。${workGroupName}将依据 ${overdueClause} 根据实际情况和情节轻重决定继续整改或取消牵引单位资格。`,
  };
}

/** GZ-4.4b / DG-10: a clear-out proposed against the unit (by staff, by escalation or as an automatic candidate), with its ground. */
export function clearOutProposedNotice(proceedingId: string, ground: string): UnitNotice {
  return {
    id: `${proceedingId}-proposed`,
    title: "清退程序已提出",
    body: `依据“${groundWord(ground)}”（${ground}），已对你单位提出清退。请在单位门户查看依据和程序进展。`,
  };
}

/** GZ-4.6.3 / DG-14: the unit's changes entered a public notice now open for objections. */
export function noticeOpenedNotice(
  noticeId: string,
  unitId: string,
  n: { title: string; startsOn: IsoDate; endsOn: IsoDate; length: number; unit: keyof typeof deadlineUnitWords; clause: string },
  summaries: readonly string[],
  workGroupName: string,
): UnitNotice {
  return {
    id: `notice-open_${noticeId}_${unitId}`,
    title: `公示开始：${n.title}`,
    body: `你单位的下列变更已列入“${n.title}”（${n.clause}），公示期自 ${dateWord(n.startsOn)} 至 ${dateWord(n.endsOn)}（${n.length} 个${deadlineUnitWords[n.unit]}）：\n${summaries.map((x) => `· ${x}`).join("\n")}\n公示期间任何单位或个人可实名提出异议，由${workGroupName}处理；公示无异议的，${workGroupName}发布变更后的名单。`,
  };
}
