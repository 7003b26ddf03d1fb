// The one definition of each rule the period jobs, the submission and the portal share: who takes
// part in a period, which failed evaluations count, which deadline applies, when a lag needs
// explaining, and what "already decided" means for a report review.
import { describe, expect, it } from "vitest";
import { approvedConclusion, failedEvaluationsOutside } from "../../../functions/src/domain/failedEvaluations.js";
import { takesPartIn } from "../../../functions/src/domain/participation.js";
import { awaitsSubmission, reportMachine, reportReviewDecided } from "../../../functions/src/domain/report.machine.js";
import { lagExplanationRequired, laggingMetrics, metricsNeedingExplanation, missingReportFields } from "../../../functions/src/domain/reportChecks.js";
import { packWithSettings, settingsFromPack } from "../../../functions/src/domain/settings.js";
import { reportDeadlineOf } from "../../../functions/src/domain/reportSchedule.js";
import { calendar, dg, gz } from "./fixtures.js";

describe("taking part in a period", () => {
  it("GZ-1.2: a listed, criticised, rectifying or clear-out-proposed unit takes part; a cleared-out or withdrawn one does not", () => {
    const unit = (status: Parameters<typeof takesPartIn>[0]["status"]) => ({ status, listedOn: "2025-01-15" });
    expect(["listed", "criticised", "rectifying", "clearOutProposed"].map((s) => takesPartIn(unit(s as never), "2025-Q3"))).toEqual([true, true, true, true]);
    expect(takesPartIn(unit("clearedOut"), "2025-Q3")).toBe(false);
    expect(takesPartIn(unit("withdrawn"), "2025-Q3")).toBe(false);
  });

  it("GZ-1.2: a unit listed after the period's last day does not take part in it", () => {
    expect(takesPartIn({ status: "listed", listedOn: "2025-09-30" }, "2025-Q3")).toBe(true);
    expect(takesPartIn({ status: "listed", listedOn: "2025-10-01" }, "2025-Q3")).toBe(false);
  });
});

describe("failed evaluations", () => {
  it("GZ-4.4b.3: only approved failures of other periods count, per unit", () => {
    const e = (unitId: string, periodId: string, state: "draft" | "approved", passed: boolean) => ({ unitId, periodId, state, passed });
    const counts = failedEvaluationsOutside([e("u1", "2025-Q1", "approved", false), e("u1", "2025-Q2", "draft", false), e("u1", "2025-Q3", "approved", false), e("u1", "2025-Q4", "approved", true), e("u2", "2025-Q1", "approved", false)], "2025-Q3");
    expect([...counts]).toEqual([["u1", 1], ["u2", 1]]);
    expect(approvedConclusion(e("u1", "2025-Q1", "draft", false))).toBeUndefined();
    expect(approvedConclusion(e("u1", "2025-Q1", "approved", false))).toEqual({ passed: false });
  });
});

describe("report deadline", () => {
  it("GZ-3.4.1: the deadline stored on the period applies; without a period the pack's rule counts it", () => {
    expect(reportDeadlineOf({ reportDeadline: "2025-10-24" }, "2025-Q3", gz, calendar)).toBe("2025-10-24");
    expect(reportDeadlineOf(undefined, "2025-Q3", gz, calendar)).toBe("2025-10-21");
  });
});

describe("lag explanation", () => {
  it("GZ-4.4a.3: Guangzhou asks for an explanation of a lagging report, Dongguan does not", () => {
    expect([lagExplanationRequired(gz), lagExplanationRequired(dg)]).toEqual([true, false]);
    const targets = { enterprisesTransformed: 20 };
    expect(metricsNeedingExplanation("2025-Q2", targets, { enterprisesTransformed: 9 }, gz)).toEqual(["enterprisesTransformed"]);
    expect(metricsNeedingExplanation("2025", targets, { enterprisesTransformed: 9 }, dg)).toEqual([]);
  });

  it("GZ-4.4a.3: how far behind counts as lagging is the programme's setting (progressLagFraction), and the trigger's check, the review's marks and the close's ground all read it", () => {
    // Q2: 10 of 20 due. At 80 % of that, 8 is on track and 7 is lagging.
    const lenient = packWithSettings(gz, { ...settingsFromPack(gz), progressLagFraction: 0.8 });
    const targets = { enterprisesTransformed: 20 };
    expect(laggingMetrics("2025-Q2", targets, { enterprisesTransformed: 8 }, gz)).toEqual(["enterprisesTransformed"]);
    expect(laggingMetrics("2025-Q2", targets, { enterprisesTransformed: 8 }, lenient)).toEqual([]);
    expect(laggingMetrics("2025-Q2", targets, { enterprisesTransformed: 7 }, lenient)).toEqual(["enterprisesTransformed"]);
    expect(missingReportFields("2025-Q2", targets, { metrics: { enterprisesTransformed: 8 } }, lenient)).toEqual([]);
    expect(missingReportFields("2025-Q2", targets, { metrics: { enterprisesTransformed: 7 } }, lenient)).toEqual(["进度滞后说明及补救措施"]);
    // A version adopted before the setting existed keeps the pack's threshold.
    const { progressLagFraction: _, ...older } = settingsFromPack(gz);
    expect(packWithSettings(gz, older).thresholds.progressLagFraction).toBe(1);
  });
});

describe("report review", () => {
  it("GZ-3.4.1: a review is already decided once the report is accepted or returned; accepted is final", () => {
    expect(["draft", "submitted", "returned", "accepted"].map((s) => reportReviewDecided(s as never))).toEqual([false, false, true, true]);
    expect(reportMachine.isTerminal("accepted")).toBe(true);
    expect(reportMachine.isTerminal("returned")).toBe(false);
  });

  it("GZ-3.4.1: reminders go to a unit with no report, a draft or a returned one", () => {
    expect([undefined, "draft", "returned", "submitted", "accepted"].map((s) => awaitsSubmission(s as never))).toEqual([true, true, true, false, false]);
  });
});
