import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  addWorkingDays,
  deadline,
  isWorkingDay,
  libraryCoveredYears,
  makeCalendar,
  workingDaysBetween,
} from "../../../functions/src/domain/calendar.js";
import { addDays } from "../../../functions/src/domain/dates.js";
import { DomainError } from "../../../functions/src/domain/errors.js";

function errorOf(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (e) {
    if (e instanceof DomainError) return e;
    throw e;
  }
  throw new Error("expected a DomainError");
}

describe("isWorkingDay — statutory holidays and 调休", () => {
  it("knows Spring Festival 2025 and its make-up days", () => {
    expect(isWorkingDay("2025-01-26")).toBe(true); // 2025-01-26 Sun (调休 working day)
    expect(isWorkingDay("2025-01-28")).toBe(false); // 2025-01-28 Tue (除夕, 春节 holiday)
    expect(isWorkingDay("2025-02-04")).toBe(false); // 2025-02-04 Tue (last day of 春节 holiday)
    expect(isWorkingDay("2025-02-05")).toBe(true); // 2025-02-05 Wed (first working day after)
    expect(isWorkingDay("2025-02-08")).toBe(true); // 2025-02-08 Sat (调休 working day)
    expect(isWorkingDay("2025-02-09")).toBe(false); // 2025-02-09 Sun (ordinary weekend)
  });

  it("knows National Day 2025 (merged with 中秋) and its make-up Saturday", () => {
    expect(isWorkingDay("2025-09-28")).toBe(true); // 2025-09-28 Sun (调休 working day)
    expect(isWorkingDay("2025-10-01")).toBe(false); // 2025-10-01 Wed (国庆)
    expect(isWorkingDay("2025-10-08")).toBe(false); // 2025-10-08 Wed (国庆 holiday, 8th day)
    expect(isWorkingDay("2025-10-11")).toBe(true); // 2025-10-11 Sat (调休 working day)
  });

  it("knows year ends and leap days", () => {
    expect(isWorkingDay("2024-12-31")).toBe(true); // 2024-12-31 Tue
    expect(isWorkingDay("2025-01-01")).toBe(false); // 2025-01-01 Wed (元旦)
    expect(isWorkingDay("2024-02-29")).toBe(true); // 2024-02-29 Thu (leap day)
    expect(isWorkingDay("2026-01-04")).toBe(true); // 2026-01-04 Sun (调休 after 元旦 2026)
    expect(isWorkingDay("2026-02-23")).toBe(false); // 2026-02-23 Mon (last day of 春节 2026)
  });

  it("does not depend on the host time zone (the package's own functions do)", () => {
    const saved = process.env.TZ;
    try {
      process.env.TZ = "America/Los_Angeles";
      const cal = makeCalendar();
      expect(cal.isWorkingDay("2025-01-01")).toBe(false); // 2025-01-01 Wed (元旦)
      expect(cal.isWorkingDay("2025-01-26")).toBe(true); // 2025-01-26 Sun (调休)
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
  });
});

describe("coverage of the holiday data", () => {
  it("learns the covered years from the package (2004–2026 contiguous)", () => {
    const years = libraryCoveredYears();
    expect(years[0]).toBe(2004);
    expect(years[years.length - 1]).toBe(2026);
    expect(years.length).toBe(2026 - 2004 + 1);
  });

  it("refuses a date in an uncovered year instead of treating it as a plain weekday", () => {
    const e = errorOf(() => isWorkingDay("2027-01-04")); // 2027-01-04 Mon, no data yet
    expect(e.code).toBe("DATE_NOT_COVERED");
    expect(e.message).toContain("2004–2026");
    expect(errorOf(() => isWorkingDay("2003-12-31")).code).toBe("DATE_NOT_COVERED");
  });

  it("refuses a count that walks into an uncovered year", () => {
    // 2026-12-31 Thu; the next working day would be in 2027
    expect(errorOf(() => addWorkingDays("2026-12-31", 1)).code).toBe("DATE_NOT_COVERED");
  });

  it("refuses malformed and impossible dates", () => {
    expect(errorOf(() => isWorkingDay("2025-02-30")).code).toBe("INVALID_DATE");
    expect(errorOf(() => isWorkingDay("2025/01/02")).code).toBe("INVALID_DATE");
    expect(errorOf(() => addWorkingDays("2025-01-02", 1.5)).code).toBe("INVALID_LENGTH");
    expect(errorOf(() => deadline("2025-01-02", -1, "calendarDays")).code).toBe("INVALID_LENGTH");
  });
});

describe("addWorkingDays / workingDaysBetween", () => {
  it("jumps over Spring Festival 2025", () => {
    // 2025-01-27 Mon → next working day after the holiday is 2025-02-05 Wed
    expect(addWorkingDays("2025-01-27", 1)).toBe("2025-02-05");
    expect(addWorkingDays("2025-02-05", -1)).toBe("2025-01-27");
  });

  it("counts a make-up Sunday as a working day", () => {
    // 2025-01-24 Fri → 2025-01-25 Sat rest → 2025-01-26 Sun (调休) works
    expect(addWorkingDays("2025-01-24", 1)).toBe("2025-01-26");
  });

  it("crosses year ends", () => {
    expect(addWorkingDays("2024-12-31", 1)).toBe("2025-01-02"); // 2025-01-01 Wed is 元旦
    expect(addWorkingDays("2025-12-31", 1)).toBe("2026-01-04"); // 01-01..03 off, 01-04 Sun 调休
  });

  it("counts one working day across the National Day week", () => {
    // (2025-09-30 Tue, 2025-10-09 Thu]: Oct 1–8 are holidays, Oct 9 Thu works
    expect(workingDaysBetween("2025-09-30", "2025-10-09")).toBe(1);
    // backwards it counts [2025-09-30, 2025-10-09): only 09-30 Tue works
    expect(workingDaysBetween("2025-10-09", "2025-09-30")).toBe(-1);
    // (2025-09-26 Fri, 2025-10-11 Sat]: 09-28 Sun 调休, 09-29 Mon, 09-30 Tue, 10-09, 10-10, 10-11 Sat 调休
    expect(workingDaysBetween("2025-09-26", "2025-10-11")).toBe(6);
  });

  it("is zero for the same day", () => {
    expect(workingDaysBetween("2025-06-03", "2025-06-03")).toBe(0);
    expect(addWorkingDays("2025-06-07", 0)).toBe("2025-06-07"); // 2025-06-07 Sat, n = 0 returns the date itself
  });
});

describe("deadline — Civil Code Arts. 201–203", () => {
  it("does not count the start day (calendar days)", () => {
    // 2025-03-03 Mon + 5 days → 2025-03-08 Sat rest → moves to 2025-03-10 Mon
    expect(deadline("2025-03-03", 5, "calendarDays")).toBe("2025-03-10");
    // 2025-03-04 Tue + 3 → 2025-03-07 Fri
    expect(deadline("2025-03-04", 3, "calendarDays")).toBe("2025-03-07");
  });

  it("moves a calendar-day deadline landing on a holiday to the next working day", () => {
    // 2025-09-26 Fri + 5 → 2025-10-01 Wed (国庆) → first working day is 2025-10-09 Thu
    expect(deadline("2025-09-26", 5, "calendarDays")).toBe("2025-10-09");
  });

  it("keeps a calendar-day deadline landing on a make-up working Sunday", () => {
    // 2025-01-21 Tue + 5 → 2025-01-26 Sun, a 调休 working day: not a rest day, so it stays
    expect(deadline("2025-01-21", 5, "calendarDays")).toBe("2025-01-26");
  });

  it("handles leap years", () => {
    expect(deadline("2024-02-28", 1, "calendarDays")).toBe("2024-02-29"); // 2024-02-29 Thu
    expect(deadline("2023-02-28", 1, "calendarDays")).toBe("2023-03-01"); // 2023-03-01 Wed
  });

  it("counts working days after the start day", () => {
    // after 2025-09-30 Tue: 10-09 Thu(1) 10-10 Fri(2) 10-11 Sat 调休(3) 10-13..17(4–8) 10-20 Mon(9) 10-21 Tue(10)
    expect(deadline("2025-09-30", 10, "workingDays")).toBe("2025-10-21");
  });
});

describe("programme overrides", () => {
  it("an extra closure day becomes a rest day and is skipped", () => {
    const cal = makeCalendar({ restDays: ["2025-03-12"] }); // 2025-03-12 Wed, e.g. typhoon closure
    expect(cal.isWorkingDay("2025-03-12")).toBe(false);
    expect(cal.addWorkingDays("2025-03-11", 1)).toBe("2025-03-13");
    expect(isWorkingDay("2025-03-12")).toBe(true); // the national calendar is untouched
  });

  it("an extra working day counts", () => {
    const cal = makeCalendar({ workingDays: ["2025-03-15"] }); // 2025-03-15 Sat
    expect(cal.addWorkingDays("2025-03-14", 1)).toBe("2025-03-15");
  });

  it("a year entered by the programme becomes covered", () => {
    const cal = makeCalendar({ coveredYears: [2027], restDays: ["2027-01-01"] });
    expect(cal.isWorkingDay("2027-01-01")).toBe(false); // 2027-01-01 Fri (元旦, entered by hand)
    expect(cal.isWorkingDay("2027-01-04")).toBe(true); // 2027-01-04 Mon
    expect(cal.coveredYears).toContain(2027);
  });

  it("refuses a day that is both closure and working day", () => {
    expect(errorOf(() => makeCalendar({ restDays: ["2025-03-12"], workingDays: ["2025-03-12"] })).code).toBe("INVALID_DATE");
  });
});

describe("calendar invariants (property tests)", () => {
  const FIRST = "2005-01-01";
  const SPAN = 365 * 20; // up to 2024-12-27
  const dateArb = fc.integer({ min: 0, max: SPAN }).map((i) => addDays(FIRST, i));

  it("workingDaysBetween(d, addWorkingDays(d, n)) === n", () => {
    fc.assert(
      fc.property(dateArb, fc.integer({ min: -60, max: 60 }), (d, n) => {
        expect(workingDaysBetween(d, addWorkingDays(d, n))).toBe(n);
      }),
      { numRuns: 300 },
    );
  });

  it("addWorkingDays with n ≠ 0 lands on a working day on the right side", () => {
    fc.assert(
      fc.property(dateArb, fc.integer({ min: -40, max: 40 }).filter((n) => n !== 0), (d, n) => {
        const r = addWorkingDays(d, n);
        expect(isWorkingDay(r)).toBe(true);
        expect(n > 0 ? r > d : r < d).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it("workingDaysBetween is additive over ordered dates", () => {
    fc.assert(
      fc.property(dateArb, fc.integer({ min: 0, max: 50 }), fc.integer({ min: 0, max: 50 }), (a, x, y) => {
        const b = addDays(a, x);
        const c = addDays(b, y);
        expect(workingDaysBetween(a, c)).toBe(workingDaysBetween(a, b) + workingDaysBetween(b, c));
      }),
      { numRuns: 200 },
    );
  });

  it("a calendar-day deadline is the first working day on or after start + length", () => {
    fc.assert(
      fc.property(dateArb, fc.integer({ min: 0, max: 30 }), (start, len) => {
        const end = deadline(start, len, "calendarDays");
        const nominal = addDays(start, len);
        expect(end >= nominal).toBe(true);
        expect(isWorkingDay(end)).toBe(true);
        for (let d = nominal; d < end; d = addDays(d, 1)) expect(isWorkingDay(d)).toBe(false);
      }),
      { numRuns: 200 },
    );
  });
});
