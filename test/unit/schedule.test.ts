// The local scheduler's clock (scripts/local/schedule.ts): which schedules it understands, the
// latest slot in the function's time zone, and which run is due — on time, or once after days away.
import { describe, expect, it } from "vitest";
import { dueRun, latestSlot, parseSchedule } from "../../scripts/local/schedule.js";

const SH = "Asia/Shanghai";
const at = (iso: string) => new Date(iso);

describe("parseSchedule", () => {
  it("reads the forms our onSchedule functions use, and crontab with a fixed time", () => {
    expect(parseSchedule("every day 00:15")).toEqual({ kind: "daily", hour: 0, minute: 15 });
    expect(parseSchedule("every day 07:00")).toEqual({ kind: "daily", hour: 7, minute: 0 });
    expect(parseSchedule("every 60 minutes")).toEqual({ kind: "interval", minutes: 60 });
    expect(parseSchedule("every 2 hours")).toEqual({ kind: "interval", minutes: 120 });
    expect(parseSchedule("15 0 * * *")).toEqual({ kind: "daily", hour: 0, minute: 15 });
  });

  it("does not guess at anything else", () => {
    for (const s of ["every monday 09:00", "*/5 * * * 1-5", "every day 25:00", "every 7 minutes", "1st monday of month 09:00"]) expect(parseSchedule(s)).toBeUndefined();
  });
});

describe("latestSlot", () => {
  const daily = parseSchedule("every day 00:15")!;

  it("is today's time in Beijing once it has passed, else yesterday's", () => {
    expect(latestSlot(daily, SH, at("2026-11-30T16:15:00Z"))).toEqual(at("2026-11-30T16:15:00Z")); // 12-01 00:15 Beijing, exactly
    expect(latestSlot(daily, SH, at("2026-11-30T16:14:59Z"))).toEqual(at("2026-11-29T16:15:00Z"));
    expect(latestSlot(daily, SH, at("2026-11-30T05:00:00Z"))).toEqual(at("2026-11-29T16:15:00Z"));
  });

  it("counts intervals from midnight in the time zone", () => {
    expect(latestSlot(parseSchedule("every 60 minutes")!, SH, at("2026-11-30T05:42:10Z"))).toEqual(at("2026-11-30T05:00:00Z"));
    expect(latestSlot(parseSchedule("every 2 hours")!, SH, at("2026-11-30T05:42:10Z"))).toEqual(at("2026-11-30T04:00:00Z")); // 12:00 Beijing
  });
});

describe("dueRun", () => {
  const daily = parseSchedule("every day 00:15")!;

  it("runs a slot once: due when reached, not again after it ran", () => {
    const last = at("2026-11-29T16:15:00Z");
    expect(dueRun(daily, SH, last, at("2026-11-30T16:14:00Z"))).toBeUndefined();
    expect(dueRun(daily, SH, last, at("2026-11-30T16:15:20Z"))).toEqual(at("2026-11-30T16:15:00Z"));
    expect(dueRun(daily, SH, at("2026-11-30T16:15:00Z"), at("2026-11-30T16:15:40Z"))).toBeUndefined();
  });

  it("after three days stopped, catches up once, for the latest missed slot", () => {
    expect(dueRun(daily, SH, at("2026-11-26T16:15:00Z"), at("2026-11-30T03:00:00Z"))).toEqual(at("2026-11-29T16:15:00Z"));
  });

  it("owes nothing for the time before a first start", () => {
    expect(dueRun(daily, SH, undefined, at("2026-11-30T03:00:00Z"))).toBeUndefined();
  });
});
