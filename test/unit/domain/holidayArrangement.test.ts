// A year's State Council arrangement entered as data: validated, then used by the calendar for a
// year chinese-days does not cover. The 2027 arrangement here is made up for the test (the real
// notice is entered by an administrator when it is published), so dates are annotated by weekday.
import { describe, expect, it } from "vitest";
import { libraryCoveredYears, makeCalendar } from "../../../functions/src/domain/calendar.js";
import { DomainError } from "../../../functions/src/domain/errors.js";
import { arrangementProblems, holidayArrangementSchema, restDaysOf, type HolidayArrangement } from "../../../functions/src/domain/holidayArrangement.js";
import { periodCloseRefusal } from "../../../functions/src/domain/jobs.js";
import { dongguan, guangzhou } from "../../../functions/src/domain/policy/index.js";
import { reportMachine } from "../../../functions/src/domain/report.machine.js";
import { newPeriod, periodDeadline, reportDeadlineOf } from "../../../functions/src/domain/reportSchedule.js";

const fictional2027: HolidayArrangement = {
  year: 2027,
  reference: "测试用安排（虚构）",
  holidays: [
    { name: "元旦", from: "2027-01-01", to: "2027-01-03" }, // Fri–Sun
    { name: "春节", from: "2027-02-05", to: "2027-02-13" }, // Fri–Sat
  ],
  workingDays: ["2027-01-30", "2027-02-20"], // Sat, Sat
};

describe("holiday arrangement entered as data", () => {
  it("a valid arrangement has no problems and lists its rest days", () => {
    expect(holidayArrangementSchema.parse(fictional2027)).toEqual(fictional2027);
    expect(arrangementProblems(fictional2027)).toEqual([]);
    expect(restDaysOf(fictional2027)).toHaveLength(3 + 9);
  });

  it("a make-up working day must be a weekend day", () => {
    const wrong = { ...fictional2027, workingDays: ["2027-02-17"] }; // Wed
    expect(arrangementProblems(wrong).join()).toContain("2027-02-17 不是周六或周日");
  });

  it("no day is both rest and working, spans do not overlap, and lie in the year", () => {
    expect(arrangementProblems({ ...fictional2027, workingDays: ["2027-01-02"] }).join()).toContain("不能同时是放假日和调休上班日"); // Sat in 元旦
    expect(arrangementProblems({ ...fictional2027, holidays: [...fictional2027.holidays, { name: "重复", from: "2027-02-13", to: "2027-02-14" }] }).join()).toContain("放假安排重叠");
    expect(arrangementProblems({ ...fictional2027, holidays: [{ name: "国庆节", from: "2027-10-07", to: "2027-10-01" }] }).join()).toContain("结束日期早于开始日期");
    expect(arrangementProblems({ ...fictional2027, holidays: [{ name: "国庆节", from: "2028-10-01", to: "2028-10-07" }] }).join()).toContain("不在 2027 年内");
  });

  it("the schema names the field in Chinese", () => {
    const r = holidayArrangementSchema.safeParse({ ...fictional2027, reference: "" });
    expect(r.success).toBe(false);
  });

  it("the calendar refuses an uncovered year and counts on an entered one", () => {
    expect(libraryCoveredYears()).not.toContain(2027);
    const without = makeCalendar();
    expect(() => without.isWorkingDay("2027-01-04")).toThrow(DomainError);
    expect(() => without.isWorkingDay("2027-01-04")).toThrow(/待录入 2027 年节假日安排后确定/);

    const cal = makeCalendar({}, [fictional2027]);
    expect(cal.coveredYears).toContain(2027);
    expect(cal.isWorkingDay("2027-01-01")).toBe(false); // Fri, 元旦
    expect(cal.isWorkingDay("2027-01-04")).toBe(true); // Mon
    expect(cal.isWorkingDay("2027-01-30")).toBe(true); // Sat, 调休上班
    expect(cal.isWorkingDay("2027-02-08")).toBe(false); // Mon, 春节
    // 2026-12-31 Thu + 1 working day skips 元旦 (Fri–Sun) → Mon 2027-01-04.
    expect(cal.addWorkingDays("2026-12-31", 1)).toBe("2027-01-04");
  });

  it("a programme's own closure day still applies on top of the national arrangement", () => {
    const cal = makeCalendar({ restDays: ["2027-01-04"] }, [fictional2027]);
    expect(cal.isWorkingDay("2027-01-04")).toBe(false);
  });

  it("an entered arrangement never replaces chinese-days for a year the package covers", () => {
    const bogus2026: HolidayArrangement = { year: 2026, reference: "测试", holidays: [{ name: "错误", from: "2026-03-02", to: "2026-03-02" }], workingDays: [] };
    expect(makeCalendar({}, [bogus2026]).isWorkingDay("2026-03-02")).toBe(true); // Mon, a plain working day in the package
  });

  it("GZ-3.4.1 / DG-9.1: a deadline waiting for 2027 is counted on the arrangement once it is entered", () => {
    const before = newPeriod("2026-Q4", guangzhou, makeCalendar());
    expect(before).toMatchObject({ deadlinePendingYear: 2027 });
    expect(reportDeadlineOf(before, "2026-Q4", guangzhou, makeCalendar())).toBeUndefined();
    const entered = makeCalendar({}, [fictional2027]);
    // 10 working days after Thu 2026-12-31, skipping 元旦 (Fri–Sun): Mon 01-04 … Fri 01-15.
    // The evaluation closes 10 working days later: Fri 2027-01-29.
    expect(periodDeadline("2026-Q4", guangzhou, entered)).toEqual({ reportDeadline: "2027-01-15", evaluationCloseOn: "2027-01-29", nextDeadlineOn: "2027-01-08" });
    // Dongguan's annual report: 15 working days → Fri 2027-01-22.
    expect(periodDeadline("2026", dongguan, entered)).toMatchObject({ reportDeadline: "2027-01-22" });
  });

  it("GZ-3.4.1: while the deadline waits, a report is accepted and not recorded late, and the period cannot be closed", () => {
    const ctx = { today: "2026-12-20", pack: guangzhou, programmeEndsOn: null, deadline: undefined, periodClosed: false, missingFields: [] };
    const submitted = reportMachine.transition("draft", { type: "submit" }, ctx);
    expect(submitted).toMatchObject({ ok: true, next: "submitted", effects: [] });
    expect(reportMachine.transition("returned", { type: "resubmit" }, ctx)).toMatchObject({ ok: true, next: "submitted" });
    const refusal = periodCloseRefusal("2026-Q4", { state: "open", deadlinePendingYear: 2027 }, "2027-01-20");
    expect(refusal).toMatchObject({ code: "DEADLINE_PENDING" });
    expect(refusal?.message).toContain("2026年第四季度的报送截止日待录入 2027 年节假日安排后确定");
  });
});
