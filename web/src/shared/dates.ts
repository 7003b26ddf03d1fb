// Dates as people here read them: Asia/Shanghai, 2025年10月17日.
import { shanghaiDate } from "@domain/dates";
import { dateWord } from "@domain/words";

export const today = () => shanghaiDate(new Date());

export function formatDate(iso: string | undefined): string {
  if (!iso) return "—";
  return dateWord(iso);
}

export function formatInstant(value: unknown): string {
  const date = value && typeof value === "object" && "toDate" in value ? (value as { toDate(): Date }).toDate() : value instanceof Date ? value : undefined;
  if (!date) return "—";
  return new Intl.DateTimeFormat("zh-CN", { timeZone: "Asia/Shanghai", dateStyle: "medium", timeStyle: "short" }).format(date);
}
