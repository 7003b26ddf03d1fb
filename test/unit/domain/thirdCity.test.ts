// The test-only third city (示例市, policy/testOnlySample.ts): half-yearly periods, calendar-day
// deadlines, no bureau meeting, no criticism or awards, its own SL- clauses — decided by the same
// domain code as Guangzhou and Dongguan, with nothing city-specific outside the pack.
import { describe, expect, it } from "vitest";
import { awardDecision } from "../../../functions/src/domain/awards.js";
import { makeCalendar } from "../../../functions/src/domain/calendar.js";
import { clearOutMachine } from "../../../functions/src/domain/clearOut.machine.js";
import { periodCloseGrounds } from "../../../functions/src/domain/grounds.js";
import { periodOf, proRataWords, reportDeadline } from "../../../functions/src/domain/periods.js";
import { getPolicyPack, policyPackSchema, testOnlyPackRefusal } from "../../../functions/src/domain/policy/index.js";
import { testOnlySample as sl } from "../../../functions/src/domain/policy/testOnlySample.js";
import { decideOpening } from "../../../functions/src/domain/proceedings.js";
import { newPeriod } from "../../../functions/src/domain/reportSchedule.js";
import { reviewBatchId } from "../../../functions/src/domain/reviewBatches.js";
import { evaluate } from "../../../functions/src/domain/scoring.js";
import { periodWord } from "../../../functions/src/domain/words.js";
import { base, codeOf, dg, gz, okNext } from "./fixtures.js";

// Like the demo programmes: 2027's New Year's Day entered, so 2026-H2's deadline can be counted.
const calendar = makeCalendar({ restDays: ["2027-01-01"], workingDays: [], coveredYears: [2027] });
const ev = [{ description: "工作小组核查记录" }];

describe("示例市（测试用）: a third city is a pack file", () => {
  it("SL-4: the pack is registered, valid, test-only, with its own clause prefix everywhere", () => {
    expect(getPolicyPack("testOnlySample")).toBe(sl);
    expect(policyPackSchema.safeParse(sl).success).toBe(true);
    expect(sl.testOnly).toBe(true);
    expect([gz.testOnly, dg.testOnly]).toEqual([false, false]);
    const cited = JSON.stringify({ clauses: sl.clauses, grounds: sl.groundWords, docs: sl.requiredDocuments, fixed: sl.fixedSettings });
    expect(cited).not.toMatch(/\b(GZ|DG)-/);
    expect(Object.values(sl.clauses).flatMap((c) => (typeof c === "string" ? [c] : c ? Object.values(c) : [])).every((c) => c.startsWith("SL-"))).toBe(true);
  });

  it("SL-4: half-yearly periods 2026-H1 and 2026-H2, due 30 calendar days after the half-year (a Saturday moves to Monday)", () => {
    expect(periodOf("2026-05-20", sl.cadence)).toBe("2026-H1");
    expect(periodOf("2026-07-01", sl.cadence)).toBe("2026-H2");
    expect(periodWord("2026-H1")).toBe("2026年上半年");
    expect(reportDeadline("2026-H1", sl, calendar)).toBe("2026-07-30");
    // 2027-01-30 is a Saturday: a calendar-day deadline ending on a rest day moves to the next working day.
    expect(reportDeadline("2026-H2", sl, calendar)).toBe("2027-02-01");
    // Counted in working days the same length would end weeks later.
    expect(calendar.deadline("2026-06-30", 30, "workingDays")).not.toBe("2026-07-30");
    expect(newPeriod("2026-H1", sl, calendar)).toMatchObject({ id: "2026-H1", cadence: "halfYearly", start: "2026-01-01", end: "2026-06-30", reportDeadline: "2026-07-30", state: "open" });
    expect(() => reportDeadline("2026-Q2", sl, calendar)).toThrow("报送周期不符");
    expect(proRataWords("2026-H1")).toBe("1/2");
  });

  it("SL-5: its own scoring model scores a half-year against half the annual task book", () => {
    const r = evaluate(
      { periodId: "2026-H1", targets: { enterprisesTransformed: 20, diagnoses: 10 }, actuals: { enterprisesTransformed: 10, diagnoses: 5 }, reporting: "onTime", complaints: { received: 0, closed: 0 }, judged: [{ partId: "dutyReview", score: 25, methods: ["siteVisit"] }] },
      sl.scoring,
    );
    if (!r.ok) throw new Error(r.message);
    expect(r.value).toMatchObject({ total: 95, band: "优秀", passed: true, complete: true });
    expect(r.value.dimensions[0]!.explanation).toContain("完成改造企业 10/10（年度目标 20 × 1/2）");
  });

  it("SL-6.2: at close a unit that never reported is a clear-out candidate under the pack's clause; a late report raises no criticism (the pack has none)", () => {
    const facts = { unitId: "sl-u04", periodId: "2026-H1", reportDeadline: "2026-07-30", evaluationCloseOn: "2026-08-13", failedEvaluationsBefore: 0, targets: { enterprisesTransformed: 20 }, actuals: {}, failedAcceptances: [] };
    expect(periodCloseGrounds({ ...facts, report: { state: "missing", late: false, returnedCount: 0 } }, sl)).toEqual([
      { clause: "SL-6.2", proceeding: "clearOut", subject: { kind: "unit", id: "sl-u04" }, evidence: ["2026年上半年截至评价截止日 2026年8月13日 未报送材料，未按规定参加绩效评价"] },
    ]);
    expect(periodCloseGrounds({ ...facts, report: { state: "submitted", late: true, returnedCount: 0 }, actuals: { enterprisesTransformed: 1 } }, sl)).toEqual([]);
  });

  it("SL-6: no bureau meeting — a clear-out takes effect directly and recording a meeting is refused", () => {
    const ctx = { ...base(sl, "2026-08-10"), ground: "SL-6.4", reason: "提供虚假材料" };
    expect(clearOutMachine.allowedEvents("proposed", ctx).sort()).toEqual(["dismiss", "takeEffect"]);
    expect(codeOf(clearOutMachine.transition("proposed", { type: "recordBureauMeeting", heldOn: "2026-08-01", minutesDocumentId: "m1", decision: "confirmed" }, ctx))).toBe("BUREAU_MEETING_NOT_IN_POLICY");
    const t = okNext(clearOutMachine.transition("proposed", { type: "takeEffect" }, ctx));
    expect(t).toMatchObject({ next: "effective", clause: "SL-6.4" });
    expect(okNext(clearOutMachine.transition("effective", { type: "announce" }, ctx)).clause).toBe("SL-6.5");
  });

  it("SL-6: the features the city lacks are refused — criticism, partner removal, awards, a ground of another city", () => {
    expect(codeOf(decideOpening({ kind: "criticism", ground: "SL-6.2", evidence: ev }, sl))).toBe("PROCEDURE_NOT_IN_POLICY");
    expect(codeOf(decideOpening({ kind: "partnerRemoval", ground: "SL-6.2", evidence: ev }, sl))).toBe("PROCEDURE_NOT_IN_POLICY");
    expect(codeOf(decideOpening({ kind: "clearOut", ground: "GZ-4.4b.5", evidence: ev }, sl))).toBe("GROUND_NOT_IN_POLICY");
    expect(codeOf(decideOpening({ kind: "clearOut", ground: "SL-6.4", evidence: ev }, sl))).toBe("ok");
    const award = awardDecision({ pack: sl, kind: "excellentUnit", subject: { name: "示例单位", status: "listed" }, decidedOn: "2026-08-01", today: "2026-08-10", alreadyAwarded: false });
    expect(codeOf(award)).toBe("AWARDS_NOT_IN_POLICY");
  });

  it("SL-7.4: change applications are reviewed in half-yearly batches", () => {
    expect(reviewBatchId("2026-03-15", sl)).toBe("2026-H1");
    expect(reviewBatchId("2026-09-01", sl)).toBe("2026-H2");
  });

  it("SL-3: a test-only pack is refused off the emulator; the real packs never are", () => {
    expect(testOnlyPackRefusal(sl, false)).toMatchObject({ ok: false, code: "POLICY_PACK_TEST_ONLY" });
    expect(testOnlyPackRefusal(sl, false)?.message).toContain("仅供测试使用");
    expect(testOnlyPackRefusal(sl, true)).toBeUndefined();
    expect(testOnlyPackRefusal(gz, false)).toBeUndefined();
  });
});
