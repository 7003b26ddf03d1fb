import { describe, expect, it } from "vitest";
import { DomainError } from "../../../functions/src/domain/errors.js";
import {
  nextPeriod,
  periodBounds,
  periodOf,
  previousPeriod,
  proRataFraction,
  reportDeadline,
} from "../../../functions/src/domain/periods.js";
import { dongguan, guangzhou } from "../../../functions/src/domain/policy/index.js";

describe("periods", () => {
  it("maps a date to its quarter or year", () => {
    expect(periodOf("2025-07-01", "quarterly")).toBe("2025-Q3");
    expect(periodOf("2025-09-30", "quarterly")).toBe("2025-Q3");
    expect(periodOf("2025-10-01", "quarterly")).toBe("2025-Q4");
    expect(periodOf("2024-02-29", "quarterly")).toBe("2024-Q1");
    expect(periodOf("2025-12-31", "annual")).toBe("2025");
  });

  it("gives the bounds of a period", () => {
    expect(periodBounds("2024-Q1")).toMatchObject({ start: "2024-01-01", end: "2024-03-31", quarter: 1 });
    expect(periodBounds("2025-Q4")).toMatchObject({ start: "2025-10-01", end: "2025-12-31" });
    expect(periodBounds("2025")).toMatchObject({ start: "2025-01-01", end: "2025-12-31", cadence: "annual" });
  });

  it("steps to neighbouring periods across year ends", () => {
    expect(nextPeriod("2025-Q4")).toBe("2026-Q1");
    expect(previousPeriod("2025-Q1")).toBe("2024-Q4");
    expect(nextPeriod("2025")).toBe("2026");
  });

  it("refuses malformed period ids", () => {
    for (const bad of ["2025-Q5", "2025Q1", "25", "2025-q1"]) {
      expect(() => periodBounds(bad)).toThrow(DomainError);
    }
  });

  it("gives the pro-rata share of the annual task book", () => {
    expect(proRataFraction("2025-Q1")).toBe(0.25);
    expect(proRataFraction("2025-Q3")).toBe(0.75);
    expect(proRataFraction("2025")).toBe(1);
  });
});

describe("report deadlines", () => {
  it("GZ-3.4.1: the 2025-Q3 report is due 10 working days after the quarter, skipping National Day", () => {
    // quarter ends 2025-09-30 Tue; 10-01..08 holidays; 10-09 Thu(1) 10-10 Fri(2) 10-11 Sat 调休(3)
    // 10-13..17 (4–8) 10-20 Mon(9) 10-21 Tue(10)
    expect(reportDeadline("2025-Q3", guangzhou)).toBe("2025-10-21");
  });

  it("GZ-2.2.11: the 2024-Q4 quarterly report deadline crosses the year end", () => {
    // quarter ends 2024-12-31 Tue; 2025-01-01 Wed 元旦; 01-02 Thu(1) 01-03 Fri(2) 01-06..10 (3–7) 01-13..15 (8–10)
    expect(reportDeadline("2024-Q4", guangzhou)).toBe("2025-01-15");
  });

  it("DG-9.1: the 2025 annual report is due 15 working days after the year", () => {
    // 2025-12-31 Wed; 2026-01-01..03 元旦; 01-04 Sun 调休(1) 01-05..09 (2–6) 01-12..16 (7–11) 01-19..22 (12–15)
    expect(reportDeadline("2025", dongguan)).toBe("2026-01-22");
  });

  it("a report deadline that needs an uncovered year (2027) is refused, not guessed", () => {
    expect(() => reportDeadline("2026", dongguan)).toThrow(/2027-01-0/);
  });

  it("refuses a period id of the wrong cadence for the pack", () => {
    expect(() => reportDeadline("2025", guangzhou)).toThrow(DomainError);
    expect(() => reportDeadline("2025-Q1", dongguan)).toThrow(DomainError);
  });
});

describe("half-yearly periods (a city that reports twice a year)", () => {
  it("has bounds, order and a pro-rata share like the others", async () => {
    const { periodBounds, periodOf, nextPeriod, proRataFraction } = await import("../../../functions/src/domain/periods.js");
    expect(periodBounds("2026-H1")).toMatchObject({ cadence: "halfYearly", start: "2026-01-01", end: "2026-06-30" });
    expect(periodBounds("2026-H2")).toMatchObject({ start: "2026-07-01", end: "2026-12-31" });
    expect(periodOf("2026-07-01", "halfYearly")).toBe("2026-H2");
    expect(nextPeriod("2026-H2")).toBe("2027-H1");
    expect(proRataFraction("2026-H1")).toBe(0.5);
  });
});
