// Dates as people here read them: Asia/Shanghai, 2025年10月17日.
import { shanghaiDate } from "@domain/dates";
import { dateWord } from "@domain/words";

export const today = () => shanghaiDate(new Date());

export function formatDate(iso: string | undefined): string {
  if (!iso) return "—";
  return dateWord(iso);
}

const asDate = (value: unknown): Date | undefined => (value && typeof value === "object" && "toDate" in value ? (value as { toDate(): Date }).toDate() : value instanceof Date ? value : undefined);

/** The day (in Shanghai) of a stored instant, as a date is written: 2025年10月17日. */
export function formatInstantDate(value: unknown): string {
  const date = asDate(value);
  return date ? dateWord(shanghaiDate(date)) : "—";
}

export function formatInstant(value: unknown): string {
  const date = asDate(value);
  if (!date) return "—";
  return new Intl.DateTimeFormat("zh-CN", { timeZone: "Asia/Shanghai", dateStyle: "medium", timeStyle: "short" }).format(date);
}
