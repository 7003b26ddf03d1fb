// The State Council's yearly holiday arrangement (国务院办公厅关于某年部分节假日安排的通知) as
// data an administrator enters, so the system keeps counting working days after the year the
// installed `chinese-days` package ends with. Checked before it is used: each make-up working day
// (调休上班) is a Saturday or Sunday, each rest span is a contiguous run of days in or next to the
// year, spans do not overlap, and no day is both rest and working.
import { z } from "zod";
import { addDays, compareDates, daysBetween, type IsoDate, weekday } from "./dates.js";
import { isoDate, text } from "./schemas/common.js";

export const holidaySpanSchema = z.object({
  name: text("节日名称", 20),
  from: isoDate("放假开始日期"),
  to: isoDate("放假结束日期"),
});

export const holidayArrangementSchema = z.object({
  year: z.number({ error: "年份必须是数字" }).int("年份必须是整数").min(2020, "年份不能早于 2020 年").max(2100, "年份不能晚于 2100 年"),
  /** The notice it transcribes, e.g. 国办发明电〔2026〕7号. */
  reference: text("通知文号", 100),
  holidays: z.array(holidaySpanSchema).min(1, "请至少填写一个放假安排").max(20, "放假安排不能超过 20 项"),
  workingDays: z.array(isoDate("调休上班日期")).max(20, "调休上班日不能超过 20 天"),
});
export type HolidayArrangement = z.infer<typeof holidayArrangementSchema>;

/** A span may start in late December of the year before (元旦) or run into early January after. */
const SLACK_DAYS = 7;

function withinYear(date: IsoDate, year: number): boolean {
  return compareDates(date, addDays(`${year}-01-01`, -SLACK_DAYS)) >= 0 && compareDates(date, addDays(`${year}-12-31`, SLACK_DAYS)) <= 0;
}

/** Every rest day of the arrangement, in order. */
export function restDaysOf(a: Pick<HolidayArrangement, "holidays">): IsoDate[] {
  return a.holidays.flatMap((s) => Array.from({ length: daysBetween(s.from, s.to) + 1 }, (_, i) => addDays(s.from, i)));
}

/** The problems with an arrangement, each a Chinese sentence naming the field; empty when it can be used. */
export function arrangementProblems(a: HolidayArrangement): string[] {
  const problems: string[] = [];
  a.holidays.forEach((s, i) => {
    const where = `第 ${i + 1} 项放假安排（${s.name}）`;
    if (compareDates(s.from, s.to) > 0) problems.push(`${where}：结束日期早于开始日期`);
    else if (daysBetween(s.from, s.to) > 14) problems.push(`${where}：连续放假不能超过 15 天，请检查日期`);
    if (!withinYear(s.from, a.year) || !withinYear(s.to, a.year)) problems.push(`${where}：日期不在 ${a.year} 年内`);
  });
  if (problems.length > 0) return problems;

  const seen = new Map<IsoDate, string>();
  for (const s of a.holidays) {
    for (const d of restDaysOf({ holidays: [s] })) {
      const other = seen.get(d);
      if (other) problems.push(`放假安排重叠：${d} 同时属于“${other}”和“${s.name}”`);
      seen.set(d, s.name);
    }
  }
  const workSeen = new Set<IsoDate>();
  for (const d of a.workingDays) {
    if (workSeen.has(d)) problems.push(`调休上班日 ${d} 重复填写`);
    workSeen.add(d);
    if (weekday(d) <= 5) problems.push(`调休上班日 ${d} 不是周六或周日：调休只会把周末调为工作日`);
    if (!withinYear(d, a.year)) problems.push(`调休上班日 ${d} 不在 ${a.year} 年内`);
    if (seen.has(d)) problems.push(`${d} 不能同时是放假日和调休上班日`);
  }
  return problems;
}

/** What an administrator sends: the arrangement and why it is entered (or corrected). */
export const enterHolidayArrangementRequestSchema = holidayArrangementSchema.extend({
  note: text("录入说明", 500),
});
export type EnterHolidayArrangementRequest = z.infer<typeof enterHolidayArrangementRequestSchema>;

/** From 1 November, the admin page warns when next year's arrangement is not there yet. */
export function nextYearWarning(today: IsoDate, coveredYears: readonly number[]): string | undefined {
  const year = Number(today.slice(0, 4));
  if (today.slice(5) < "11-01" || coveredYears.includes(year + 1)) return undefined;
  return `尚未录入 ${year + 1} 年节假日安排：国务院办公厅通知发布后请及时录入，否则 ${year + 1} 年的工作日期限无法计算，相关截止日显示为“待录入 ${year + 1} 年节假日安排后确定”。`;
}

/** The wording a page shows for a deadline that falls in a year not covered yet (never a guessed date). */
export const pendingDeadlineText = (year: number) => `待录入 ${year} 年节假日安排后确定`;
