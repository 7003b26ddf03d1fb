// Dates as people here read them: Asia/Shanghai, 2025年10月17日.
import { shanghaiDate } from "@domain/dates";

export const today = () => shanghaiDate(new Date());

export function formatDate(iso: string | undefined): string {
  if (!iso) return "—";
  const [y, m, d] = iso.split("-");
  return `${y}年${Number(m)}月${Number(d)}日`;
}

export function formatInstant(value: unknown): string {
  const date = value && typeof value === "object" && "toDate" in value ? (value as { toDate(): Date }).toDate() : value instanceof Date ? value : undefined;
  if (!date) return "—";
  return new Intl.DateTimeFormat("zh-CN", { timeZone: "Asia/Shanghai", dateStyle: "medium", timeStyle: "short" }).format(date);
}
