// The reporting and evaluation cycle on the emulators: a unit submits its report (the client
// writes `submitted`, rules allow exactly that), onReportWritten records lateness and
// completeness and writes the evaluation draft and the ranking summary; staff review, score,
// approve and export through callables. Report writes here use the Admin SDK with an explicit
// `updatedAt` — the rules pin that field to the request time for clients (see the rules grid),
// so it is the submission clock, injected here to place submissions before or after deadlines.
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { account, DEMO_PASSWORD } from "../../scripts/demo/accounts.js";
import { seedDemo } from "../../scripts/demo/seed.js";
import { makeCalendar } from "../../functions/src/domain/calendar.js";
import { shanghaiDate } from "../../functions/src/domain/dates.js";
import { dateWord } from "../../functions/src/domain/words.js";
import { guangzhou } from "../../functions/src/domain/policy/index.js";
import { newPeriod } from "../../functions/src/domain/reportSchedule.js";
import { completionWords } from "../../functions/src/domain/words.js";
import { collections } from "../../functions/src/store/collections.js";
import { receiveReportSubmission } from "../../functions/src/usecases/receiveReportSubmission.js";
import { productionDeps } from "../../functions/src/usecases/deps.js";
import { ioCounters, resetIoCounters } from "../../functions/src/store/ioCounters.js";
import { admin, clearFirestore, closeClients, eventually, signedInClient } from "../support/emulators.js";
import { reportContent } from "../support/reportRows.js";
import { auditClauseOffenders } from "../support/auditClauses.js";

const P = "gz-2025";
const calendar = makeCalendar();
const at = (isoDateTime: string) => new Date(`${isoDateTime}+08:00`);
const TARGETS = { enterprisesTransformed: 20, diagnoses: 40, level2Share: 0.8, solutions: 4 };

async function submit(unitId: string, periodId: string, metrics: Record<string, number>, when: Date, extra: Record<string, unknown> = {}) {
  const { db } = admin();
  await db.doc(`programmes/${P}/reports/${unitId}_${periodId}`).set({ unitId, periodId, state: "submitted", ...(await reportContent(P, unitId, metrics)), updatedBy: `member-${unitId}`, updatedAt: when, ...extra });
}

const evaluation = (id: string) => eventually(async () => (await collections.evaluations(P).doc(id).get()).data(), `evaluation ${id}`);
const auditOf = async (entity: string, action: string) =>
  (await admin().db.collection(`programmes/${P}/audit`).where("entity", "==", entity).where("action", "==", action).get()).docs;
const sumCounts = (counts: Record<string, number>) => Object.values(counts).reduce((s, n) => s + n, 0);

describe("evaluation cycle: report → evaluation draft → review, scores, approval, export", () => {
  beforeAll(async () => {
    await clearFirestore();
    const handles = admin();
    await seedDemo(handles);
    for (const id of ["2025-Q2", "2025-Q3", "2025-Q4"]) await collections.periods(P).doc(id).set(newPeriod(id, guangzhou, calendar));
    for (const unitId of ["gz-u01", "gz-u02"]) {
      await collections.taskBooks(P).doc(`${unitId}_2025`).set({ unitId, year: 2025, targets: TARGETS, otherTargets: [], signedOn: "2025-02-01" });
    }
    // A second reviewer, to decide the same item at the same moment as staff.gz.
    await handles.auth.deleteUser("staff-gz-2").catch(() => undefined);
    await handles.auth.createUser({ uid: "staff-gz-2", email: "staff2.gz@example.com", password: DEMO_PASSWORD, displayName: "广州工作小组二" });
    await handles.auth.setCustomUserClaims("staff-gz-2", { staff: { [P]: "reviewer" } });
  });
  afterAll(closeClients);

  it("GZ-3.4.1: a complete report submitted on 2025-10-15 (deadline 2025-10-21) becomes an evaluation draft with Chinese explanations and moves the ranking summary (GZ-3.3)", async () => {
    // Behind the pro-rata target, so the explanation is required content (GZ-4.4a.3).
    await submit("gz-u01", "2025-Q3", { enterprisesTransformed: 12, diagnoses: 15, level2Share: 0.8, solutions: 3 }, at("2025-10-15T10:00:00"), { lagExplanation: "两家企业改造合同延至十月签订，已增派实施团队补救" });
    const e = await evaluation("gz-u01_2025-Q3");
    expect(e).toMatchObject({ unitId: "gz-u01", periodId: "2025-Q3", state: "draft", reporting: "onTime", participated: true });
    expect(e.missingJudged).toEqual(["试点企业满意度与改造成效核查", "服务能力与履职情况"]);
    expect(e.dimensions.map((d) => d.label)).toEqual(["服务企业", "改造成效", "产品和解决方案", "综合表现"]);
    // Q3 is ¾ of the year: the pro-rata target is 20 × ¾ = 15 enterprises.
    expect(e.dimensions[0]!.explanation).toContain("完成改造企业 12/15（年度目标 20 × 3/4）");
    expect(e.dimensions[3]!.explanation).toContain("按时完整报送：按时完整");
    const report = (await collections.reports(P).doc("gz-u01_2025-Q3").get()).data()!;
    expect(report).toMatchObject({ state: "submitted", late: false, incomplete: false, missingFields: [], submittedOn: "2025-10-15" });
    const ranking = (await collections.rankings(P).doc("2025-Q3").get()).data()!;
    expect(ranking.counts).toEqual({ [String(Math.round(e.total * 100))]: 1 });
    expect(await auditOf(`programmes/${P}/reports/gz-u01_2025-Q3`, "report.submitted")).toHaveLength(1);
    const computed = await auditOf(`programmes/${P}/evaluations/gz-u01_2025-Q3`, "evaluation.computed");
    expect(computed).toHaveLength(1);
    expect(computed[0]!.data()).toMatchObject({ clause: "GZ-3.3", actor: { role: "system" } });
  });

  it("GZ-3.4.1: the same submission event delivered twice changes nothing the second time (one evaluation, one audit entry each, summary unchanged)", async () => {
    const [entry] = await auditOf(`programmes/${P}/reports/gz-u01_2025-Q3`, "report.submitted");
    const eventId = entry!.id.replace(/-report$/, "");
    const after = (await admin().db.doc(`programmes/${P}/reports/gz-u01_2025-Q3`).get()).data();
    const redeliver = () => receiveReportSubmission(productionDeps(), { eventId, eventTime: new Date(), programmeId: P, reportId: "gz-u01_2025-Q3", before: { state: "draft" }, after });
    expect(await redeliver()).toBe("replayed");
    expect(await redeliver()).toBe("replayed");
    expect((await admin().db.collection(`programmes/${P}/evaluations`).where("unitId", "==", "gz-u01").get()).size).toBe(1);
    expect(await auditOf(`programmes/${P}/reports/gz-u01_2025-Q3`, "report.submitted")).toHaveLength(1);
    expect(await auditOf(`programmes/${P}/evaluations/gz-u01_2025-Q3`, "evaluation.computed")).toHaveLength(1);
    expect(sumCounts((await collections.rankings(P).doc("2025-Q3").get()).data()!.counts)).toBe(1);
  });

  it("GZ-4.4a.2: a report submitted after the deadline with task-book metrics missing is recorded as late and incomplete, and scored so", async () => {
    // 2025-10-23 Thu is two working days after the 2025-10-21 deadline; the solutions count is left
    // out. Diagnoses are counted from the rows (none diagnosed is 0, not missing).
    await submit("gz-u02", "2025-Q3", { enterprisesTransformed: 2, level2Share: 0.5 }, at("2025-10-23T09:00:00"));
    const e = await evaluation("gz-u02_2025-Q3");
    expect(e.reporting).toBe("incomplete");
    const report = (await collections.reports(P).doc("gz-u02_2025-Q3").get()).data()!;
    expect(report).toMatchObject({ late: true, incomplete: true, submittedOn: "2025-10-23" });
    expect(report.missingFields).toContain("“小快轻准”解决方案");
    expect(report.missingFields).not.toContain("咨询诊断");
    expect(report.metrics).toMatchObject({ diagnoses: 0, enterprisesTransformed: 2, level2Share: 0.5 });
    const [entry] = await auditOf(`programmes/${P}/reports/gz-u02_2025-Q3`, "report.submitted");
    expect(entry!.data()).toMatchObject({ clause: "GZ-4.4a.2", after: { late: true, incomplete: true } });
    expect(entry!.data().note).toContain("逾期（截止日 2025-10-21）");
    expect(sumCounts((await collections.rankings(P).doc("2025-Q3").get()).data()!.counts)).toBe(2);
  });

  it("GZ-3.4.1: staff return a report with reasons per field; the unit resubmits before the deadline (on time), after it but before the evaluation close (late), and after the evaluation close (not taken)", async () => {
    // 2025-Q4: deadline 2026-01-15 (10 working days after 2025-12-31, over the New Year holiday).
    await submit("gz-u01", "2025-Q4", { enterprisesTransformed: 18, diagnoses: 35, level2Share: 0.7, solutions: 3 }, at("2026-01-05T10:00:00"));
    await evaluation("gz-u01_2025-Q4");
    const staff = await signedInClient(account("staff-gz").email, DEMO_PASSWORD);
    await expect(staff.call("reviewReport", { programmeId: P, reportId: "gz-u01_2025-Q4", decision: "return" })).rejects.toMatchObject({ code: "functions/invalid-argument", message: expect.stringContaining("退回报告须填写审核意见或逐项退回理由") });
    const returned = await staff.call("reviewReport", { programmeId: P, reportId: "gz-u01_2025-Q4", decision: "return", reasons: [{ field: "咨询诊断", reason: "与诊断报告数量不符" }] });
    expect(returned).toMatchObject({ state: "returned", deadline: "2026-01-15" });
    const report = (await collections.reports(P).doc("gz-u01_2025-Q4").get()).data()!;
    expect(report).toMatchObject({ state: "returned", returnedCount: 1, reviewReasons: [{ field: "咨询诊断", reason: "与诊断报告数量不符" }], reviewedBy: { uid: "staff-gz" } });
    const note = (await collections.notifications(P).doc("report-returned-gz-u01_2025-Q4-0").get()).data()!;
    expect(note).toMatchObject({ toUnitId: "gz-u01", kind: "reportReturned" });
    expect(note.body).toContain("咨询诊断：与诊断报告数量不符");

    // Resubmitted on 2026-01-12 (before the deadline): re-evaluated, summary still one entry for the unit.
    const { db } = admin();
    await db.doc(`programmes/${P}/reports/gz-u01_2025-Q4`).update({ state: "submitted", ...(await reportContent(P, "gz-u01", { enterprisesTransformed: 18, diagnoses: 38, level2Share: 0.7, solutions: 3 })), updatedAt: at("2026-01-12T10:00:00") });
    await eventually(async () => ((await auditOf(`programmes/${P}/reports/gz-u01_2025-Q4`, "report.resubmitted")).length ? true : undefined), "the resubmission");
    expect((await collections.reports(P).doc("gz-u01_2025-Q4").get()).data()).toMatchObject({ state: "submitted", late: false, returnedCount: 1 });
    expect(sumCounts((await collections.rankings(P).doc("2025-Q4").get()).data()!.counts)).toBe(1);

    // Returned again and resubmitted on 2026-01-16, after the deadline but before the evaluation
    // close (2026-01-29): taken, and recorded late (资料报送不及时), not as absence.
    await staff.call("reviewReport", { programmeId: P, reportId: "gz-u01_2025-Q4", decision: "return", comment: "请补充典型案例材料" });
    await db.doc(`programmes/${P}/reports/gz-u01_2025-Q4`).update({ state: "submitted", updatedAt: at("2026-01-16T10:00:00") });
    await eventually(async () => ((await auditOf(`programmes/${P}/reports/gz-u01_2025-Q4`, "report.resubmitted")).length === 2 ? true : undefined), "the late resubmission");
    expect((await collections.reports(P).doc("gz-u01_2025-Q4").get()).data()).toMatchObject({ state: "submitted", late: true, returnedCount: 2, submittedOn: "2026-01-16" });

    // Returned a third time and resubmitted on 2026-01-30, after the evaluation close: not taken, reason recorded.
    await staff.call("reviewReport", { programmeId: P, reportId: "gz-u01_2025-Q4", decision: "return", comment: "请补充盖章页" });
    await db.doc(`programmes/${P}/reports/gz-u01_2025-Q4`).update({ state: "submitted", updatedAt: at("2026-01-30T10:00:00") });
    const refused = await eventually(async () => {
      const r = (await collections.reports(P).doc("gz-u01_2025-Q4").get()).data()!;
      return r.lastRefusal ? r : undefined;
    }, "the refused resubmission");
    expect(refused).toMatchObject({ state: "returned", returnedCount: 3 });
    expect(refused.lastRefusal).toContain("本期评价已截止，不能再报送或重新提交报告：评价截止日 2026-01-29");
    expect(await auditOf(`programmes/${P}/reports/gz-u01_2025-Q4`, "report.submissionRefused")).toHaveLength(1);
  });

  it("GZ-3.4.1: two staff accepting the same report at once — exactly one wins, the other is told it is already decided", async () => {
    const a = await signedInClient(account("staff-gz").email, DEMO_PASSWORD);
    const b = await signedInClient("staff2.gz@example.com", DEMO_PASSWORD);
    const results = await Promise.allSettled([
      a.call("reviewReport", { programmeId: P, reportId: "gz-u01_2025-Q3", decision: "accept" }),
      b.call("reviewReport", { programmeId: P, reportId: "gz-u01_2025-Q3", decision: "return", comment: "同时退回" }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const lost = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(lost.reason).toMatchObject({ code: "functions/failed-precondition", message: expect.stringContaining("已由他人处理") });
    const decided = [...(await auditOf(`programmes/${P}/reports/gz-u01_2025-Q3`, "report.accepted")), ...(await auditOf(`programmes/${P}/reports/gz-u01_2025-Q3`, "report.returned"))];
    expect(decided).toHaveLength(1);
  });

  it("GZ-3.3: staff enter judged scores with the method used; the draft is recomputed and the ranking summary follows", async () => {
    const staff = await signedInClient(account("staff-gz").email, DEMO_PASSWORD);
    const before = await evaluation("gz-u01_2025-Q3");
    await expect(staff.call("enterJudgedScore", { programmeId: P, evaluationId: "gz-u01_2025-Q3", partId: "satisfaction", score: 12, methods: [] })).rejects.toMatchObject({ code: "functions/invalid-argument", message: expect.stringContaining("请至少注明一种评价方式") });
    await expect(staff.call("enterJudgedScore", { programmeId: P, evaluationId: "gz-u01_2025-Q3", partId: "innovation", score: 5, methods: ["phone"] })).rejects.toMatchObject({ code: "functions/invalid-argument", message: expect.stringContaining("评分模型中没有该人工评分项") });
    await expect(staff.call("enterJudgedScore", { programmeId: P, evaluationId: "gz-u01_2025-Q3", partId: "satisfaction", score: 16, methods: ["phone"] })).rejects.toMatchObject({ message: expect.stringContaining("0–15 分") });
    await expect(staff.call("approveEvaluation", { programmeId: P, evaluationId: "gz-u01_2025-Q3" })).rejects.toMatchObject({ code: "functions/failed-precondition", message: expect.stringContaining("尚有人工评分项未评分") });

    await staff.call("enterJudgedScore", { programmeId: P, evaluationId: "gz-u01_2025-Q3", partId: "satisfaction", score: 12, methods: ["questionnaire", "siteVisit"], note: "走访 3 家试点企业" });
    const r = await staff.call<{ total: number; missingJudged: string[] }>("enterJudgedScore", { programmeId: P, evaluationId: "gz-u01_2025-Q3", partId: "serviceCapability", score: 8, methods: ["phone", "spotCheck"] });
    expect(r.missingJudged).toEqual([]);
    expect(r.total).toBeCloseTo(before.total + 20, 2);
    const e = (await collections.evaluations(P).doc("gz-u01_2025-Q3").get()).data()!;
    expect(e.dimensions[1]!.explanation).toContain("人工评分（问卷调查、实地走访）12.00/15");
    expect(e.judged.map((j) => [j.partId, j.by.uid])).toEqual([["satisfaction", "staff-gz"], ["serviceCapability", "staff-gz"]]);
    const counts = (await collections.rankings(P).doc("2025-Q3").get()).data()!.counts;
    expect(counts[String(Math.round(e.total * 100))]).toBe(1);
    expect(counts[String(Math.round(before.total * 100))]).toBeUndefined();
    expect(await auditOf(`programmes/${P}/evaluations/gz-u01_2025-Q3`, "evaluation.judgedScoreEntered")).toHaveLength(2);
  });

  it("GZ-3.4.2: two staff approving the same evaluation at once — one approval, the other refused as already decided; the conclusion is final", async () => {
    const a = await signedInClient(account("staff-gz").email, DEMO_PASSWORD);
    const b = await signedInClient("staff2.gz@example.com", DEMO_PASSWORD);
    const results = await Promise.allSettled([
      a.call("approveEvaluation", { programmeId: P, evaluationId: "gz-u01_2025-Q3" }),
      b.call("approveEvaluation", { programmeId: P, evaluationId: "gz-u01_2025-Q3" }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect((results.find((r) => r.status === "rejected") as PromiseRejectedResult).reason.message).toContain("已由他人处理");
    const e = (await collections.evaluations(P).doc("gz-u01_2025-Q3").get()).data()!;
    expect(e).toMatchObject({ state: "approved", passed: true, band: "良好" });
    expect(await auditOf(`programmes/${P}/evaluations/gz-u01_2025-Q3`, "evaluation.approved")).toHaveLength(1);
    await expect(a.call("enterJudgedScore", { programmeId: P, evaluationId: "gz-u01_2025-Q3", partId: "satisfaction", score: 1, methods: ["phone"] })).rejects.toMatchObject({ message: expect.stringContaining("评价已审定") });
  });

  it("GZ-4.4b.3: approving a unit's second failed evaluation in total raises a clear-out candidate", async () => {
    // gz-u02 already failed 2025-Q2 (approved); its late, incomplete 2025-Q3 report scores low.
    await collections.evaluations(P).doc("gz-u02_2025-Q2").set({ unitId: "gz-u02", periodId: "2025-Q2", state: "approved", dimensions: [], judged: [], total: 41, band: "不合格", passed: false, participated: true, missingJudged: [] });
    const staff = await signedInClient(account("staff-gz").email, DEMO_PASSWORD);
    await staff.call("enterJudgedScore", { programmeId: P, evaluationId: "gz-u02_2025-Q3", partId: "satisfaction", score: 5, methods: ["questionnaire"] });
    await staff.call("enterJudgedScore", { programmeId: P, evaluationId: "gz-u02_2025-Q3", partId: "serviceCapability", score: 3, methods: ["siteVisit"] });
    const r = await staff.call<{ passed: boolean; proposed: string[] }>("approveEvaluation", { programmeId: P, evaluationId: "gz-u02_2025-Q3" });
    expect(r.passed).toBe(false);
    expect(r.proposed).toEqual(["auto_clearOut_GZ-4.4b.3_unit-gz-u02_2025-Q3"]);
    const p = (await collections.proceedings(P).doc(r.proposed[0]!).get()).data()!;
    expect(p).toMatchObject({ kind: "clearOut", state: "proposed", ground: "GZ-4.4b.3", unitId: "gz-u02", automatic: true });
    expect(p.evidence[0]!.description).toContain("累计第 2 次绩效评价不达标（2025-Q3）");
    expect(await auditOf(`programmes/${P}/proceedings/${r.proposed[0]}`, "proceeding.proposed")).toHaveLength(1);
  });

  it("GZ-3.4.2: the period's evaluations and ranking export as an Excel workbook with Chinese headers and file name", async () => {
    const staff = await signedInClient(account("staff-gz").email, DEMO_PASSWORD);
    const r = await staff.call<{ fileName: string; contentBase64: string; rows: number }>("exportPeriod", { programmeId: P, periodId: "2025-Q3" });
    expect(r.fileName).toBe("广州市中小企业数字化转型城市试点（演示）_2025年第三季度_绩效评价与排名.xlsx");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(r.contentBase64, "base64") as unknown as ArrayBuffer);
    const sheet = wb.getWorksheet("绩效评价与排名")!;
    expect(sheet.getRow(2).values).toEqual([undefined, "排名", "单位名称", "总分", "任务书完成率", "等级", "是否达标", "评价状态", "报送情况", "服务企业（25分）", "改造成效（35分）", "产品和解决方案（20分）", "综合表现（20分）"]);
    const u1 = (await collections.evaluations(P).doc("gz-u01_2025-Q3").get()).data()!;
    expect(sheet.getRow(3).values).toEqual([undefined, 1, "穗链智造科技（演示）有限公司", u1.total, completionWords(u1.completion), "良好", "达标", "已审定", "按时完整", ...u1.dimensions.map((d) => d.score)]);
    expect(sheet.getRow(1).getCell(1).value).toMatch(/^广州市中小企业数字化转型城市试点（演示） 2025年第三季度 绩效评价与排名\n排名(暂定|最终)：/);
    // Printed as a bureau files it: A4 landscape fitted to the width, title and header repeated, frozen, scores to one decimal.
    expect(sheet.pageSetup).toMatchObject({ paperSize: 9, orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: "1:2" });
    expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: 2 });
    expect(sheet.getCell("A1").isMerged && sheet.getCell("L1").isMerged).toBe(true);
    expect(sheet.getRow(3).getCell(3).numFmt).toBe("0.0");
    // Units by name, never by the system's ids (gz-u02 is 穗链智造's neighbour in the demo).
    expect(sheet.getRow(4).getCell(6).value).toBe("不达标");
    expect(sheet.getSheetValues().flat().map(String).some((v) => /^gz-u\d+$/.test(v))).toBe(false);
    expect(wb.getWorksheet("计分说明")!.rowCount).toBe(1 + 2 * 4);
    const member = await signedInClient(account("member-gz-01").email, DEMO_PASSWORD);
    await expect(member.call("exportPeriod", { programmeId: P, periodId: "2025-Q3" })).rejects.toMatchObject({ code: "functions/permission-denied" });
  });

  it("GZ-3.4.1: the cost of a submission does not grow with the number of units (document reads and writes counted)", async () => {
    await submit("gz-u02", "2025-Q4", { enterprisesTransformed: 10, diagnoses: 20, level2Share: 0.5, solutions: 2 }, at("2026-01-06T10:00:00"), { lagExplanation: "进度说明" });
    await evaluation("gz-u02_2025-Q4");
    const after = (await admin().db.doc(`programmes/${P}/reports/gz-u02_2025-Q4`).get()).data();
    const measure = async (eventId: string) => {
      resetIoCounters();
      expect(await receiveReportSubmission(productionDeps(), { eventId, eventTime: new Date(), programmeId: P, reportId: "gz-u02_2025-Q4", before: { state: "draft" }, after })).toBe("evaluated");
      return { ...ioCounters };
    };
    const few = await measure("io-probe-1");
    // 200 more units evaluated in the same period.
    const batch = admin().db.batch();
    for (let i = 0; i < 200; i++) {
      const unitId = `bulk-${String(i).padStart(3, "0")}`;
      batch.set(collections.evaluations(P).doc(`${unitId}_2025-Q4`), { unitId, periodId: "2025-Q4", state: "draft", dimensions: [], judged: [], total: i / 4, band: "不合格", passed: false, participated: true, missingJudged: [] });
    }
    await batch.commit();
    const many = await measure("io-probe-2");
    expect(many).toEqual(few);
    expect(few.reads).toBeGreaterThan(0);
    expect(few.reads).toBeLessThanOrEqual(8);
    expect(few.writes).toBeLessThanOrEqual(6);
  });

  it("GZ-4.8: an advance notice filed fewer than 10 working days before the procedure is flagged late; 15 ahead is on time", async () => {
    const today = shanghaiDate(new Date());
    const member = await signedInClient(account("member-gz-01").email, DEMO_PASSWORD);
    let soon: string, later: string;
    try {
      soon = calendar.addWorkingDays(today, 5);
      later = calendar.addWorkingDays(today, 15);
    } catch {
      // Today is beyond the holiday data (chinese-days covers 2004–2026): the refusal test below covers that case.
      return;
    }
    const late = await member.call<{ late: boolean; latestOnTimeFilingDate: string; workingDaysAhead: number; id: string }>("fileAdvanceNotice", { programmeId: P, subject: "unit", kind: "rename", description: "拟更名为穗链数智科技有限公司", plannedOn: soon });
    expect(late).toMatchObject({ late: true, workingDaysAhead: 5, latestOnTimeFilingDate: calendar.addWorkingDays(soon, -10) });
    const onTime = await member.call<{ late: boolean }>("fileAdvanceNotice", { programmeId: P, subject: "unit", kind: "restructuring", description: "拟重组", plannedOn: later });
    expect(onTime.late).toBe(false);
    const stored = (await collections.advanceNotices(P).doc(late.id).get()).data()!;
    expect(stored).toMatchObject({ unitId: "gz-u01", late: true, filedOn: today, nextDeadlineOn: today, clause: "GZ-4.8" });
    expect(await auditOf(`programmes/${P}/advanceNotices/${late.id}`, "advanceNotice.filed")).toHaveLength(1);

    // The deadline sweep turns the late filing into a criticism candidate, once: GZ-4.8 names no
    // sanction, the criticism is GZ-4.4a.4's 重大变更未及时报告说明, its facts citing GZ-4.8.
    const staff = await signedInClient(account("staff-gz").email, DEMO_PASSWORD);
    const sweep = await staff.call<{ proposed: number }>("runDeadlineSweep", { programmeId: P, asOf: today });
    expect(sweep.proposed).toBe(1);
    const candidateId = `auto_criticism_GZ-4.4a.4_unit-gz-u01_advance-${late.id}`;
    const candidate = (await collections.proceedings(P).doc(candidateId).get()).data()!;
    expect(candidate).toMatchObject({ kind: "criticism", state: "proposed", ground: "GZ-4.4a.4", automatic: true });
    expect(candidate.evidence[0]!.description).toContain("仅 5 个工作日");
    expect(candidate.evidence[0]!.description).toContain("（GZ-4.8）");
    expect((await collections.advanceNotices(P).doc(late.id).get()).data()!.nextDeadlineOn).toBeUndefined();
    expect((await staff.call<{ proposed: number }>("runDeadlineSweep", { programmeId: P, asOf: today })).proposed).toBe(0);

    // Staff can actually issue it: the unit is criticised and the 通报 names the ground in the regulation's words.
    await staff.call("proceedingEvent", { programmeId: P, proceedingId: candidateId, event: { type: "issue" } });
    expect((await collections.proceedings(P).doc(candidateId).get()).data()).toMatchObject({ state: "issued" });
    expect((await collections.units(P).doc("gz-u01").get()).data()!.status).toBe("criticised");
    const circular = (await collections.circulars(P).doc(candidateId).get()).data()!;
    expect(circular).toMatchObject({ ground: "GZ-4.4a.4", groundWord: expect.stringContaining("未及时报告说明"), clause: "GZ-4.4a.0" });
    expect(circular.facts[0]).toContain("（GZ-4.8）");
  });

  it("GZ-4.8: staff record a restructuring the unit never reported; the GZ-4.4a.4 criticism is proposed at once; a second record of it is refused and nothing is doubled", async () => {
    const staff = await signedInClient(account("staff-gz").email, DEMO_PASSWORD);
    const today = shanghaiDate(new Date());
    let procedureOn: string;
    try {
      procedureOn = calendar.addWorkingDays(today, -3);
    } catch {
      return;
    }
    const request = { programmeId: P, unitId: "gz-u02", subject: "unit", kind: "restructuring", description: "已完成股权重组，未向工作小组报告", procedureOn, source: "市场监管部门登记信息" };
    // Not yet due: the unit may still report in time, so there is nothing to record.
    await expect(staff.call("recordUnfiledChange", { ...request, procedureOn: calendar.addWorkingDays(today, 12) })).rejects.toMatchObject({ message: expect.stringContaining("最迟报送日期尚未过") });
    // A unit member cannot record it.
    const member = await signedInClient(account("member-gz-02").email, DEMO_PASSWORD);
    await expect(member.call("recordUnfiledChange", request)).rejects.toMatchObject({ code: "functions/permission-denied" });

    const r = await staff.call<{ id: string; latestOnTimeFilingDate: string; proposed: string[] }>("recordUnfiledChange", request);
    expect(r.latestOnTimeFilingDate).toBe(calendar.addWorkingDays(procedureOn, -10));
    const stored = (await collections.advanceNotices(P).doc(r.id).get()).data()!;
    expect(stored).toMatchObject({ unitId: "gz-u02", late: true, plannedOn: procedureOn, recordedBy: { uid: "staff-gz" }, source: "市场监管部门登记信息" });
    expect(stored.filedOn).toBeUndefined();
    expect(stored.nextDeadlineOn).toBeUndefined();
    expect((await auditOf(`programmes/${P}/advanceNotices/${r.id}`, "advanceNotice.unfiledRecorded")).map((a) => a.data().clause)).toEqual(["GZ-4.8"]);
    await expect(staff.call("recordUnfiledChange", request)).rejects.toMatchObject({ code: "functions/already-exists" });

    const candidateId = `auto_criticism_GZ-4.4a.4_unit-gz-u02_advance-${r.id}`;
    expect(r.proposed).toEqual([candidateId]);
    const candidate = (await collections.proceedings(P).doc(candidateId).get()).data()!;
    expect(candidate).toMatchObject({ kind: "criticism", state: "proposed", ground: "GZ-4.4a.4", automatic: true });
    expect(candidate.evidence[0]!.description).toContain(`最迟应于 ${dateWord(r.latestOnTimeFilingDate)} 报送，未报送`);
    expect(candidate.evidence[0]!.description).toContain("（GZ-4.8）");
    expect((await auditOf(`programmes/${P}/proceedings/${candidateId}`, "proceeding.proposed")).map((a) => a.data().clause)).toEqual(["GZ-4.4a.4"]);
    // The record is not due for the sweep again: nothing more is proposed.
    await staff.call("runDeadlineSweep", { programmeId: P, asOf: today });
    expect((await admin().db.collection(`programmes/${P}/proceedings`).where("ground", "==", "GZ-4.4a.4").where("unitId", "==", "gz-u02").get()).size).toBe(1);
  });

  it("GZ-4.8: a procedure date beyond the holiday calendar is refused with a clear Chinese message; Dongguan has no such filing", async () => {
    const member = await signedInClient(account("member-gz-01").email, DEMO_PASSWORD);
    await expect(member.call("fileAdvanceNotice", { programmeId: P, subject: "unit", kind: "rename", description: "拟更名", plannedOn: "2028-03-01" })).rejects.toMatchObject({
      code: "functions/failed-precondition",
      message: expect.stringContaining("该日期不在节假日数据覆盖的年份内"),
    });
    const dg = await signedInClient(account("member-dg-01").email, DEMO_PASSWORD);
    await expect(dg.call("fileAdvanceNotice", { programmeId: "dg-2025", subject: "unit", kind: "rename", description: "拟更名", plannedOn: "2026-12-30" })).rejects.toMatchObject({ message: expect.stringContaining("本专项政策未规定") });
  });
});

describe("audit entries cite the programme's own regulation (issue 14 item 10)", () => {
  it("GZ-2.1 / DG-5.3: every audit entry the flows above wrote cites a clause of its own programme's pack and names no other city's clause", async () => {
    const { offenders, audited } = await auditClauseOffenders();
    expect(offenders).toEqual([]);
    expect(Object.values(audited).reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
  });
});
