// The scheduled jobs, run for given dates (the clock is injected; Pub/Sub delivery is not relied
// on): period close and the deadline sweep. Fixtures are written straight through the typed
// collections — reports in states the report trigger ignores, evaluations as already computed —
// so that what the jobs write is all that changes.
import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
import { account, DEMO_PASSWORD } from "../../scripts/demo/accounts.js";
import { seedDemo } from "../../scripts/demo/seed.js";
import { checkAdvanceNotice } from "../../functions/src/domain/advanceNotice.js";
import { makeCalendar } from "../../functions/src/domain/calendar.js";
import { dongguan, guangzhou } from "../../functions/src/domain/policy/index.js";
import { lowestRanked, rankOn, summarise } from "../../functions/src/domain/ranking.js";
import { newPeriod } from "../../functions/src/domain/reportSchedule.js";
import type { Evaluation, Report } from "../../functions/src/domain/schemas/index.js";
import { approveEvaluation } from "../../functions/src/usecases/approveEvaluation.js";
import { closeDuePeriods, planPeriodClose } from "../../functions/src/usecases/closeDuePeriods.js";
import { enterJudgedScore } from "../../functions/src/usecases/enterJudgedScore.js";
import { recordInterview } from "../../functions/src/usecases/recordInterview.js";
import { sweepDeadlines } from "../../functions/src/usecases/sweepDeadlines.js";
import { productionDeps } from "../../functions/src/usecases/deps.js";
import { makeUscc } from "../../functions/src/domain/uscc.js";
import { collections } from "../../functions/src/store/collections.js";
import { admin, clearFirestore, closeClients, eventually, signedInClient } from "../support/emulators.js";
import { reportContent } from "../support/reportRows.js";
import { auditClauseOffenders } from "../support/auditClauses.js";

const GZ = "gz-2025";
const DG = "dg-2025";
const calendar = makeCalendar();
const TARGETS = { enterprisesTransformed: 20, diagnoses: 40 };
const STAFF_DG = { uid: "staff-dg", role: "staff" as const, name: "东莞工作人员" };

function evaluationOf(unitId: string, periodId: string, total: number, over: Partial<Evaluation> = {}): Evaluation {
  return { unitId, periodId, state: "draft", dimensions: [], judged: [], total, band: total >= 60 ? "合格" : "不合格", passed: total >= 60, participated: true, missingJudged: [], ...over };
}
function reportOf(unitId: string, periodId: string, state: Report["state"], over: Partial<Report> = {}): Report {
  return { unitId, periodId, state, metrics: { enterprisesTransformed: 16, diagnoses: 32 }, enterprises: [], documentIds: [], late: false, returnedCount: 0, incomplete: false, missingFields: [], reviewReasons: [], ...over };
}

async function fresh() {
  await clearFirestore();
  await seedDemo(admin());
}

async function addUnits(programmeId: string, ids: string[], seqFrom: number) {
  for (const [i, id] of ids.entries()) {
    await collections.units(programmeId).doc(id).set({ name: `演示单位${id}`, uscc: makeUscc(seqFrom + i), status: "listed", listedOn: "2025-01-15", batch: "第一批" });
  }
}

/** Guangzhou 2025-Q3 at its deadline: five units in five situations. */
async function guangzhouQ3() {
  await addUnits(GZ, ["gz-u03", "gz-u04", "gz-u05"], 10);
  await collections.periods(GZ).doc("2025-Q3").set(newPeriod("2025-Q3", guangzhou, calendar));
  for (const u of ["gz-u01", "gz-u02", "gz-u03", "gz-u04", "gz-u05"]) await collections.taskBooks(GZ).doc(`${u}_2025`).set({ unitId: u, year: 2025, targets: TARGETS, otherTargets: [], signedOn: "2025-02-01" });
  await collections.reports(GZ).doc("gz-u01_2025-Q3").set(reportOf("gz-u01", "2025-Q3", "accepted", { submittedOn: "2025-10-15" }));
  await collections.reports(GZ).doc("gz-u02_2025-Q3").set(reportOf("gz-u02", "2025-Q3", "returned", { submittedOn: "2025-10-16", returnedCount: 1 }));
  // gz-u03 never reported.
  await collections.reports(GZ).doc("gz-u04_2025-Q3").set(reportOf("gz-u04", "2025-Q3", "accepted", { submittedOn: "2025-10-23", late: true }));
  await collections.reports(GZ).doc("gz-u05_2025-Q3").set(reportOf("gz-u05", "2025-Q3", "accepted", { submittedOn: "2025-10-20", metrics: { enterprisesTransformed: 5, diagnoses: 32 } }));
  const evaluations = [
    evaluationOf("gz-u01", "2025-Q3", 85, { state: "approved" }),
    evaluationOf("gz-u02", "2025-Q3", 55),
    evaluationOf("gz-u04", "2025-Q3", 50, { state: "approved" }),
    evaluationOf("gz-u05", "2025-Q3", 70),
  ];
  for (const e of evaluations) await collections.evaluations(GZ).doc(`${e.unitId}_2025-Q3`).set(e);
  await collections.evaluations(GZ).doc("gz-u04_2025-Q2").set(evaluationOf("gz-u04", "2025-Q2", 45, { state: "approved" }));
  // GZ-2.2.12: a project of gz-u01 failed acceptance during the quarter.
  await collections.enterprises(GZ).doc("ent-1").set({ name: "演示试点企业甲", uscc: makeUscc(40), servedBy: "gz-u01", diagnosisDone: false, onCloud: false, acceptance: "failed", acceptanceDecidedOn: "2025-08-12" });
  await collections.rankings(GZ).doc("2025-Q3").set({ periodId: "2025-Q3", counts: summarise(evaluations) });
}

/** Everything the jobs may have written under the programme, comparable across runs. */
async function snapshot(programmeId: string) {
  const { db } = admin();
  const out: Record<string, unknown> = {};
  for (const col of await db.doc(`programmes/${programmeId}`).listCollections()) {
    for (const d of (await col.get()).docs) {
      // onReportCreated's entries are keyed by Firestore's random event ids: fixtures, not job output.
      if (col.id === "audit" && d.id.startsWith("evt-")) continue;
      out[d.ref.path] = JSON.parse(JSON.stringify(d.data()));
    }
  }
  return out;
}
const jobAudit = (snap: Record<string, unknown>) => Object.keys(snap).filter((k) => k.includes("/audit/") && !k.includes("/evt-"));

describe("period close (GZ-3.4.1, GZ-4.4a, GZ-4.4b, DG-9.2, DG-10)", () => {
  beforeEach(fresh);
  // Issue 14 item 10: whatever each job wrote cites its own programme's regulation.
  afterEach(async () => expect((await auditClauseOffenders()).offenders).toEqual([]));
  afterAll(closeClients);

  it("GZ-4.4a.2: at close (2025-11-05, the day after the evaluation close; deadline 2025-10-21) returned, missing and late reports, unexplained lag and a second failure become candidates; ranks are frozen; the period is closed", async () => {
    await guangzhouQ3();
    const r = await closeDuePeriods(productionDeps(), { asOf: "2025-11-05", programmeIds: [GZ], batchSize: 2 });
    expect(r.runs).toEqual([{ programmeId: GZ, periodId: "2025-Q3", state: "done", batches: 3, processed: 5, proposed: 7 }]);
    const proposals = (await collections.proceedings(GZ).get()).docs.map((d) => d.id).sort();
    expect(proposals).toEqual([
      "auto_clearOut_GZ-4.4b.2_unit-gz-u03_2025-Q3", // GZ-4.4b.2: never reported, did not take part
      "auto_clearOut_GZ-4.4b.3_unit-gz-u04_2025-Q3", // GZ-4.4b.3: second approved failure (2025-Q2, 2025-Q3)
      "auto_criticism_GZ-4.4a.2_unit-gz-u02_2025-Q3", // returned and not resubmitted
      "auto_criticism_GZ-4.4a.2_unit-gz-u03_2025-Q3", // missing
      "auto_criticism_GZ-4.4a.2_unit-gz-u04_2025-Q3", // late
      "auto_criticism_GZ-4.4a.3_unit-gz-u05_2025-Q3", // GZ-4.4a.3: 5 of 15 transformed, no explanation
      "auto_criticism_GZ-4.4a.6_unit-gz-u01_2025-Q3", // GZ-4.4a.6: a project failed acceptance on 2025-08-12
    ]);
    const ranks = Object.fromEntries((await collections.evaluations(GZ).where("periodId", "==", "2025-Q3").get()).docs.map((d) => [d.data().unitId, d.data().rank]));
    expect(ranks).toEqual({ "gz-u01": 1, "gz-u05": 2, "gz-u02": 3, "gz-u04": 4 });
    expect((await collections.periods(GZ).doc("2025-Q3").get()).data()).toMatchObject({ state: "closed" });
    const run = (await collections.jobRuns(GZ).doc("periodClose_2025-Q3").get()).data()!;
    expect(run).toMatchObject({ state: "done", cursor: "gz-u05", processed: 5, proposed: 7, errors: [] });
    // Guangzhou ranks for information only: no interview list (DG-9.2 is Dongguan's).
    expect((await collections.notifications(GZ).where("kind", "==", "interviewCandidate").get()).size).toBe(0);
    const audit = await admin().db.collection(`programmes/${GZ}/audit`).where("action", "==", "period.unitClosed").get();
    expect(audit.size).toBe(5);
    expect(audit.docs.find((d) => d.id === "periodClose-2025-Q3-gz-u03")!.data().note).toContain("2025年第三季度报告截至评价截止日 2025年11月4日 未报送（报送截止日 2025年10月21日）");
  });

  it("GZ-4.4b.2: running the period close twice changes nothing more", async () => {
    await guangzhouQ3();
    await closeDuePeriods(productionDeps(), { asOf: "2025-11-05", programmeIds: [GZ], batchSize: 2 });
    const once = await snapshot(GZ);
    const again = await closeDuePeriods(productionDeps(), { asOf: "2025-11-06", programmeIds: [GZ], batchSize: 2 });
    expect(again.runs).toEqual([]);
    expect(await snapshot(GZ)).toEqual(once);
  });

  it("GZ-4.4a.2: interrupted after one batch and resumed, the stored state equals one clean run (documents and audit entries)", async () => {
    await guangzhouQ3();
    await closeDuePeriods(productionDeps(), { asOf: "2025-11-05", programmeIds: [GZ], batchSize: 2 });
    const clean = await snapshot(GZ);

    await fresh();
    await guangzhouQ3();
    const first = await closeDuePeriods(productionDeps(), { asOf: "2025-11-05", programmeIds: [GZ], batchSize: 2, maxBatches: 1 });
    expect(first.stoppedEarly).toBe(true);
    expect(first.runs[0]).toMatchObject({ state: "running", batches: 1, processed: 2 });
    expect((await collections.periods(GZ).doc("2025-Q3").get()).data()!.state).toBe("closing");
    expect((await collections.jobRuns(GZ).doc("periodClose_2025-Q3").get()).data()!.cursor).toBe("gz-u02");
    const resumed = await closeDuePeriods(productionDeps(), { asOf: "2025-11-05", programmeIds: [GZ], batchSize: 2 });
    expect(resumed.runs[0]).toMatchObject({ state: "done", batches: 3, processed: 5 });
    const after = await snapshot(GZ);
    expect(after).toEqual(clean);
    expect(jobAudit(after)).toHaveLength(jobAudit(clean).length);
  });

  it("GZ-3.4.1: a clock-injected run across the 2025-Q3 → Q4 quarter end: reminders 5 and 1 working days ahead, close the day after each evaluation close — 10 working days after the deadline, so a late unit can still report (Q4's counted over the 2026 New Year holiday)", async () => {
    for (const id of ["2025-Q3", "2025-Q4"]) await collections.periods(GZ).doc(id).set(newPeriod(id, guangzhou, calendar));
    await collections.reports(GZ).doc("gz-u02_2025-Q3").set(reportOf("gz-u02", "2025-Q3", "accepted", { submittedOn: "2025-10-10" }));
    const day = async (asOf: string) => ({ sweep: (await sweepDeadlines(productionDeps(), { asOf, programmeIds: [GZ] }))[0]!, close: await closeDuePeriods(productionDeps(), { asOf, programmeIds: [GZ] }) });
    const state = async (id: string) => (await collections.periods(GZ).doc(id).get()).data()!;

    // 2025-09-30 Tue, last day of Q3: nothing due yet.
    let d = await day("2025-09-30");
    expect([d.sweep.reminders, d.close.runs.length]).toEqual([0, 0]);
    // 2025-10-14 Tue: 5 working days before the 2025-10-21 deadline (National Day 10-01…08 and the
    // 10-11 make-up Saturday counted): gz-u01 is reminded, gz-u02 has reported.
    d = await day("2025-10-14");
    expect(d.sweep.reminders).toBe(1);
    expect((await collections.notifications(GZ).doc("remind_2025-Q3_gz-u01_2025-10-14").get()).data()).toMatchObject({ toUnitId: "gz-u01", kind: "reportReminder" });
    expect((await state("2025-Q3")).nextDeadlineOn).toBe("2025-10-20");
    // 2025-10-20 Mon: the last reminder. 2025-10-21 Tue: deadline day, still open.
    expect((await day("2025-10-20")).sweep.reminders).toBe(1);
    d = await day("2025-10-21");
    expect([d.sweep.reminders, d.close.runs.length, (await state("2025-Q3")).state]).toEqual([0, 0, "open"]);
    // 2025-10-22 Wed, the day after the deadline: still open for late reports until the evaluation
    // close, 2025-11-04 Tue (10 working days later); it closes on 2025-11-05. Q4 stays open.
    d = await day("2025-10-22");
    expect([d.close.runs.length, (await state("2025-Q3")).state]).toEqual([0, "open"]);
    expect((await state("2025-Q3")).evaluationCloseOn).toBe("2025-11-04");
    expect((await day("2025-11-04")).close.runs).toEqual([]);
    d = await day("2025-11-05");
    expect(d.close.runs.map((x) => [x.periodId, x.state])).toEqual([["2025-Q3", "done"]]);
    expect([(await state("2025-Q3")).state, (await state("2025-Q4")).state]).toEqual(["closed", "open"]);
    // Q4 ends 2025-12-31; 元旦 2026-01-01…03 off, 2026-01-04 Sun a make-up working day:
    // the 10th working day is 2026-01-15 Thu, the first reminder 2026-01-08 Thu.
    expect((await state("2025-Q4")).reportDeadline).toBe("2026-01-15");
    d = await day("2026-01-08");
    expect(d.sweep.reminders).toBe(2);
    // 2026-01-15 Thu, deadline day: the 01-14 reminder was not swept on its day, so it goes out now.
    d = await day("2026-01-15");
    expect([d.sweep.reminders, d.close.runs.length]).toEqual([2, 0]);
    d = await day("2026-01-16");
    expect(d.close.runs).toEqual([]);
    // Its evaluation closes 2026-01-29 Thu; the period closes the day after.
    d = await day("2026-01-30");
    expect(d.close.runs.map((x) => [x.periodId, x.state])).toEqual([["2025-Q4", "done"]]);
    // Sweeping a day twice sends nothing twice.
    const twice = (await sweepDeadlines(productionDeps(), { asOf: "2026-01-08", programmeIds: [GZ] }))[0]!;
    expect(twice.alreadyRun).toBe(true);
    expect((await collections.notifications(GZ).where("kind", "==", "reportReminder").get()).size).toBe(6);
  });

  it("DG-9.2: Dongguan annual cycle — reports submitted through the trigger are ranked on task-book completion at close, provisionally; the last approval makes the ranking final and lists the lagging units for interview, once; a unit that never reported is a DG-10.2 candidate", async () => {
    await addUnits(DG, ["dg-u02", "dg-u03", "dg-u04", "dg-u05", "dg-u06"], 20);
    const period = newPeriod("2025", dongguan, calendar);
    expect(period).toMatchObject({ reportDeadline: "2026-01-22" });
    await collections.periods(DG).doc("2025").set(period);
    const done = { "dg-u01": 30, "dg-u02": 24, "dg-u03": 18, "dg-u04": 12, "dg-u05": 6 };
    const { db } = admin();
    for (const [unitId, n] of Object.entries(done)) {
      await collections.taskBooks(DG).doc(`${unitId}_2025`).set({ unitId, year: 2025, targets: { enterprisesTransformed: 30, solutions: 5 }, otherTargets: [], signedOn: "2025-02-01" });
      // DG-9.1: submitted before the deadline (2026-01-20), through the report trigger.
      await db.doc(`programmes/${DG}/reports/${unitId}_2025`).set({ unitId, periodId: "2025", state: "submitted", ...(await reportContent(DG, unitId, { enterprisesTransformed: n, solutions: 5 })), updatedBy: "member", updatedAt: new Date("2026-01-20T10:00:00+08:00") });
    }
    const summary = await eventually(async () => {
      const s = (await collections.rankings(DG).doc("2025").get()).data();
      return s && Object.values(s.counts).reduce((a, b) => a + b, 0) === 5 ? s : undefined;
    }, "five evaluations in the Dongguan ranking summary");
    // DG-9.2: the summary counts task-book completion (30/30 and 5/5 → 100 %; 6/30 and 5/5 → 60 %), not totals.
    expect(Object.keys(summary.counts).sort()).toEqual(["10000", "6000", "7000", "8000", "9000"]);

    // The dry run (what 执行本期关账 states first): the five drafts await approval, so nobody is listed yet.
    const plan = await planPeriodClose(productionDeps(), { asOf: "2026-02-06", programmeIds: [DG] });
    expect(plan.periods).toEqual([expect.objectContaining({ periodId: "2025", units: 6, interviews: [], awaitingApproval: 5 })]);
    const r = await closeDuePeriods(productionDeps(), { asOf: "2026-02-06", programmeIds: [DG] });
    expect(r.runs[0]).toMatchObject({ periodId: "2025", state: "done", processed: 6 });
    const evaluations = (await collections.evaluations(DG).where("periodId", "==", "2025").get()).docs.map((x) => x.data());
    const expected = rankOn(evaluations, "taskBookCompletion");
    expect(Object.fromEntries(evaluations.map((e) => [e.unitId, e.rank]))).toEqual(Object.fromEntries(expected.map((e) => [e.unitId, e.rank])));
    expect(expected.map((e) => e.unitId)).toEqual(["dg-u01", "dg-u02", "dg-u03", "dg-u04", "dg-u05"]);
    expect(evaluations.find((e) => e.unitId === "dg-u05")!.completion).toMatchObject({ percent: 60 });
    // DG-8: every evaluation is still a draft — the ranking is provisional and nobody is listed yet.
    const interviewIds = async () => (await collections.notifications(DG).where("kind", "==", "interviewCandidate").get()).docs.map((x) => x.id).sort();
    expect(await interviewIds()).toEqual([]);
    expect((await collections.rankings(DG).doc("2025").get()).data()!.finalAt).toBeUndefined();
    expect((await db.doc(`programmes/${DG}/audit/periodClose-2025-done`).get()).data()!.note).toContain("排名暂定（尚有 5 份评价未审定）");
    expect((await collections.proceedings(DG).get()).docs.map((x) => x.id)).toEqual(["auto_clearOut_DG-10.2_unit-dg-u06_2025"]);

    // Staff score and approve. The judged scores favour the units behind on the task book, so
    // the totals order them the other way round: the ranking stays on completion.
    const deps = productionDeps();
    const judged = { "dg-u01": 0, "dg-u02": 1, "dg-u03": 2, "dg-u04": 3, "dg-u05": 4 };
    for (const [unitId, k] of Object.entries(judged)) {
      await enterJudgedScore(deps, { programmeId: DG, evaluationId: `${unitId}_2025`, partId: "satisfaction", score: 3 * k, methods: ["siteVisit"], evidenceDocumentIds: [] }, STAFF_DG);
      await enterJudgedScore(deps, { programmeId: DG, evaluationId: `${unitId}_2025`, partId: "serviceCapability", score: k, methods: ["phone"], evidenceDocumentIds: [] }, STAFF_DG);
    }
    for (const unitId of ["dg-u01", "dg-u02", "dg-u03", "dg-u04"]) {
      const a = await approveEvaluation(deps, { programmeId: DG, evaluationId: `${unitId}_2025` }, STAFF_DG);
      expect(a.rankingFinal).toBe(false);
      expect(await interviewIds()).toEqual([]);
    }
    await expect(recordInterview(deps, { programmeId: DG, unitId: "dg-u05", periodId: "2025", heldOn: "2026-02-05", kind: "interview", notes: "约谈" }, STAFF_DG)).rejects.toMatchObject({ refusal: { code: "PERIOD_NOT_RANKED" } });

    // The last approval: refrozen and final, the three behind listed (DG-9.2), in the same transaction.
    const last = await approveEvaluation(deps, { programmeId: DG, evaluationId: "dg-u05_2025" }, STAFF_DG);
    expect(last.rankingFinal).toBe(true);
    const approved = (await collections.evaluations(DG).where("periodId", "==", "2025").get()).docs.map((x) => x.data());
    expect(Object.fromEntries(approved.map((e) => [e.unitId, e.rank]))).toEqual({ "dg-u01": 1, "dg-u02": 2, "dg-u03": 3, "dg-u04": 4, "dg-u05": 5 });
    expect((await collections.rankings(DG).doc("2025").get()).data()!.finalAt).toBeInstanceOf(Date);
    const listed = ["interview_2025_dg-u03", "interview_2025_dg-u04", "interview_2025_dg-u05"];
    expect(await interviewIds()).toEqual(listed);
    expect(await interviewIds()).toEqual(lowestRanked(rankOn(approved, "taskBookCompletion"), dongguan.lowestRankedCount).map((e) => `interview_2025_${e.unitId}`).sort());
    // Staff read the unit's name and its completion beside the total, not its id.
    const u05 = (await collections.units(DG).doc("dg-u05").get()).data()!.name;
    expect((await collections.notifications(DG).doc("interview_2025_dg-u05").get()).data()!.body).toContain(`牵引单位 ${u05} 在 2025 绩效评价中排名第 5（任务书完成率 60.00%，总分`);
    const finalised = async () => (await db.collection(`programmes/${DG}/audit`).where("action", "==", "ranking.finalised").get()).docs.map((x) => x.data());
    expect((await finalised()).map((a) => [a.clause, a.actor.uid])).toEqual([["DG-9.2", STAFF_DG.uid]]);
    expect((await finalised())[0]!.note).toContain("排名落后列入约谈、督导 3 家");

    // A replayed approval is refused and changes nothing; a second close run finds nothing to do.
    const before = await snapshot(DG);
    await expect(approveEvaluation(deps, { programmeId: DG, evaluationId: "dg-u05_2025" }, STAFF_DG)).rejects.toMatchObject({ refusal: { code: "ALREADY_DECIDED" } });
    expect((await closeDuePeriods(deps, { asOf: "2026-02-07", programmeIds: [DG] })).runs).toEqual([]);
    expect(await snapshot(DG)).toEqual(before);
    expect(await finalised()).toHaveLength(1);
    // Now the interview can be recorded.
    await recordInterview(deps, { programmeId: DG, unitId: "dg-u05", periodId: "2025", heldOn: "2026-02-05", kind: "interview", notes: "约谈单位负责人" }, STAFF_DG);
  });

  it("DG-9.1: an annual report submitted before its deadline is scored against the full annual task book (DG-12), not a pro-rata share", async () => {
    await collections.periods(DG).doc("2025").set(newPeriod("2025", dongguan, calendar));
    await collections.taskBooks(DG).doc("dg-u01_2025").set({ unitId: "dg-u01", year: 2025, targets: { enterprisesTransformed: 30, solutions: 5 }, otherTargets: [], signedOn: "2025-02-01" });
    await admin().db.doc(`programmes/${DG}/reports/dg-u01_2025`).set({ unitId: "dg-u01", periodId: "2025", state: "submitted", ...(await reportContent(DG, "dg-u01", { enterprisesTransformed: 24, solutions: 5 })), updatedBy: "member-dg-01", updatedAt: new Date("2026-01-22T17:00:00+08:00") });
    const e = await eventually(async () => (await collections.evaluations(DG).doc("dg-u01_2025").get()).data(), "the Dongguan evaluation");
    expect(e).toMatchObject({ reporting: "onTime", state: "draft" });
    expect(e.dimensions[0]!.explanation).toContain("完成改造企业 24/30，");
    expect((await collections.reports(DG).doc("dg-u01_2025").get()).data()).toMatchObject({ late: false, submittedOn: "2026-01-22" });
    const audit = await admin().db.collection(`programmes/${DG}/audit`).where("action", "==", "report.submitted").get();
    expect(audit.docs.map((x) => x.data().clause)).toEqual(["DG-9.1"]);
  });

  it("DG-10.3: at Dongguan's close a unit's second approved failed evaluation raises the clear-out candidate", async () => {
    await collections.periods(DG).doc("2025").set(newPeriod("2025", dongguan, calendar));
    await collections.reports(DG).doc("dg-u01_2025").set(reportOf("dg-u01", "2025", "accepted", { submittedOn: "2026-01-10" }));
    await collections.evaluations(DG).doc("dg-u01_2024").set(evaluationOf("dg-u01", "2024", 52, { state: "approved" }));
    await collections.evaluations(DG).doc("dg-u01_2025").set(evaluationOf("dg-u01", "2025", 48, { state: "approved" }));
    await collections.rankings(DG).doc("2025").set({ periodId: "2025", counts: summarise([{ unitId: "dg-u01", total: 48 }]) });
    await closeDuePeriods(productionDeps(), { asOf: "2026-02-06", programmeIds: [DG] });
    expect((await collections.proceedings(DG).get()).docs.map((x) => x.id)).toEqual(["auto_clearOut_DG-10.3_unit-dg-u01_2025"]);
    // DG-8: its one evaluation was already approved, so the close itself makes the ranking final;
    // a unit ranked first (here alone) is never behind anyone, so nobody is listed (DG-9.2).
    expect((await collections.rankings(DG).doc("2025").get()).data()!.finalAt).toBeInstanceOf(Date);
    expect((await collections.notifications(DG).where("kind", "==", "interviewCandidate").get()).size).toBe(0);
  });

  it("DG-10.2: staff run the Dongguan close through the callable — a unit that never reported is a candidate for not taking part; a unit member cannot run it", async () => {
    await collections.periods(DG).doc("2025").set(newPeriod("2025", dongguan, calendar));
    const member = await signedInClient(account("member-dg-01").email, DEMO_PASSWORD);
    await expect(member.call("runPeriodClose", { programmeId: DG, asOf: "2026-02-06" })).rejects.toMatchObject({ code: "functions/permission-denied" });
    const staff = await signedInClient(account("staff-dg").email, DEMO_PASSWORD);
    const r = await staff.call<{ runs: { periodId: string; state: string }[] }>("runPeriodClose", { programmeId: DG, asOf: "2026-02-06" });
    expect(r.runs).toEqual([expect.objectContaining({ periodId: "2025", state: "done" })]);
    const p = (await collections.proceedings(DG).doc("auto_clearOut_DG-10.2_unit-dg-u01_2025").get()).data()!;
    expect(p).toMatchObject({ kind: "clearOut", state: "proposed", ground: "DG-10.2" });
    expect(p.evidence[0]!.description).toContain("未按规定参加绩效评价");
  });
});

describe("deadline sweep (GZ-4.3b, GZ-4.8)", () => {
  beforeEach(fresh);
  // Issue 14 item 10: whatever each job wrote cites its own programme's regulation.
  afterEach(async () => expect((await auditClauseOffenders()).offenders).toEqual([]));
  afterAll(closeClients);

  const opener = { uid: "staff-gz", role: "staff" as const };

  it("GZ-4.3b: a rectification deadline counted over Spring Festival 2026 turns overdue the day after it, and staff are told to extend or start a clear-out", async () => {
    // Issued 2026-02-06 Fri with the default 20 working days: 02-14 Sat is a make-up working day,
    // 春节 02-15…23 is off, 02-28 Sat works again → the deadline is 2026-03-12 Thu.
    const deadline = calendar.deadline("2026-02-06", guangzhou.rectification.length, guangzhou.rectification.unit);
    expect(deadline).toBe("2026-03-12");
    const base = { unitId: "gz-u01", ground: "GZ-4.4a.2", evidence: [], automatic: false, openedOn: "2026-02-06", openedBy: opener, extensions: [], rectificationDeadline: deadline, nextDeadlineOn: deadline };
    await collections.proceedings(GZ).doc("crit-1").set({ kind: "criticism", state: "issued", ...base });
    await collections.proceedings(GZ).doc("crit-2").set({ kind: "criticism", state: "responded", ...base, unitId: "gz-u02", responseDocumentId: "doc-1" });

    expect((await sweepDeadlines(productionDeps(), { asOf: "2026-03-12", programmeIds: [GZ] }))[0]!.overdue).toBe(0);
    expect((await collections.proceedings(GZ).doc("crit-1").get()).data()!.state).toBe("issued");
    const r = (await sweepDeadlines(productionDeps(), { asOf: "2026-03-13", programmeIds: [GZ] }))[0]!;
    expect(r.overdue).toBe(1);
    expect((await collections.proceedings(GZ).doc("crit-1").get()).data()).toMatchObject({ state: "overdue" });
    expect((await collections.proceedings(GZ).doc("crit-1").get()).data()!.nextDeadlineOn).toBeUndefined();
    expect((await collections.proceedings(GZ).doc("crit-2").get()).data()!.state).toBe("responded");
    const note = (await collections.notifications(GZ).doc("overdue_crit-1_2026-03-12").get()).data()!;
    expect(note).toMatchObject({ toStaff: true, kind: "rectificationOverdue" });
    expect(note.body).toContain("请根据实际情况和情节轻重决定继续整改（延长期限）或取消牵引单位资格（GZ-4.3b）");
    const audit = await admin().db.collection(`programmes/${GZ}/audit`).where("action", "==", "criticism.overdue").get();
    expect(audit.docs.map((x) => x.data().clause)).toEqual(["GZ-4.3b"]);
    // The next day changes nothing more.
    expect((await sweepDeadlines(productionDeps(), { asOf: "2026-03-14", programmeIds: [GZ] }))[0]!.overdue).toBe(0);
  });

  it("GZ-4.8: a filing 9 working days before a procedure after Spring Festival is late and becomes a criticism candidate under GZ-4.4a.4", async () => {
    // Procedure 2026-02-27 Fri; 10 working days back over 春节 (02-14 Sat works) is 2026-02-06.
    const check = checkAdvanceNotice("2026-02-27", "2026-02-09", guangzhou, calendar);
    expect(check).toMatchObject({ latestOnTimeFilingDate: "2026-02-06", workingDaysAhead: 9, late: true });
    await collections.advanceNotices(GZ).doc("an-1").set({
      unitId: "gz-u01", subject: "unit", kind: "rename", description: "拟更名", plannedOn: "2026-02-27", filedOn: "2026-02-09",
      latestOnTimeFilingDate: check.latestOnTimeFilingDate, workingDaysAhead: check.workingDaysAhead, late: true, nextDeadlineOn: "2026-02-09", clause: "GZ-4.8",
    });
    const r = (await sweepDeadlines(productionDeps(), { asOf: "2026-02-09", programmeIds: [GZ] }))[0]!;
    expect(r.proposed).toBe(1);
    const p = (await collections.proceedings(GZ).doc("auto_criticism_GZ-4.4a.4_unit-gz-u01_advance-an-1").get()).data()!;
    expect(p.evidence[0]!.description).toContain("仅 9 个工作日，未达到办理手续前 10 个工作日报送工作小组的要求（GZ-4.8）");
  });

  it("GZ-3.4.1: in a programme that has not entered the 2027 holidays, a 2027 deadline is refused clearly in the job run and the audit log; the rest of the sweep goes on", async () => {
    // A period stored with a 2027 deadline and no 2027 arrangement (data written before periods
    // waited for the arrangement, or by hand): its reminder day cannot be counted, and says so.
    const programmeRef = collections.programmes().doc(GZ);
    const original = (await programmeRef.get()).data()!;
    await programmeRef.set({ ...original, calendarOverrides: { restDays: [], workingDays: [], coveredYears: [] } });
    try {
    await collections.periods(GZ).doc("2026-Q4").set({ id: "2026-Q4", cadence: "quarterly", start: "2026-10-01", end: "2026-12-31", reportDeadline: "2027-01-15", state: "open", nextDeadlineOn: "2026-12-30" });
    await collections.proceedings(GZ).doc("crit-3").set({ kind: "criticism", state: "issued", unitId: "gz-u01", ground: "GZ-4.4a.2", evidence: [], automatic: false, openedOn: "2026-11-02", openedBy: opener, extensions: [], rectificationDeadline: "2026-12-01", nextDeadlineOn: "2026-12-01" });
    const r = (await sweepDeadlines(productionDeps(), { asOf: "2026-12-30", programmeIds: [GZ] }))[0]!;
    expect(r.overdue).toBe(1);
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]!.message).toContain("该日期不在节假日数据覆盖的年份内");
    expect(r.errors[0]!.message).toContain("2004–2026 年");
    const run = (await collections.jobRuns(GZ).doc("deadlineSweep_2026-12-30").get()).data()!;
    expect(run).toMatchObject({ state: "done", errors: [{ item: `programmes/${GZ}/periods/2026-Q4` }] });
    const audit = await admin().db.collection(`programmes/${GZ}/audit`).where("action", "==", "job.itemRefused").get();
    expect(audit.size).toBe(1);
    expect(audit.docs[0]!.data().note).toContain("期限检查未执行");
    } finally {
      await programmeRef.set(original);
    }
  });
});
