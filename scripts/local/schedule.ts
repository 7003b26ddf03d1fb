// When a scheduled function is due, as Cloud Scheduler would run it. Understands the App Engine
// cron forms onSchedule takes ("every day 00:15", "every 60 minutes", "every 2 hours") and a
// crontab line with a fixed minute and hour ("15 0 * * *"). Anything else is left unparsed, and
// the local scheduler says it will not run that function, rather than guess.
import { DateTime } from "luxon";

export type Schedule = { kind: "daily"; hour: number; minute: number } | { kind: "interval"; minutes: number };

export function parseSchedule(text: string): Schedule | undefined {
  const t = text.trim().toLowerCase();
  let m = /^every day (\d{1,2}):(\d{2})$/.exec(t);
  if (m) return daily(Number(m[1]), Number(m[2]));
  m = /^(\d{1,2}) (\d{1,2}) \* \* \*$/.exec(t);
  if (m) return daily(Number(m[2]), Number(m[1]));
  m = /^every (\d+) (minute|minutes|mins|hour|hours)$/.exec(t);
  if (m) {
    const minutes = Number(m[1]) * (m[2]!.startsWith("hour") ? 60 : 1);
    // Slots count from midnight, so the interval must divide the day.
    return minutes > 0 && 1440 % minutes === 0 ? { kind: "interval", minutes } : undefined;
  }
  return undefined;
}

function daily(hour: number, minute: number): Schedule | undefined {
  return hour < 24 && minute < 60 ? { kind: "daily", hour, minute } : undefined;
}

/** The latest scheduled instant at or before `now`, in the schedule's time zone. */
export function latestSlot(s: Schedule, timeZone: string, now: Date): Date {
  const local = DateTime.fromJSDate(now, { zone: timeZone });
  if (s.kind === "daily") {
    const today = local.set({ hour: s.hour, minute: s.minute, second: 0, millisecond: 0 });
    return (today <= local ? today : today.minus({ days: 1 })).toJSDate();
  }
  const midnight = local.startOf("day");
  const slots = Math.floor(local.diff(midnight, "minutes").minutes / s.minutes);
  return midnight.plus({ minutes: slots * s.minutes }).toJSDate();
}

/**
 * The run that is due now, if any: the latest slot, when it is later than the last one run. A
 * start after days away runs once, for the latest slot missed: the jobs work "as of" their
 * scheduled day, so that one run does what the missed ones would have. With no record of a last
 * run (a first start), nothing is due until the next slot.
 */
export function dueRun(s: Schedule, timeZone: string, lastRun: Date | undefined, now: Date): Date | undefined {
  const slot = latestSlot(s, timeZone, now);
  return lastRun && slot > lastRun ? slot : undefined;
}
