// Mainland-China working-day calendar (statutory holidays and 调休 make-up working days).
// The holiday data comes from the `chinese-days` package; this adapter adds what the package
// lacks: refusal of years it has no data for, programme overrides, and the Civil Code rules
// for computing a deadline (民法典第二百零一条至第二百零三条).
//
// We read the package's prebuilt JSON tables rather than calling its functions: the package
// builds its runtime tables by parsing dates as UTC and formatting them in local time, so in any
// time zone west of Greenwich (a browser in the Americas, TZ=America/Los_Angeles) every holiday
// shifts by a day and 2025-01-01 comes out as a working day. The JSON is plain data.
import holidayData from "chinese-days/dist/chinese-days.json" with { type: "json" };
import { addDays, assertIsoDate, compareDates, type IsoDate, weekday, yearOf } from "./dates.js";
import { DomainError } from "./errors.js";
import { restDaysOf, type HolidayArrangement } from "./holidayArrangement.js";

export type DeadlineUnit = "calendarDays" | "workingDays";

/** Programme-specific corrections to the national calendar. */
export interface CalendarOverrides {
  /** Extra closure days (e.g. a local typhoon closure); they become rest days. */
  restDays?: readonly IsoDate[];
  /** Extra working days (e.g. a make-up day announced before the package is updated). */
  workingDays?: readonly IsoDate[];
  /**
   * Years whose full State Council arrangement the programme has entered through restDays /
   * workingDays, so they count as covered even though the package has no data for them yet.
   */
  coveredYears?: readonly number[];
}

export interface WorkingDayCalendar {
  /** Years for which working days can be computed, ascending. */
  readonly coveredYears: readonly number[];
  isWorkingDay(date: IsoDate): boolean;
  /** The n-th working day after `date` (n > 0) or before it (n < 0); `date` itself is not counted. n = 0 returns `date`. */
  addWorkingDays(date: IsoDate, n: number): IsoDate;
  /**
   * Working days in (from, to] when from ≤ to, and minus those in [to, from) otherwise, so that
   * workingDaysBetween(d, addWorkingDays(d, n)) === n for every n.
   */
  workingDaysBetween(from: IsoDate, to: IsoDate): number;
  /** The first working day on or after `date`. */
  nextWorkingDayOnOrAfter(date: IsoDate): IsoDate;
  /**
   * Last day of a period of `length` units starting on `start` (Civil Code Art. 201: the start
   * day is not counted; Art. 203: a period ending on a rest day ends on the next working day).
   */
  deadline(start: IsoDate, length: number, unit: DeadlineUnit): IsoDate;
}

const tables = holidayData as {
  holidays: Record<string, string>;
  workdays: Record<string, string>;
};

function libraryDayIsWorking(date: IsoDate): boolean {
  if (tables.workdays[date] !== undefined) return true; // 调休 make-up working day
  if (tables.holidays[date] !== undefined) return false; // statutory holiday (incl. its weekend days)
  return weekday(date) <= 5;
}

let libraryYearsCache: readonly number[] | undefined;

/**
 * The years the installed `chinese-days` package has holiday data for (2004–2026 in v1.5.7),
 * learnt from the data itself: a year counts when its 元旦 (1 January) is in the holiday table,
 * since every published arrangement has it.
 */
export function libraryCoveredYears(): readonly number[] {
  if (!libraryYearsCache) {
    const years = new Set<number>();
    for (const [date, name] of Object.entries(tables.holidays)) {
      if (date.endsWith("-01-01") && name.includes("元旦")) years.add(Number(date.slice(0, 4)));
    }
    libraryYearsCache = [...years].sort((a, b) => a - b);
  }
  return libraryYearsCache;
}

function describeYears(years: readonly number[]): string {
  if (years.length === 0) return "无";
  const first = years[0];
  const last = years[years.length - 1];
  return years.length === (last ?? 0) - (first ?? 0) + 1 ? `${first}–${last} 年` : years.join("、");
}

/**
 * A working-day calendar: `chinese-days` for the years it covers, the State Council arrangements
 * entered as data (`national`) for later years, and a programme's own corrections on top.
 */
export function makeCalendar(overrides: CalendarOverrides = {}, national: readonly HolidayArrangement[] = []): WorkingDayCalendar {
  const rest = new Set((overrides.restDays ?? []).map(assertIsoDate));
  const work = new Set((overrides.workingDays ?? []).map(assertIsoDate));
  for (const d of rest) {
    if (work.has(d)) throw new DomainError("INVALID_DATE", `${d} 不能同时是休息日和工作日`);
  }
  // Entered arrangements only for years the package does not know: the package stays the base.
  const entered = national.filter((a) => !libraryCoveredYearsSet().has(a.year));
  const nationalRest = new Set(entered.flatMap((a) => restDaysOf(a)));
  const nationalWork = new Set(entered.flatMap((a) => a.workingDays));
  const covered = new Set([...libraryCoveredYears(), ...entered.map((a) => a.year), ...(overrides.coveredYears ?? [])]);
  const coveredYears = [...covered].sort((a, b) => a - b);
  // Per-calendar memo: deadlines walk day by day and the same days are asked again and again.
  const memo = new Map<IsoDate, boolean>();

  function isWorkingDay(date: IsoDate): boolean {
    const known = memo.get(date);
    if (known !== undefined) return known;
    assertIsoDate(date);
    if (!covered.has(yearOf(date))) {
      // Never guess: treating an unknown year as plain weekdays would silently misplace
      // Spring Festival and every 调休 day.
      throw new DomainError(
        "DATE_NOT_COVERED",
        `${date}（已覆盖：${describeYears(coveredYears)}；待录入 ${yearOf(date)} 年节假日安排后确定）`,
      );
    }
    let result: boolean;
    if (rest.has(date)) result = false;
    else if (work.has(date)) result = true;
    else if (nationalRest.has(date)) result = false;
    else if (nationalWork.has(date)) result = true;
    else if (libraryCoveredYearsSet().has(yearOf(date))) result = libraryDayIsWorking(date);
    else result = weekday(date) <= 5; // a year declared covered by the programme: overrides carry its holidays
    memo.set(date, result);
    return result;
  }

  function addWorkingDays(date: IsoDate, n: number): IsoDate {
    if (!Number.isInteger(n)) throw new DomainError("INVALID_LENGTH", String(n));
    assertIsoDate(date);
    const step = n > 0 ? 1 : -1;
    let remaining = Math.abs(n);
    let current = date;
    while (remaining > 0) {
      current = addDays(current, step);
      if (isWorkingDay(current)) remaining--;
    }
    return current;
  }

  function workingDaysBetween(from: IsoDate, to: IsoDate): number {
    const order = compareDates(from, to);
    if (order === 0) return 0;
    let count = 0;
    if (order < 0) {
      for (let d = addDays(from, 1); d <= to; d = addDays(d, 1)) if (isWorkingDay(d)) count++;
      return count;
    }
    for (let d = to; d < from; d = addDays(d, 1)) if (isWorkingDay(d)) count++;
    return -count;
  }

  function nextWorkingDayOnOrAfter(date: IsoDate): IsoDate {
    let d = assertIsoDate(date);
    while (!isWorkingDay(d)) d = addDays(d, 1);
    return d;
  }

  function deadline(start: IsoDate, length: number, unit: DeadlineUnit): IsoDate {
    if (!Number.isInteger(length) || length < 0) throw new DomainError("INVALID_LENGTH", String(length));
    if (unit === "workingDays") return addWorkingDays(start, length);
    // Art. 201: counting starts the day after `start`; Art. 203: a last day that is a 法定休假日
    // (weekends included, per the courts' reading) moves to the day after the rest ends.
    return nextWorkingDayOnOrAfter(addDays(assertIsoDate(start), length));
  }

  return { coveredYears, isWorkingDay, addWorkingDays, workingDaysBetween, nextWorkingDayOnOrAfter, deadline };
}

let librarySetCache: Set<number> | undefined;
function libraryCoveredYearsSet(): Set<number> {
  librarySetCache ??= new Set(libraryCoveredYears());
  return librarySetCache;
}

let defaultCalendarCache: WorkingDayCalendar | undefined;

/** The national calendar without programme overrides. */
export function defaultCalendar(): WorkingDayCalendar {
  defaultCalendarCache ??= makeCalendar();
  return defaultCalendarCache;
}

export const isWorkingDay = (date: IsoDate): boolean => defaultCalendar().isWorkingDay(date);
export const addWorkingDays = (date: IsoDate, n: number): IsoDate => defaultCalendar().addWorkingDays(date, n);
export const workingDaysBetween = (from: IsoDate, to: IsoDate): number => defaultCalendar().workingDaysBetween(from, to);
export const nextWorkingDayOnOrAfter = (date: IsoDate): IsoDate => defaultCalendar().nextWorkingDayOnOrAfter(date);
export const deadline = (start: IsoDate, length: number, unit: DeadlineUnit): IsoDate =>
  defaultCalendar().deadline(start, length, unit);
