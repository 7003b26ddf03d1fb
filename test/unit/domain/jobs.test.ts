// Issue 16: the pure decisions behind the job-integrity fixes — which day a manual run may act
// "as of", which named period may be closed, which period may take a report, and a period close
// that could not read its ranking summary.
import { describe, expect, it } from "vitest";
import { manualRunDate, periodCloseRefusal } from "../../../functions/src/domain/jobs.js";
import { decideUnitClose, interviewThreshold } from "../../../functions/src/domain/periodClose.js";
import { reportPeriodRefusal } from "../../../functions/src/domain/reportChecks.js";
import { dg, gz } from "./fixtures.js";

const codeOf = (r: { code: string } | undefined) => r?.code;

describe("manual job runs (issue 16.3)", () => {
  it("issue 16.3: a manual run acts as of today in Asia/Shanghai when no day is given, or as of an earlier day", () => {
    expect(manualRunDate(undefined, "2026-12-01")).toEqual({ ok: true, asOf: "2026-12-01" });
    expect(manualRunDate("2026-12-01", "2026-12-01")).toEqual({ ok: true, asOf: "2026-12-01" });
    expect(manualRunDate("2025-10-22", "2026-12-01")).toEqual({ ok: true, asOf: "2025-10-22" });
  });

  it("issue 16.3: a day later than today is refused, naming 执行日期 and both days", () => {
    const r = manualRunDate("2026-12-02", "2026-12-01");
    expect(r).toMatchObject({ ok: false, code: "JOB_DATE_IN_FUTURE" });
    expect((r as { message: string }).message).toBe("asOf：执行日期不能晚于今天（北京时间）：所填为 2026-12-02，今天是 2026-12-01");
  });

  it("issue 16.3 (GZ-3.4.1): a named period is closed only when it exists, is not closed and its evaluation close has passed — not merely the report deadline (a period still closing resumes)", () => {
    const period = (state: "open" | "closing" | "closed", reportDeadline = "2025-10-21") => ({ state, reportDeadline });
    const windowed = { state: "open" as const, reportDeadline: "2025-10-21", evaluationCloseOn: "2025-11-04" };
    expect(periodCloseRefusal("2025-Q3", windowed, "2025-11-04")!.message).toContain("2025年第三季度的评价截止日为 2025年11月4日（报送截止日 2025年10月21日），执行日期为 2025年11月4日");
    expect(periodCloseRefusal("2025-Q3", windowed, "2025-11-05")).toBeUndefined();
    expect(codeOf(periodCloseRefusal("2025-Q3", undefined, "2025-10-22"))).toBe("PERIOD_NOT_FOUND");
    expect(codeOf(periodCloseRefusal("2025-Q3", period("closed"), "2025-10-22"))).toBe("PERIOD_ALREADY_CLOSED");
    expect(periodCloseRefusal("2025-Q3", period("closed"), "2025-10-22")!.message).toBe("periodId：该期已关账，不能再次关账：2025-Q3");
    expect(codeOf(periodCloseRefusal("2025-Q3", period("open"), "2025-10-21"))).toBe("PERIOD_NOT_DUE");
    expect(periodCloseRefusal("2025-Q3", period("open"), "2025-10-21")!.message).toContain("2025年第三季度的评价截止日为 2025年10月21日（报送截止日 2025年10月21日），执行日期为 2025年10月21日");
    expect(periodCloseRefusal("2025-Q3", period("open"), "2025-10-22")).toBeUndefined();
    expect(periodCloseRefusal("2025-Q3", period("closing"), "2025-10-22")).toBeUndefined();
  });
});

describe("a report's period (issue 16.2, GZ-3.4.1, DG-9.1)", () => {
  const open = (cadence: "quarterly" | "annual" | "halfYearly") => ({ cadence, state: "open" as const });

  it("GZ-3.4.1: a quarterly programme takes a report for an open quarter it opened", () => {
    expect(reportPeriodRefusal("2026-Q4", open("quarterly"), gz)).toBeUndefined();
    expect(reportPeriodRefusal("2026", open("annual"), dg)).toBeUndefined();
  });

  it("issue 16.2: a period that does not exist, is closing or closed is refused with its own reason", () => {
    expect(codeOf(reportPeriodRefusal("2027-Q1", undefined, gz))).toBe("REPORT_PERIOD_UNKNOWN");
    expect(reportPeriodRefusal("2027-Q1", undefined, gz)!.message).toBe("本专项没有该期次，不能报送该期报告：2027-Q1");
    expect(codeOf(reportPeriodRefusal("2026-Q4", { cadence: "quarterly", state: "closing" }, gz))).toBe("REPORT_PERIOD_NOT_OPEN");
    expect(codeOf(reportPeriodRefusal("2026-Q4", { cadence: "quarterly", state: "closed" }, gz))).toBe("REPORT_PERIOD_CLOSED");
  });

  it("issue 16.2: an annual or half-yearly id in a quarterly programme (and a quarter in an annual one) is refused whether or not a period exists, with an example of the right id", () => {
    const annualInGz = reportPeriodRefusal("2026", open("annual"), gz)!;
    expect(annualInGz.code).toBe("REPORT_PERIOD_CADENCE");
    expect(annualInGz.message).toBe("期次与本专项的报送周期不符，不能报送该期报告：本专项按季度报送（期次如 2026-Q1），2026 是年度期次");
    expect(codeOf(reportPeriodRefusal("2026-H1", undefined, gz))).toBe("REPORT_PERIOD_CADENCE");
    expect(reportPeriodRefusal("2026-Q4", open("quarterly"), dg)!.message).toContain("本专项按年度报送（期次如 2026），2026-Q4 是季度期次");
    // A period record whose own cadence does not fit its id is not trusted either.
    expect(codeOf(reportPeriodRefusal("2026-Q4", open("annual"), gz))).toBe("REPORT_PERIOD_CADENCE");
    expect(codeOf(reportPeriodRefusal("2026-Q5", undefined, gz))).toBe("INVALID_PERIOD");
  });
});

describe("period close on an unreadable ranking summary (issue 16.1)", () => {
  it("DG-9.2: with the summary unknown the grounds are still decided, but no rank is frozen and nobody is listed for interview", () => {
    const period = { id: "2025", cadence: "annual" as const, start: "2025-01-01", end: "2025-12-31", reportDeadline: "2026-01-22", state: "closing" as const };
    const evaluation = { unitId: "dg-u01", periodId: "2025", state: "approved" as const, dimensions: [], judged: [], total: 40, band: "不合格", passed: false, participated: true, missingJudged: [], completion: { percent: 40, explanation: "任务书完成率 40.00%" } };
    const unit = { unitId: "dg-u01", unitName: "甲", evaluation, targets: {}, failedEvaluationsBefore: 1, failedEnterprises: [] };
    expect(interviewThreshold(undefined, dg)).toBeUndefined();
    const unknown = decideUnitClose(unit, period, undefined, undefined, dg);
    expect(unknown.rank).toBeUndefined();
    expect(unknown.lagging).toBe(false);
    expect(unknown.candidates.map((c) => c.clause)).toContain("DG-10.3");
    const known = decideUnitClose(unit, period, { "4000": 1, "9000": 3 }, interviewThreshold({ "4000": 1, "9000": 3 }, dg), dg);
    expect(known.rank).toBe(4);
    expect(known.lagging).toBe(true);
    expect(known.candidates.map((c) => c.clause)).toEqual(unknown.candidates.map((c) => c.clause));
  });
});
