// Reporting periods: `2025-Q3` (Guangzhou, quarterly, GZ-3.4.1), `2025` (Dongguan, annual,
// DG-9.1) and `2025-H1` (half-yearly, for a city whose rules report twice a year). Bounds are
// Asia/Shanghai calendar dates.
import { defaultCalendar, type WorkingDayCalendar } from "./calendar.js";
import { addDays, assertIsoDate, type IsoDate, monthOf, yearOf } from "./dates.js";
import { DomainError } from "./errors.js";
import type { Cadence, PolicyPack } from "./policy/schema.js";

export type PeriodId = string;

export interface PeriodBounds {
  id: PeriodId;
  cadence: Cadence;
  year: number;
  /** 1–4 for quarterly periods. */
  quarter?: number;
  /** 1–2 for half-yearly periods. */
  half?: number;
  start: IsoDate;
  end: IsoDate;
}

const QUARTER_ID = /^(\d{4})-Q([1-4])$/;
const YEAR_ID = /^(\d{4})$/;
const HALF_ID = /^(\d{4})-H([12])$/;

export function periodOf(date: IsoDate, cadence: Cadence): PeriodId {
  const year = yearOf(date);
  if (cadence === "annual") return String(year);
  if (cadence === "halfYearly") return `${year}-H${monthOf(date) <= 6 ? 1 : 2}`;
  return `${year}-Q${Math.ceil(monthOf(date) / 3)}`;
}

export function isPeriodId(id: string): boolean {
  return QUARTER_ID.test(id) || YEAR_ID.test(id) || HALF_ID.test(id);
}

export function periodBounds(id: PeriodId): PeriodBounds {
  const q = QUARTER_ID.exec(id);
  if (q) {
    const year = Number(q[1]);
    const quarter = Number(q[2]);
    const startMonth = (quarter - 1) * 3 + 1;
    const start = `${year}-${String(startMonth).padStart(2, "0")}-01`;
    const nextStart = quarter === 4 ? `${year + 1}-01-01` : `${year}-${String(startMonth + 3).padStart(2, "0")}-01`;
    return { id, cadence: "quarterly", year, quarter, start: assertIsoDate(start), end: addDays(nextStart, -1) };
  }
  const h = HALF_ID.exec(id);
  if (h) {
    const year = Number(h[1]);
    const half = Number(h[2]);
    return half === 1 ? { id, cadence: "halfYearly", year, half, start: `${year}-01-01`, end: `${year}-06-30` } : { id, cadence: "halfYearly", year, half, start: `${year}-07-01`, end: `${year}-12-31` };
  }
  const y = YEAR_ID.exec(id);
  if (y) {
    const year = Number(y[1]);
    return { id, cadence: "annual", year, start: `${year}-01-01`, end: `${year}-12-31` };
  }
  throw new DomainError("INVALID_PERIOD", id);
}

/** The period after `id` with the same cadence. */
export function nextPeriod(id: PeriodId): PeriodId {
  const b = periodBounds(id);
  return periodOf(addDays(b.end, 1), b.cadence);
}

/** The period before `id` with the same cadence. */
export function previousPeriod(id: PeriodId): PeriodId {
  const b = periodBounds(id);
  return periodOf(addDays(b.start, -1), b.cadence);
}

/**
 * Share of the annual task book that should be done by the end of this period: Q1 ¼ … Q4 1,
 * H1 ½, H2 1, annual 1. Used for pro-rata targets (GZ-4.4a.3) and quarterly scoring.
 */
export function proRataFraction(id: PeriodId): number {
  const b = periodBounds(id);
  if (b.quarter) return b.quarter / 4;
  return b.half ? b.half / 2 : 1;
}

/** The pro-rata share as people write it: `2025-Q3` → 3/4, `2026-H1` → 1/2, an annual period → 1. */
export function proRataWords(id: PeriodId): string {
  const b = periodBounds(id);
  if (b.quarter) return `${b.quarter}/4`;
  return b.half === 1 ? "1/2" : "1";
}

/**
 * Last day to submit the report for period `id`: the pack's report-deadline rule counted from
 * the period's last day (GZ-3.4.1, DG-9.1; the length itself is programme configuration).
 */
export function reportDeadline(id: PeriodId, pack: PolicyPack, calendar: WorkingDayCalendar = defaultCalendar()): IsoDate {
  const b = periodBounds(id);
  if (b.cadence !== pack.cadence) {
    throw new DomainError("INVALID_PERIOD", `${id} 与政策包“${pack.name}”的报送周期不符`);
  }
  return calendar.deadline(b.end, pack.reportDeadline.length, pack.reportDeadline.unit);
}
