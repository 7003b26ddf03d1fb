// Pure pieces of the evaluation cycle: the extra period-close facts, the ranking cut-off from the
// summary, reminder days, and the evaluation-draft helpers.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { findJudgedPart, judgedParts, reportingStatus } from "../../../functions/src/domain/evaluationDraft.js";
import { failedEvaluationGrounds, periodCloseGrounds, type UnitPeriodFacts } from "../../../functions/src/domain/grounds.js";
import { atOrBelowThreshold, lowestRanked, lowestRankedThreshold, rank, summarise } from "../../../functions/src/domain/ranking.js";
import { dueReportReminder, newPeriod, reportReminderDates } from "../../../functions/src/domain/reportSchedule.js";
import { deadlineWord } from "../../../functions/src/domain/words.js";
import { calendar, dg, gz } from "./fixtures.js";

const facts = (over: Partial<UnitPeriodFacts> = {}): UnitPeriodFacts => ({
  unitId: "u1",
  periodId: "2025-Q3",
  reportDeadline: "2025-10-21",
  report: { state: "submitted", late: false, returnedCount: 0 },
  failedEvaluationsBefore: 0,
  targets: { enterprisesTransformed: 20 },
  actuals: { enterprisesTransformed: 15 },
  failedAcceptances: [],
  ...over,
});

describe("evaluation cycle (domain)", () => {
  it("GZ-4.4a.2: a report still incomplete at close is a criticism candidate; once staff accepted it, it is not", () => {
    const open = periodCloseGrounds(facts({ report: { state: "submitted", late: false, returnedCount: 0, incomplete: true } }), gz);
    expect(open.map((c) => c.clause)).toEqual(["GZ-4.4a.2"]);
    expect(open[0]!.evidence[0]).toContain("报送不完整");
    expect(periodCloseGrounds(facts({ report: { state: "accepted", late: false, returnedCount: 0, incomplete: true } }), gz)).toEqual([]);
  });

  it("GZ-4.4a.3: a missing report is GZ-4.4a.2's case, not also a progress lag", () => {
    const c = periodCloseGrounds(facts({ report: { state: "missing", late: false, returnedCount: 0 }, actuals: {} }), gz);
    expect(c.map((x) => x.clause)).toEqual(["GZ-4.4a.2", "GZ-4.4b.2"]);
  });

  it("GZ-4.4b.3: the failure that reaches two in total raises the candidate; a pass or a first failure does not", () => {
    expect(failedEvaluationGrounds({ unitId: "u1", periodId: "2025-Q3", passed: false, failedEvaluationsBefore: 0 }, gz)).toEqual([]);
    expect(failedEvaluationGrounds({ unitId: "u1", periodId: "2025-Q3", passed: true, failedEvaluationsBefore: 3 }, gz)).toEqual([]);
    const c = failedEvaluationGrounds({ unitId: "u1", periodId: "2025-Q3", passed: false, failedEvaluationsBefore: 1 }, gz);
    expect(c).toEqual([{ clause: "GZ-4.4b.3", proceeding: "clearOut", subject: { kind: "unit", id: "u1" }, evidence: ["累计第 2 次绩效评价不达标（2025-Q3）"] }]);
    expect(failedEvaluationGrounds({ unitId: "u1", periodId: "2025", passed: false, failedEvaluationsBefore: 1 }, dg)[0]!.clause).toBe("DG-10.3");
  });

  it("DG-9.2: the cut-off found from the summary picks exactly the units lowestRanked picks, ties included", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 40 }), { minLength: 0, maxLength: 30 }), fc.integer({ min: 0, max: 8 }), (scores, count) => {
        const evaluations = scores.map((s, i) => ({ unitId: `u${String(i).padStart(2, "0")}`, total: s * 2.5 }));
        const byList = lowestRanked(rank(evaluations), count).map((e) => e.unitId).sort();
        const threshold = lowestRankedThreshold(summarise(evaluations), count);
        const bySummary = evaluations.filter((e) => atOrBelowThreshold(e.total, threshold)).map((e) => e.unitId).sort();
        expect(bySummary).toEqual(byList);
      }),
    );
  });

  it("GZ-3.4.1: reminders 5 and 1 working days before the 2025-Q3 deadline, counted over National Day", () => {
    // Deadline 2025-10-21 Tue. Back 5 working days: 10-20 Mon, 10-17 Fri, 10-16, 10-15, 10-14 Tue.
    expect(reportReminderDates("2025-10-21", calendar)).toEqual(["2025-10-14", "2025-10-20"]);
    expect(newPeriod("2025-Q3", gz, calendar)).toMatchObject({ reportDeadline: "2025-10-21", state: "open", nextDeadlineOn: "2025-10-14" });
    expect(dueReportReminder("2025-10-21", "2025-10-13", calendar)).toEqual({ remindOn: undefined, next: "2025-10-14", workingDaysLeft: 6 });
    // 2025-10-18 Sat: the 10-14 reminder is the latest due; the next is 10-20.
    expect(dueReportReminder("2025-10-21", "2025-10-18", calendar)).toEqual({ remindOn: "2025-10-14", next: "2025-10-20", workingDaysLeft: 2 });
    expect(dueReportReminder("2025-10-21", "2025-10-22", calendar)).toEqual({ next: undefined, workingDaysLeft: 0 });
  });

  it("GZ-3.4.1: a period whose deadline falls in 2027 opens with its deadline pending, never a guessed date", () => {
    const period = newPeriod("2026-Q4", gz, calendar);
    expect(period).toMatchObject({ id: "2026-Q4", state: "open", deadlinePendingYear: 2027 });
    expect(period).not.toHaveProperty("reportDeadline");
    expect(period).not.toHaveProperty("nextDeadlineOn");
    expect(deadlineWord(period)).toBe("待录入 2027 年节假日安排后确定");
  });

  it("GZ-3.3: judged parts come from the scoring model; an unknown part is refused in Chinese; incompleteness outweighs lateness in the reporting status", () => {
    expect(judgedParts(gz.scoring).map((p) => p.id)).toEqual(["satisfaction", "serviceCapability"]);
    const unknown = findJudgedPart(gz.scoring, "innovation");
    expect(unknown).toMatchObject({ ok: false, code: "JUDGED_PART_UNKNOWN" });
    expect(reportingStatus({ late: true, incomplete: true })).toBe("incomplete");
    expect(reportingStatus({ late: true, incomplete: false })).toBe("late");
    expect(reportingStatus({ late: false, incomplete: false })).toBe("onTime");
  });
});
