import { describe, expect, it } from "vitest";
import { type ReportContext, reportMachine } from "../../../functions/src/domain/report.machine.js";
import { missingReportFields } from "../../../functions/src/domain/reportChecks.js";
import { base, codeOf, dg, gz, okNext } from "./fixtures.js";

function ctx(over: Partial<ReportContext> = {}): ReportContext {
  // 2025-Q3 deadline in the Guangzhou pack: 2025-10-21 Tue
  return { ...base(gz, "2025-10-15"), deadline: "2025-10-21", periodClosed: false, missingFields: [], ...over };
}

describe("report machine", () => {
  it("GZ-3.4.1: an on-time submission is recorded without a late flag", () => {
    const t = okNext(reportMachine.transition("draft", { type: "submit" }, ctx()));
    expect(t.next).toBe("submitted");
    expect(t.clause).toBe("GZ-3.4.1");
    expect(t.effects).toEqual([]);
  });

  it("GZ-3.4.1: a submission after the deadline is accepted but recorded as late", () => {
    const t = okNext(reportMachine.transition("draft", { type: "submit" }, ctx({ today: "2025-10-22" })));
    expect(t.effects).toEqual([{ type: "recordLateReport", deadline: "2025-10-21" }]);
    // the deadline day itself is on time
    expect(okNext(reportMachine.transition("draft", { type: "submit" }, ctx({ today: "2025-10-21" }))).effects).toEqual([]);
  });

  it("GZ-3.4.1: between the report deadline and the evaluation close a first submission and a resubmission are accepted and recorded late; after the close neither is", () => {
    const window = { deadline: "2025-10-21", evaluationCloseOn: "2025-11-04" };
    const late = [{ type: "recordLateReport", deadline: "2025-10-21" }];
    expect(okNext(reportMachine.transition("draft", { type: "submit" }, ctx({ ...window, today: "2025-11-04" })))).toMatchObject({ next: "submitted", effects: late });
    expect(okNext(reportMachine.transition("returned", { type: "resubmit" }, ctx({ ...window, today: "2025-10-30" })))).toMatchObject({ next: "submitted", effects: late });
    expect(okNext(reportMachine.transition("returned", { type: "resubmit" }, ctx({ ...window, today: "2025-10-20" }))).effects).toEqual([]);
    expect(codeOf(reportMachine.transition("draft", { type: "submit" }, ctx({ ...window, today: "2025-11-05" })))).toBe("REPORT_AFTER_EVALUATION_CLOSE");
    expect(codeOf(reportMachine.transition("returned", { type: "resubmit" }, ctx({ ...window, today: "2025-11-05" })))).toBe("REPORT_AFTER_EVALUATION_CLOSE");
  });

  it("DG-9.1: the annual report cites the Dongguan clause", () => {
    expect(okNext(reportMachine.transition("draft", { type: "submit" }, { ...ctx(), pack: dg })).clause).toBe("DG-9.1");
  });

  it("DG-6.9: a Dongguan progress report filed after its deadline is recorded as late", () => {
    // 2025 annual report: deadline 2026-01-22 Thu (15 working days after 2025-12-31)
    const c = { ...ctx(), pack: dg, deadline: "2026-01-22", today: "2026-01-23" };
    expect(okNext(reportMachine.transition("draft", { type: "submit" }, c)).effects).toEqual([{ type: "recordLateReport", deadline: "2026-01-22" }]);
  });

  it("refuses an incomplete submission, naming the missing fields", () => {
    const t = reportMachine.transition("draft", { type: "submit" }, ctx({ missingFields: ["咨询诊断"] }));
    expect(codeOf(t)).toBe("REPORT_INCOMPLETE");
    expect(t.ok ? "" : t.message).toContain("咨询诊断");
  });

  it("refuses submission once the period is closed", () => {
    expect(codeOf(reportMachine.transition("draft", { type: "submit" }, ctx({ periodClosed: true })))).toBe("REPORT_PERIOD_CLOSED");
  });

  it("refuses returning without a comment", () => {
    expect(codeOf(reportMachine.transition("submitted", { type: "return", comment: "" }, ctx()))).toBe("COMMENT_REQUIRED");
    expect(okNext(reportMachine.transition("submitted", { type: "return", comment: "缺少合同附件" }, ctx())).next).toBe("returned");
  });

  it("a returned report can be resubmitted until the deadline, not after", () => {
    expect(okNext(reportMachine.transition("returned", { type: "resubmit" }, ctx({ today: "2025-10-21" }))).next).toBe("submitted");
    expect(codeOf(reportMachine.transition("returned", { type: "resubmit" }, ctx({ today: "2025-10-22" })))).toBe("REPORT_RESUBMIT_AFTER_DEADLINE");
    expect(reportMachine.allowedEvents("returned", ctx({ today: "2025-10-22" }))).toEqual([]);
  });

  it("refuses resubmission when the period is closed or the report still incomplete", () => {
    expect(codeOf(reportMachine.transition("returned", { type: "resubmit" }, ctx({ periodClosed: true })))).toBe("REPORT_PERIOD_CLOSED");
    expect(codeOf(reportMachine.transition("returned", { type: "resubmit" }, ctx({ missingFields: ["x"] })))).toBe("REPORT_INCOMPLETE");
  });

  it("refuses events from the wrong state", () => {
    expect(codeOf(reportMachine.transition("draft", { type: "accept" }, ctx()))).toBe("EVENT_NOT_ALLOWED");
    expect(codeOf(reportMachine.transition("accepted", { type: "submit" }, ctx()))).toBe("EVENT_NOT_ALLOWED");
    expect(okNext(reportMachine.transition("submitted", { type: "accept" }, ctx())).next).toBe("accepted");
  });
});

describe("report completeness", () => {
  const targets = { enterprisesTransformed: 20, diagnoses: 40 };

  it("DG-12: a report must give a value for every task-book metric", () => {
    expect(missingReportFields("2025", targets, { metrics: { enterprisesTransformed: 3 } }, dg)).toEqual(["咨询诊断"]);
    expect(missingReportFields("2025", targets, { metrics: { enterprisesTransformed: 3, diagnoses: 0 } }, dg)).toEqual([]);
  });

  it("GZ-2.2.11: a quarterly report behind the pro-rata target needs an explanation", () => {
    // 2025-Q2: half the annual targets → 10 enterprises, 20 diagnoses
    const behind = { metrics: { enterprisesTransformed: 9, diagnoses: 20 } };
    expect(missingReportFields("2025-Q2", targets, behind, gz)).toEqual(["进度滞后说明及补救措施"]);
    expect(missingReportFields("2025-Q2", targets, { ...behind, lagExplanation: "两家企业合同延至 7 月签订" }, gz)).toEqual([]);
    expect(missingReportFields("2025-Q2", targets, { metrics: { enterprisesTransformed: 10, diagnoses: 20 } }, gz)).toEqual([]);
  });
});
