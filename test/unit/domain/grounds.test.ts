import { describe, expect, it } from "vitest";
import { checkAdvanceNotice } from "../../../functions/src/domain/advanceNotice.js";
import {
  advanceNoticeGrounds,
  partnerGrounds,
  periodCloseGrounds,
  unreportedChangeGrounds,
  type UnitPeriodFacts,
} from "../../../functions/src/domain/grounds.js";
import { calendar, dg, gz } from "./fixtures.js";

function facts(over: Partial<UnitPeriodFacts> = {}): UnitPeriodFacts {
  return {
    unitId: "u1",
    periodId: "2025-Q2",
    reportDeadline: "2025-07-15",
    report: { state: "accepted", late: false, returnedCount: 0 },
    evaluation: { passed: true },
    failedEvaluationsBefore: 0,
    targets: { enterprisesTransformed: 20 },
    actuals: { enterprisesTransformed: 10 },
    failedAcceptances: [],
    ...over,
  };
}
const clauses = (cs: { clause: string }[]) => cs.map((c) => c.clause);

describe("period-close grounds", () => {
  it("a unit with an accepted, on-time, on-track report raises nothing", () => {
    expect(periodCloseGrounds(facts(), gz)).toEqual([]);
  });

  it("GZ-4.4a.2: a missing, returned or late report makes the unit a criticism candidate", () => {
    expect(clauses(periodCloseGrounds(facts({ report: { state: "returned", late: false, returnedCount: 1 } }), gz))).toEqual(["GZ-4.4a.2"]);
    expect(clauses(periodCloseGrounds(facts({ report: { state: "accepted", late: true, returnedCount: 0 } }), gz))).toEqual(["GZ-4.4a.2"]);
    const missing = periodCloseGrounds(facts({ report: { state: "missing", late: false, returnedCount: 0 }, evaluation: undefined }), gz);
    expect(clauses(missing)).toContain("GZ-4.4a.2");
    expect(missing[0]?.evidence[0]).toContain("未报送");
  });

  it("GZ-4.4b.2: nothing submitted by period close raises a clear-out candidate for not taking part", () => {
    const c = periodCloseGrounds(facts({ report: { state: "draft", late: false, returnedCount: 0 }, evaluation: undefined }), gz);
    expect(c.find((x) => x.clause === "GZ-4.4b.2")?.proceeding).toBe("clearOut");
  });

  it("GZ-4.4a.2 / GZ-4.4b.2: late is not absent — a report submitted after the deadline but before the evaluation close is only 资料报送不及时 (criticism), never 未按规定参加绩效评价 (clear-out)", () => {
    const window = { reportDeadline: "2025-10-21", evaluationCloseOn: "2025-11-04" };
    const late = periodCloseGrounds(facts({ ...window, periodId: "2025-Q3", report: { state: "submitted", late: true, returnedCount: 0 }, actuals: { enterprisesTransformed: 16 } }), gz);
    expect(late.map((c) => [c.clause, c.proceeding])).toEqual([["GZ-4.4a.2", "criticism"]]);
    expect(late[0]!.evidence[0]).toBe("2025年第三季度报告逾期报送（报送截止日 2025年10月21日，于评价截止日前补报），资料报送不及时");
    const absent = periodCloseGrounds(facts({ ...window, periodId: "2025-Q3", report: { state: "missing", late: false, returnedCount: 0 }, evaluation: undefined }), gz);
    expect(absent.map((c) => [c.clause, c.proceeding])).toEqual([["GZ-4.4a.2", "criticism"], ["GZ-4.4b.2", "clearOut"]]);
    expect(absent[1]!.evidence[0]).toBe("2025年第三季度截至评价截止日 2025年11月4日 未报送材料，未按规定参加绩效评价");
  });

  it("DG-10.2: a Dongguan report late but in before the evaluation close raises nothing; only no report at all is not taking part", () => {
    const window = { periodId: "2025", reportDeadline: "2026-01-22", evaluationCloseOn: "2026-02-05" };
    expect(periodCloseGrounds(facts({ ...window, report: { state: "submitted", late: true, returnedCount: 0 } }), dg)).toEqual([]);
    expect(clauses(periodCloseGrounds(facts({ ...window, report: { state: "missing", late: false, returnedCount: 0 }, evaluation: undefined }), dg))).toEqual(["DG-10.2"]);
  });

  it("DG-10.2: the same in Dongguan, with no criticism candidate (Dongguan has no criticism)", () => {
    const c = periodCloseGrounds(facts({ periodId: "2025", report: { state: "missing", late: false, returnedCount: 0 }, evaluation: undefined }), dg);
    expect(clauses(c)).toEqual(["DG-10.2"]);
  });

  it("GZ-4.4b.3: the second failed evaluation in total (not necessarily consecutive) raises a clear-out candidate", () => {
    expect(periodCloseGrounds(facts({ evaluation: { passed: false }, failedEvaluationsBefore: 0 }), gz)).toEqual([]);
    const second = periodCloseGrounds(facts({ evaluation: { passed: false }, failedEvaluationsBefore: 1 }), gz);
    expect(clauses(second)).toEqual(["GZ-4.4b.3"]);
    expect(second[0]?.evidence[0]).toContain("累计第 2 次");
    // a pass after an earlier failure raises nothing
    expect(periodCloseGrounds(facts({ evaluation: { passed: true }, failedEvaluationsBefore: 1 }), gz)).toEqual([]);
  });

  it("DG-10.3: two failed annual evaluations raise the Dongguan ground", () => {
    expect(clauses(periodCloseGrounds(facts({ periodId: "2025", evaluation: { passed: false }, failedEvaluationsBefore: 1, actuals: { enterprisesTransformed: 20 } }), dg))).toEqual(["DG-10.3"]);
  });

  it("GZ-4.4a.3: progress behind the pro-rata target with no explanation makes a criticism candidate", () => {
    // Q2: pro-rata target 10 of 20
    const behind = facts({ actuals: { enterprisesTransformed: 9 } });
    const c = periodCloseGrounds(behind, gz);
    expect(clauses(c)).toEqual(["GZ-4.4a.3"]);
    expect(c[0]?.evidence[0]).toContain("完成改造企业");
    expect(periodCloseGrounds({ ...behind, lagExplanation: "受台风影响停工两周，已增派人员" }, gz)).toEqual([]);
  });

  it("GZ-4.4a.6: a project that failed acceptance makes a criticism candidate", () => {
    const c = periodCloseGrounds(facts({ failedAcceptances: [{ enterpriseId: "e1", enterpriseName: "某机械厂", decidedOn: "2025-05-20" }] }), gz);
    expect(clauses(c)).toEqual(["GZ-4.4a.6"]);
    expect(c[0]?.evidence[0]).toContain("某机械厂");
  });

  it("GZ-2.2.12: failed acceptance feeds only Guangzhou criticism; Dongguan raises nothing for it", () => {
    expect(periodCloseGrounds(facts({ periodId: "2025", actuals: { enterprisesTransformed: 20 }, failedAcceptances: [{ enterpriseId: "e1", enterpriseName: "x", decidedOn: "2025-05-20" }] }), dg)).toEqual([]);
  });
});

describe("change-reporting grounds", () => {
  it("GZ-4.4a.4: a major change not reported within 10 working days is a ground", () => {
    // registered capital changed 2025-09-26 Fri; 10 working days: 09-28 Sun 调休(1) 09-29(2) 09-30(3) 10-09(4) 10-10(5) 10-11 Sat 调休(6) 10-13..16 (7–10) → due 2025-10-16
    const fact = { unitId: "u1", field: "注册资本", changedOn: "2025-09-26" };
    expect(unreportedChangeGrounds([fact], "2025-10-16", gz, calendar)).toEqual([]);
    const late = unreportedChangeGrounds([fact], "2025-10-17", gz, calendar);
    expect(clauses(late)).toEqual(["GZ-4.4a.4"]);
    expect(late[0]?.evidence[0]).toBe("注册资本于2025年9月26日发生变更，应于2025年10月16日前报告，至今未报告");
    expect(unreportedChangeGrounds([{ ...fact, reportedOn: "2025-10-20" }], "2025-11-01", gz, calendar)).toHaveLength(1);
    expect(unreportedChangeGrounds([{ ...fact, reportedOn: "2025-10-16" }], "2025-11-01", gz, calendar)).toEqual([]);
    expect(unreportedChangeGrounds([fact], "2025-11-01", dg, calendar)).toEqual([]);
  });

  it("GZ-4.8: a filing 9 working days ahead is late, 10 is on time", () => {
    // procedure 2025-03-17 Mon; 10 working days before is 2025-03-03 Mon
    const onTime = checkAdvanceNotice("2025-03-17", "2025-03-03", gz, calendar);
    expect(onTime).toMatchObject({ latestOnTimeFilingDate: "2025-03-03", workingDaysAhead: 10, late: false });
    const late = checkAdvanceNotice("2025-03-17", "2025-03-04", gz, calendar);
    expect(late).toMatchObject({ workingDaysAhead: 9, late: true });
  });

  it("GZ-4.8: counting back over National Day and its make-up Saturday", () => {
    // procedure 2025-10-17 Fri; back: 10-16(1) 10-15(2) 10-14(3) 10-13(4) 10-11 Sat 调休(5) 10-10(6) 10-09(7) [10-01..08 off] 09-30(8) 09-29(9) 09-28 Sun 调休(10)
    expect(checkAdvanceNotice("2025-10-17", "2025-09-29", gz, calendar).latestOnTimeFilingDate).toBe("2025-09-28");
    const g = advanceNoticeGrounds([{ unitId: "u1", subjectName: "甲公司", procedureOn: "2025-10-17", filedOn: "2025-09-29" }], "2025-09-29", gz, calendar);
    // GZ-4.8 names no sanction; a late report of a 重大变更 is GZ-4.4a.4's 未及时报告说明.
    expect(clauses(g)).toEqual(["GZ-4.4a.4"]);
    expect(g[0]).toMatchObject({ proceeding: "criticism", subject: { kind: "unit", id: "u1" } });
    expect(g[0]?.evidence[0]).toContain("仅 9 个工作日");
    expect(g[0]?.evidence[0]).toContain("（GZ-4.8）");
  });

  it("GZ-4.8: a change carried out with no report at all is a GZ-4.4a.4 criticism candidate once the last on-time day has passed", () => {
    const f = { unitId: "u1", subjectName: "甲公司", procedureOn: "2025-03-17" };
    expect(advanceNoticeGrounds([f], "2025-03-03", gz, calendar)).toEqual([]);
    const g = advanceNoticeGrounds([f], "2025-03-04", gz, calendar);
    expect(clauses(g)).toEqual(["GZ-4.4a.4"]);
    expect(g[0]?.evidence[0]).toContain("最迟应于 2025年3月3日 报送，未报送");
    expect(advanceNoticeGrounds([f], "2025-03-04", dg, calendar)).toEqual([]);
  });
});

describe("partner grounds (DG-16)", () => {
  const none = { partnerId: "p1", partnerName: "丙公司", complaints: [], ratings: [] };

  it("DG-16.2: two complaints not effectively resolved raise a removal candidate; open or resolved ones do not count", () => {
    const complaints = [
      { id: "c1", status: "closed" as const, effectivelyResolved: false },
      { id: "c2", status: "closed" as const, effectivelyResolved: true },
      { id: "c3", status: "open" as const },
    ];
    expect(partnerGrounds({ ...none, complaints }, dg)).toEqual([]);
    const two = [...complaints, { id: "c4", status: "closed" as const, effectivelyResolved: false }];
    const c = partnerGrounds({ ...none, complaints: two }, dg);
    expect(c.map((x) => [x.clause, x.proceeding, x.subject.id])).toEqual([["DG-16.2", "partnerRemoval", "p1"]]);
    expect(c[0]?.evidence[0]).toContain("c1、c4");
  });

  it("DG-16.3: two 'dissatisfied' ratings raise a removal candidate", () => {
    const one = [{ id: "r1", value: "dissatisfied" as const }, { id: "r2", value: "basicallySatisfied" as const }];
    expect(partnerGrounds({ ...none, ratings: one }, dg)).toEqual([]);
    expect(clauses(partnerGrounds({ ...none, ratings: [...one, { id: "r3", value: "dissatisfied" as const }] }, dg))).toEqual(["DG-16.3"]);
    // Guangzhou has no such rule
    expect(partnerGrounds({ ...none, ratings: [...one, { id: "r3", value: "dissatisfied" as const }] }, gz)).toEqual([]);
  });
});
