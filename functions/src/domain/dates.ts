// Calendar-date helpers. Business dates are `YYYY-MM-DD` strings in Asia/Shanghai; arithmetic on
// them is done in UTC by luxon so that no daylight-saving rule or host time zone can shift a day.
import { DateTime } from "luxon";
import { DomainError } from "./errors.js";

/** A calendar date `YYYY-MM-DD` (Asia/Shanghai business day). */
export type IsoDate = string;

export const BUSINESS_ZONE = "Asia/Shanghai";

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function toDateTime(date: IsoDate): DateTime {
  if (typeof date !== "string" || !ISO_DATE.test(date)) throw new DomainError("INVALID_DATE", String(date));
  const dt = DateTime.fromISO(date, { zone: "UTC" });
  if (!dt.isValid) throw new DomainError("INVALID_DATE", date);
  return dt;
}

export function isIsoDate(value: unknown): value is IsoDate {
  if (typeof value !== "string" || !ISO_DATE.test(value)) return false;
  return DateTime.fromISO(value, { zone: "UTC" }).isValid;
}

/** Throws DomainError(INVALID_DATE) unless `date` is a real `YYYY-MM-DD` date. */
export function assertIsoDate(date: IsoDate): IsoDate {
  toDateTime(date);
  return date;
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return toDateTime(date).plus({ days }).toISODate() as IsoDate;
}

/** Whole calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return Math.round(toDateTime(to).diff(toDateTime(from), "days").days);
}

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export function weekday(date: IsoDate): number {
  return toDateTime(date).weekday;
}

export function yearOf(date: IsoDate): number {
  return toDateTime(date).year;
}

export function monthOf(date: IsoDate): number {
  return toDateTime(date).month;
}

/** Lexical order equals date order for `YYYY-MM-DD`; validated so a typo cannot compare silently. */
export function compareDates(a: IsoDate, b: IsoDate): number {
  assertIsoDate(a);
  assertIsoDate(b);
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The Asia/Shanghai calendar date of an instant, e.g. the `now` a caller passes in. */
export function shanghaiDate(instant: Date): IsoDate {
  const dt = DateTime.fromJSDate(instant, { zone: BUSINESS_ZONE });
  if (!dt.isValid) throw new DomainError("INVALID_DATE", String(instant));
  return dt.toISODate() as IsoDate;
}
