// Issue 16, items 1–3: one bad document, a report for a period that is not open, or a job run
// "as of" a day that has not come must not break a programme.
//   16.1 Documents that do not parse with their schema are written with the admin SDK (the rules
//        refuse them from clients): every programme-wide job and the report trigger skips what
//        it cannot read, records it for staff (jobProblems + an audit entry, once), and finishes
//        the rest; a period never stays "closing".
//   16.2 Admin-written reports for periods that do not exist, are not open or do not fit the
//        programme's cadence are refused by the report triggers: no evaluation, no ranking count.
//   16.3 Manual runs: no day after today (Asia/Shanghai), programme administrators only, a dry
//        run that writes nothing, and the period close of the one period named.
import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
import { makeCalendar } from "../../functions/src/domain/calendar.js";
import { addDays, shanghaiDate } from "../../functions/src/domain/dates.js";
import { guangzhou } from "../../functions/src/domain/policy/index.js";
import { newPeriod } from "../../functions/src/domain/reportSchedule.js";
import { periodWord } from "../../functions/src/domain/words.js";
import type { Report } from "../../functions/src/domain/schemas/index.js";
import { makeUscc } from "../../functions/src/domain/uscc.js";
import { collections } from "../../functions/src/store/collections.js";
import { jobProblemId } from "../../functions/src/store/jobProblems.js";
import { closeDuePeriods, dayStart } from "../../functions/src/usecases/closeDuePeriods.js";
import { productionDeps, type Deps } from "../../functions/src/usecases/deps.js";
import { receiveReportSubmission } from "../../functions/src/usecases/receiveReportSubmission.js";
import { recordReportCreated } from "../../functions/src/usecases/recordReportCreated.js";
import { runNoticeCycle } from "../../functions/src/usecases/runNoticeCycle.js";
import { sweepDeadlines } from "../../functions/src/usecases/sweepDeadlines.js";
import { account, DEMO_PASSWORD } from "../../scripts/demo/accounts.js";
import { seedDemo } from "../../scripts/demo/seed.js";
import { admin, clearFirestore, closeClients, eventually, signedInClient } from "../support/emulators.js";
import { allDocuments, settledDocuments } from "../support/snapshot.js";
import { auditClauseOffenders } from "../support/auditClauses.js";

const GZ = "gz-2025";
const DG = "dg-2025";
const calendar = makeCalendar();
const depsAt = (now: Date): Deps => ({ ...productionDeps(), clock: () => now });
const raw = (path: string, data: Record<string, unknown>) => admin().db.doc(path).set(data);
const reportPath = (unitId: string, periodId: string, programmeId = GZ) => `programmes/${programmeId}/reports/${unitId}_${periodId}`;

function reportOf(unitId: string, periodId: string, state: Report["state"], over: Partial<Report> = {}): Report {
  return { unitId, periodId, state, metrics: { enterprisesTransformed: 16, diagnoses: 32 }, enterprises: [], documentIds: [], late: false, returnedCount: 0, incomplete: false, missingFields: [], reviewReasons: [], ...over };
}
/** The example: a draft whose metrics hold text, whose enterprise rows are numbers and whose document list holds objects. */
const junkDraft = (unitId: string, periodId: string) => ({ unitId, periodId, state: "draft", metrics: { diagnoses: "很多" }, enterprises: [1, 2], documentIds: [{ id: 1 }], updatedBy: `member-${unitId}`, updatedAt: new Date() });

async function fresh() {
  await clearFirestore();
  await seedDemo(admin());
}
async function addUnits(programmeId: string, ids: string[], seqFrom: number) {
  for (const [i, id] of ids.entries()) await collections.units(programmeId).doc(id).set({ name: `演示单位${id}`, uscc: makeUscc(seqFrom + i), status: "listed", listedOn: "2025-01-15", batch: "第一批" });
}
async function problems(programmeId = GZ) {
  return (await admin().db.collection(`programmes/${programmeId}/jobProblems`).get()).docs.map((d) => ({ id: d.id, ...(d.data() as { job: string; path: string; reason: string; firstSeenAt: FirebaseFirestore.Timestamp; lastSeenAt: FirebaseFirestore.Timestamp }) }));
}
async function auditOf(programmeId: string, action: string) {
  return (await collections.audit(programmeId).where("action", "==", action).get()).docs.map((d) => ({ id: d.id, ...d.data() }));
}

describe("issue 16.1: a job skips a document it cannot read, records it for staff and finishes the rest", () => {
  beforeEach(fresh);
  // Issue 14 item 10: what each job recorded cites its own programme's regulation.
  afterEach(async () => expect((await auditClauseOffenders()).offenders).toEqual([]));
  afterAll(closeClients);
  const NOW = new Date("2025-10-22T01:00:00+08:00");

  it("issue 16.1 (GZ-4.4a.2): the period close skips a unit whose report draft holds text for metrics, records it with the Chinese reason, decides the other units and closes the period", async () => {
    await addUnits(GZ, ["gz-u03"], 10);
    await collections.periods(GZ).doc("2025-Q3").set(newPeriod("2025-Q3", guangzhou, calendar));
    await collections.reports(GZ).doc("gz-u01_2025-Q3").set(reportOf("gz-u01", "2025-Q3", "accepted", { submittedOn: "2025-10-15" }));
    await raw(reportPath("gz-u03", "2025-Q3"), junkDraft("gz-u03", "2025-Q3"));
    // onReportCreated has recorded the draft's creation (its period is open) before the close runs.
    await settledDocuments();

    const r = await closeDuePeriods(productionDeps(), { asOf: "2025-11-05", now: NOW, programmeIds: [GZ] });
    expect(r.runs).toEqual([{ programmeId: GZ, periodId: "2025-Q3", state: "done", batches: 1, processed: 2, proposed: expect.any(Number) }]);
    expect(r.skipped.map((s) => s.path)).toEqual([reportPath("gz-u03", "2025-Q3")]);
    expect(r.skipped[0]!.reason).toMatch(/^存储的文档格式无效：programmes\/gz-2025\/reports\/gz-u03_2025-Q3（/);
    expect(r.skipped[0]!.reason).toContain("metrics.diagnoses");
    // Not stuck in "closing".
    expect((await collections.periods(GZ).doc("2025-Q3").get()).data()).toMatchObject({ state: "closed" });
    const run = (await collections.jobRuns(GZ).doc("periodClose_2025-Q3").get()).data()!;
    expect(run).toMatchObject({ state: "done", processed: 2, errors: [{ item: reportPath("gz-u03", "2025-Q3"), message: r.skipped[0]!.reason }] });

    // Recorded for staff: job, path, reason, first and last seen; one audit entry.
    const recorded = await problems();
    expect(recorded).toHaveLength(1);
    expect(recorded[0]).toMatchObject({ id: jobProblemId("periodClose", reportPath("gz-u03", "2025-Q3")), job: "periodClose", path: reportPath("gz-u03", "2025-Q3"), reason: r.skipped[0]!.reason });
    expect([recorded[0]!.firstSeenAt.toDate(), recorded[0]!.lastSeenAt.toDate()]).toEqual([NOW, NOW]);
    const audit = await auditOf(GZ, "job.documentUnreadable");
    expect(audit).toEqual([expect.objectContaining({ id: `jobProblem-${recorded[0]!.id}`, entity: reportPath("gz-u03", "2025-Q3"), clause: "GZ-3.4.1", actor: { uid: "system", role: "system", name: "periodClose" } })]);
    expect(audit[0]!.note).toContain("期次关账无法读取该文档，已跳过并记录");

    // The other units were decided; nothing was decided for the unit whose facts could not be read.
    const closedUnits = (await auditOf(GZ, "period.unitClosed")).map((a) => a.id).sort();
    expect(closedUnits).toEqual(["periodClose-2025-Q3-gz-u01", "periodClose-2025-Q3-gz-u02"]);
    const proposals = (await collections.proceedings(GZ).get()).docs.map((d) => d.id);
    expect(proposals).toContain("auto_criticism_GZ-4.4a.2_unit-gz-u02_2025-Q3");
    expect(proposals.filter((id) => id.includes("gz-u03"))).toEqual([]);
  });

  it("issue 16.1: interrupted after the batch that met the unreadable report, resumed and run again, the problem is recorded once and the last run changes nothing", async () => {
    await collections.periods(GZ).doc("2025-Q3").set(newPeriod("2025-Q3", guangzhou, calendar));
    await raw(reportPath("gz-u02", "2025-Q3"), junkDraft("gz-u02", "2025-Q3"));
    await settledDocuments();
    const first = await closeDuePeriods(productionDeps(), { asOf: "2025-11-05", now: NOW, programmeIds: [GZ], batchSize: 2, maxBatches: 1 });
    expect(first).toMatchObject({ stoppedEarly: true, skipped: [{ path: reportPath("gz-u02", "2025-Q3") }] });
    expect((await collections.periods(GZ).doc("2025-Q3").get()).data()!.state).toBe("closing");
    const resumed = await closeDuePeriods(productionDeps(), { asOf: "2025-11-05", now: NOW, programmeIds: [GZ], batchSize: 2 });
    expect(resumed).toMatchObject({ stoppedEarly: false, runs: [{ state: "done", processed: 1 }], skipped: [] });
    expect((await collections.periods(GZ).doc("2025-Q3").get()).data()!.state).toBe("closed");
    // Only what the period close writes: on a busy machine a report trigger of an earlier write
    // (onReportCreated's audit entry or its own problem record) may still land meanwhile.
    const closeDocs = async () => (await allDocuments()).filter((d) => !d.includes("/audit/evt-") && !d.includes("/jobProblems/onReportCreated~"));
    const once = await closeDocs();
    const again = await closeDuePeriods(productionDeps(), { asOf: "2025-11-06", programmeIds: [GZ], batchSize: 2 });
    expect(again).toEqual({ runs: [], waiting: [], stoppedEarly: false, skipped: [] });
    expect(await closeDocs()).toEqual(once);
    expect((await problems()).filter((p) => p.job === "periodClose")).toHaveLength(1);
    expect((await auditOf(GZ, "job.documentUnreadable")).filter((a) => a.actor.name === "periodClose")).toHaveLength(1);
  });

  it("issue 16.1: an unreadable unit, another period's failed evaluation, ranking summary and period are worked around: the readable units are decided, the other period is recorded and this one closes", async () => {
    await addUnits(GZ, ["gz-u04"], 20);
    await collections.periods(GZ).doc("2025-Q3").set(newPeriod("2025-Q3", guangzhou, calendar));
    await raw(`programmes/${GZ}/periods/2025-Q2`, { id: "2025-Q2", cadence: "quarterly", state: "open", reportDeadline: "七月中旬" });
    await raw(`programmes/${GZ}/units/gz-u03`, { name: "状态不明的单位", status: "悬空", listedOn: "2025-01-15" });
    await raw(`programmes/${GZ}/evaluations/gz-u02_2025-Q1`, { unitId: "gz-u02", periodId: "2025-Q1", passed: false, total: "五十" });
    await raw(`programmes/${GZ}/rankings/2025-Q3`, { periodId: "2025-Q3", counts: { 八十: -1 } });
    await collections.evaluations(GZ).doc("gz-u01_2025-Q3").set({ unitId: "gz-u01", periodId: "2025-Q3", state: "approved", dimensions: [], judged: [], total: 80, band: "良好", passed: true, participated: true, missingJudged: [] });

    const r = await closeDuePeriods(productionDeps(), { asOf: "2025-11-05", now: NOW, programmeIds: [GZ] });
    expect(r.runs.map((x) => [x.periodId, x.state, x.processed])).toEqual([["2025-Q3", "done", 2]]);
    const expected = [`programmes/${GZ}/evaluations/gz-u02_2025-Q1`, `programmes/${GZ}/periods/2025-Q2`, `programmes/${GZ}/rankings/2025-Q3`, `programmes/${GZ}/units/gz-u03`];
    expect(r.skipped.map((s) => s.path).sort()).toEqual(expected);
    expect((await problems()).map((p) => p.path).sort()).toEqual(expected);
    expect((await collections.periods(GZ).doc("2025-Q3").get()).data()!.state).toBe("closed");
    // gz-u01 and gz-u04 were decided; no rank is frozen on an unknown ranking.
    expect((await auditOf(GZ, "period.unitClosed")).map((a) => a.id).sort()).toEqual(["periodClose-2025-Q3-gz-u01", "periodClose-2025-Q3-gz-u04"]);
    expect((await collections.evaluations(GZ).doc("gz-u01_2025-Q3").get()).data()!.rank).toBeUndefined();
    // The unreadable period is left as it was.
    expect((await admin().db.doc(`programmes/${GZ}/periods/2025-Q2`).get()).data()).toMatchObject({ state: "open", reportDeadline: "七月中旬" });
  });

  it("issue 16.1 (GZ-3.4.1, GZ-4.3b): the deadline sweep skips an unreadable unit and criticism, reminds the other units and marks the day done; the next day meets the same problems without a second record", async () => {
    await collections.periods(GZ).doc("2025-Q3").set(newPeriod("2025-Q3", guangzhou, calendar));
    await raw(`programmes/${GZ}/units/gz-u03`, { name: "状态不明的单位", status: "悬空", listedOn: "2025-01-15" });
    await raw(`programmes/${GZ}/proceedings/crit-bad`, { kind: "criticism", state: "issued", unitId: "gz-u01", nextDeadlineOn: "2025-10-01" });

    const r = (await sweepDeadlines(productionDeps(), { asOf: "2025-10-14", programmeIds: [GZ] }))[0]!;
    expect(r.reminders).toBe(2);
    const expected = [`programmes/${GZ}/proceedings/crit-bad`, `programmes/${GZ}/units/gz-u03`];
    expect(r.errors.map((e) => e.item).sort()).toEqual(expected);
    expect((await collections.jobRuns(GZ).doc("deadlineSweep_2025-10-14").get()).data()).toMatchObject({ state: "done" });
    expect((await collections.notifications(GZ).where("kind", "==", "reportReminder").get()).docs.map((d) => d.data().toUnitId).sort()).toEqual(["gz-u01", "gz-u02"]);
    expect((await problems()).map((p) => [p.job, p.path]).sort()).toEqual(expected.map((p) => ["deadlineSweep", p]));

    const next = (await sweepDeadlines(productionDeps(), { asOf: "2025-10-20", programmeIds: [GZ] }))[0]!;
    expect(next.reminders).toBe(2);
    const recorded = await problems();
    expect(recorded).toHaveLength(2);
    for (const p of recorded) expect([p.firstSeenAt.toDate(), p.lastSeenAt.toDate()]).toEqual([dayStart("2025-10-14"), dayStart("2025-10-20")]);
    expect(await auditOf(GZ, "job.documentUnreadable")).toHaveLength(2);
  });

  it("issue 16.1 (GZ-4.6.3): the notice cycle skips a notice it cannot read and one whose change it cannot read, opens the others; replayed nothing changes, later only lastSeenAt moves", async () => {
    await raw(`programmes/${GZ}/notices/notice-bad`, { state: "open", title: "日期残缺的公示", startsOn: "2025-05-20", endsOn: "下周一", items: [] });
    const notice = (changeId: string) => ({ title: `公示 ${changeId}`, items: [{ changeId, unitName: "穗链智造科技（演示）有限公司", summary: "新增合作伙伴" }], startsOn: "2025-06-02", endsOn: "2025-06-06", length: 5, unit: "workingDays" as const, state: "scheduled" as const, clause: "GZ-4.6.3", nextDeadlineOn: "2025-06-02" });
    await collections.notices(GZ).doc("notice-x").set(notice("change-bad"));
    await raw(`programmes/${GZ}/changes/change-bad`, { unitId: "gz-u01", type: "partnerAdd", state: "approved", payload: "一段文字" });
    await collections.changes(GZ).doc("change-ok").set({ unitId: "gz-u01", type: "partnerAdd", state: "approved", payload: { type: "partnerAdd", name: "新伙伴（演示）有限公司", uscc: makeUscc(501) }, documents: [], submittedOn: "2025-05-20", clause: "GZ-4.6.2" });
    await collections.notices(GZ).doc("notice-ok").set(notice("change-ok"));

    const T = new Date("2025-06-02T00:15:00+08:00");
    const outcomes = await runNoticeCycle(depsAt(T), { programmeId: GZ, asOf: "2025-06-02" });
    expect(outcomes.map((o) => [o.noticeId, o.outcome])).toEqual([["notice-bad", "skipped"], ["notice-ok", "opened"], ["notice-x", "skipped"]]);
    expect(outcomes[2]).toMatchObject({ code: "STORED_DOCUMENT_INVALID", message: expect.stringContaining(`programmes/${GZ}/changes/change-bad`) });
    expect((await collections.notices(GZ).doc("notice-ok").get()).data()!.state).toBe("open");
    expect((await collections.notices(GZ).doc("notice-x").get()).data()!.state).toBe("scheduled");
    expect((await problems()).map((p) => p.path).sort()).toEqual([`programmes/${GZ}/changes/change-bad`, `programmes/${GZ}/notices/notice-bad`]);

    const once = await settledDocuments();
    await runNoticeCycle(depsAt(T), { programmeId: GZ, asOf: "2025-06-02" });
    expect(await allDocuments()).toEqual(once);

    const later = new Date("2025-06-03T00:15:00+08:00");
    await runNoticeCycle(depsAt(later), { programmeId: GZ, asOf: "2025-06-03" });
    const recorded = await problems();
    expect(recorded).toHaveLength(2);
    for (const p of recorded) expect([p.firstSeenAt.toDate(), p.lastSeenAt.toDate()]).toEqual([T, later]);
    expect(await auditOf(GZ, "job.documentUnreadable")).toHaveLength(2);
  });

  it("issue 16.1 (GZ-3.4.1): a submitted report that cannot be read is recorded by the report trigger and scores nothing; a redelivered event changes nothing", async () => {
    await collections.periods(GZ).doc("2025-Q3").set(newPeriod("2025-Q3", guangzhou, calendar));
    const bad = { ...junkDraft("gz-u01", "2025-Q3"), state: "submitted", updatedAt: new Date("2025-10-15T10:00:00+08:00") };
    await raw(reportPath("gz-u01", "2025-Q3"), bad);
    const id = jobProblemId("onReportWritten", reportPath("gz-u01", "2025-Q3"));
    const recorded = await eventually(async () => (await collections.jobProblems(GZ).doc(id).get()).data(), "the trigger's problem record");
    expect(recorded).toMatchObject({ job: "onReportWritten", path: reportPath("gz-u01", "2025-Q3"), reason: expect.stringContaining("metrics.diagnoses") });
    await settledDocuments();
    expect((await collections.evaluations(GZ).get()).size).toBe(0);
    expect((await collections.rankings(GZ).get()).size).toBe(0);
    expect((await admin().db.doc(reportPath("gz-u01", "2025-Q3")).get()).data()).toMatchObject({ state: "submitted", metrics: { diagnoses: "很多" } });

    // The same event delivered twice (as the platform may): recorded once, then a replay.
    const write = { eventId: "bad-report-event", eventTime: new Date("2025-10-15T10:00:01+08:00"), programmeId: GZ, reportId: "gz-u01_2025-Q3", before: { state: "draft" }, after: bad };
    expect(await receiveReportSubmission(productionDeps(), write)).toBe("unreadable");
    const once = await allDocuments();
    expect(await receiveReportSubmission(productionDeps(), write)).toBe("replayed");
    expect(await allDocuments()).toEqual(once);
    expect(await problems()).toHaveLength(1);
    expect(await auditOf(GZ, "job.documentUnreadable")).toHaveLength(1);
  });
});

describe("issue 16.2: reports only for a period that exists and is open", () => {
  beforeEach(fresh);
  // Issue 14 item 10: what each job recorded cites its own programme's regulation.
  afterEach(async () => expect((await auditClauseOffenders()).offenders).toEqual([]));

  it("issue 16.2 (GZ-3.4.1, DG-9.1): admin-written submissions for a missing quarter, an annual id in Guangzhou, a quarter in Dongguan, a closing and a closed quarter are refused: back to draft with the reason, the unit told, audited; no evaluation, no ranking summary", async () => {
    const closed = { ...newPeriod("2025-Q3", guangzhou, calendar), state: "closed" as const, closedAt: new Date() };
    await collections.periods(GZ).doc("2025-Q3").set(closed);
    await collections.periods(GZ).doc("2025-Q4").set({ ...newPeriod("2025-Q4", guangzhou, calendar), state: "closing" });
    const submitted = (unitId: string, periodId: string) => ({ unitId, periodId, state: "submitted", metrics: { enterprisesTransformed: 3 }, updatedBy: `member-${unitId}`, updatedAt: new Date() });
    const cases: [string, string, string, string][] = [
      [GZ, "gz-u01", "2027-Q1", "本专项没有该期次，不能报送该期报告：2027-Q1"],
      [GZ, "gz-u02", "2026", "期次与本专项的报送周期不符，不能报送该期报告：本专项按季度报送（期次如 2026-Q1），2026 是年度期次"],
      [DG, "dg-u01", "2026-Q4", "期次与本专项的报送周期不符，不能报送该期报告：本专项按年度报送（期次如 2026），2026-Q4 是季度期次"],
      [GZ, "gz-u01", "2025-Q4", "该期正在关账，不能再提交报告"],
      [GZ, "gz-u02", "2025-Q3", "该期已关账，不能再提交报告"],
    ];
    for (const [p, unitId, periodId] of cases) await raw(reportPath(unitId, periodId, p), submitted(unitId, periodId));
    for (const [p, unitId, periodId, message] of cases) {
      const report = await eventually(async () => {
        const r = (await collections.reports(p).doc(`${unitId}_${periodId}`).get()).data();
        return r?.lastRefusal ? r : undefined;
      }, `the refusal of ${unitId}_${periodId}`);
      expect(report).toMatchObject({ state: "draft", lastRefusal: message });
      const notes = (await collections.notifications(p).where("kind", "==", "reportRefused").get()).docs.map((d) => d.data()).filter((n) => n.title.startsWith(periodWord(periodId)));
      expect(notes).toEqual([expect.objectContaining({ toUnitId: unitId, body: message })]);
    }
    await settledDocuments();
    const refusals = [...(await auditOf(GZ, "report.submissionRefused")), ...(await auditOf(DG, "report.submissionRefused"))];
    expect(refusals.map((a) => a.clause).sort()).toEqual(["DG-9.1", "GZ-3.4.1", "GZ-3.4.1", "GZ-3.4.1", "GZ-3.4.1"]);
    for (const p of [GZ, DG]) {
      expect((await collections.evaluations(p).get()).size).toBe(0);
      expect((await collections.rankings(p).get()).size).toBe(0);
    }
  });

  it("issue 16.2: a draft an admin wrote for a period that does not exist carries the reason and its unit is told once; a redelivered creation event changes nothing", async () => {
    await raw(reportPath("gz-u01", "2027-Q2"), { unitId: "gz-u01", periodId: "2027-Q2", state: "draft", metrics: {}, updatedBy: "member-gz-01", updatedAt: new Date() });
    const report = await eventually(async () => {
      const r = (await collections.reports(GZ).doc("gz-u01_2027-Q2").get()).data();
      return r?.lastRefusal ? r : undefined;
    }, "the draft marked refused");
    expect(report).toMatchObject({ state: "draft", lastRefusal: "本专项没有该期次，不能报送该期报告：2027-Q2" });
    await settledDocuments();
    const creation = { eventId: "created-for-missing-period", eventTime: new Date(), programmeId: GZ, path: reportPath("gz-u01", "2027-Q2"), data: { unitId: "gz-u01", periodId: "2027-Q2", state: "draft", updatedBy: "member-gz-01" } };
    expect(await recordReportCreated(productionDeps(), creation)).toBe(true);
    const once = await allDocuments();
    expect(await recordReportCreated(productionDeps(), creation)).toBe(false);
    expect(await allDocuments()).toEqual(once);
    // Marked and notified once (the emulator's delivery), audited with the clause; each creation event noted.
    expect((await collections.notifications(GZ).where("kind", "==", "reportRefused").get()).size).toBe(1);
    expect((await auditOf(GZ, "report.refused")).map((a) => [a.entity, a.clause])).toEqual([[reportPath("gz-u01", "2027-Q2"), "GZ-3.4.1"]]);
    const created = await auditOf(GZ, "report.created");
    expect(created).toHaveLength(2);
    for (const a of created) expect(a.note).toBe("该报告所属期次不可报送：本专项没有该期次，不能报送该期报告：2027-Q2");
  });
});

describe("issue 16.3: manual job runs", () => {
  beforeEach(fresh);
  // Issue 14 item 10: what each job recorded cites its own programme's regulation.
  afterEach(async () => expect((await auditClauseOffenders()).offenders).toEqual([]));
  afterAll(closeClients);
  const today = () => shanghaiDate(new Date());

  async function reviewer() {
    const { auth } = admin();
    await auth.deleteUser("staff-gz-reviewer").catch(() => undefined);
    await auth.createUser({ uid: "staff-gz-reviewer", email: "reviewer.gz@example.com", password: DEMO_PASSWORD, displayName: "广州审核人员" });
    await auth.setCustomUserClaims("staff-gz-reviewer", { staff: { [GZ]: "reviewer" } });
    return signedInClient("reviewer.gz@example.com", DEMO_PASSWORD);
  }
  /** Something for every job to do: two due quarters, an overdue rectification, a notice due to open. */
  async function work() {
    for (const id of ["2025-Q3", "2025-Q4"]) await collections.periods(GZ).doc(id).set(newPeriod(id, guangzhou, calendar));
    await collections.reports(GZ).doc("gz-u01_2025-Q3").set(reportOf("gz-u01", "2025-Q3", "accepted", { submittedOn: "2025-10-15" }));
    await collections.proceedings(GZ).doc("crit-1").set({ kind: "criticism", state: "issued", unitId: "gz-u01", ground: "GZ-4.4a.2", evidence: [], automatic: false, openedOn: "2026-02-06", openedBy: { uid: "staff-gz", role: "staff" }, extensions: [], rectificationDeadline: "2026-03-12", nextDeadlineOn: "2026-03-12" });
    await collections.changes(GZ).doc("change-ok").set({ unitId: "gz-u01", type: "partnerAdd", state: "approved", payload: { type: "partnerAdd", name: "新伙伴（演示）有限公司", uscc: makeUscc(502) }, documents: [], submittedOn: "2025-05-20", clause: "GZ-4.6.2" });
    const startsOn = addDays(today(), -1);
    await collections.notices(GZ).doc("notice-due").set({ title: "待开始的公示", items: [{ changeId: "change-ok", unitName: "穗链智造科技（演示）有限公司", summary: "新增合作伙伴" }], startsOn, endsOn: addDays(today(), 6), length: 5, unit: "workingDays", state: "scheduled", clause: "GZ-4.6.3", nextDeadlineOn: startsOn });
  }

  it("issue 16.3: a run as of a day after today in Asia/Shanghai is refused by all three callables, naming 执行日期, and writes nothing", async () => {
    await work();
    const staff = await signedInClient(account("staff-gz").email, DEMO_PASSWORD);
    const before = await settledDocuments();
    const tomorrow = addDays(today(), 1);
    for (const name of ["runPeriodClose", "runDeadlineSweep", "runNoticeCycle"]) {
      for (const dryRun of [false, true]) {
        await expect(staff.call(name, { programmeId: GZ, asOf: tomorrow, dryRun })).rejects.toMatchObject({ code: "functions/invalid-argument", message: `asOf：执行日期不能晚于今天（北京时间）：所填为 ${tomorrow}，今天是 ${today()}` });
      }
    }
    expect(await allDocuments()).toEqual(before);
  });

  it("issue 16.3: a reviewer may not run jobs (permission-denied, in Chinese) and writes nothing; the programme's administrator may", async () => {
    await work();
    const r = await reviewer();
    const before = await settledDocuments();
    for (const name of ["runPeriodClose", "runDeadlineSweep", "runNoticeCycle"]) {
      for (const dryRun of [false, true]) {
        await expect(r.call(name, { programmeId: GZ, dryRun })).rejects.toMatchObject({ code: "functions/permission-denied", message: "只有本专项的管理员可以执行此操作。" });
      }
    }
    expect(await allDocuments()).toEqual(before);
    const staff = await signedInClient(account("staff-gz").email, DEMO_PASSWORD);
    await expect(staff.call("runDeadlineSweep", { programmeId: GZ })).resolves.toMatchObject({ dryRun: false, asOf: today(), overdue: 1 });
    const runs = await auditOf(GZ, "job.runManually");
    expect(runs).toEqual([expect.objectContaining({ actor: expect.objectContaining({ uid: "staff-gz", role: "staff" }), after: { job: "deadlineSweep", asOf: today() }, clause: "GZ-3.4.1" })]);
  });

  it("issue 16.3: dry runs of the period close, the deadline sweep and the notice cycle answer what a run would do and write nothing; the runs then do exactly that", async () => {
    await work();
    const staff = await signedInClient(account("staff-gz").email, DEMO_PASSWORD);
    const before = await settledDocuments();
    type Close = { dryRun: boolean; periods: { periodId: string; units: number; candidates: { proceedingId: string }[] }[]; runs: { periodId: string; state: string }[] };
    type Sweep = { dryRun: boolean; overdue: unknown; reminders: unknown; candidates: unknown };
    type Cycle = { dryRun: boolean; outcomes: { noticeId: string; outcome: string }[] };
    const close = await staff.call<Close>("runPeriodClose", { programmeId: GZ, dryRun: true });
    const sweep = await staff.call<Sweep>("runDeadlineSweep", { programmeId: GZ, dryRun: true });
    const cycle = await staff.call<Cycle>("runNoticeCycle", { programmeId: GZ, dryRun: true });
    expect(await allDocuments()).toEqual(before);

    expect(close.dryRun).toBe(true);
    expect(close.periods.map((p) => [p.periodId, p.units])).toEqual([["2025-Q3", 2], ["2025-Q4", 2]]);
    const wouldPropose = close.periods.flatMap((p) => p.candidates.map((c) => c.proceedingId)).sort();
    expect(wouldPropose).toContain("auto_criticism_GZ-4.4a.2_unit-gz-u02_2025-Q3");
    expect(sweep).toMatchObject({ dryRun: true, overdue: ["crit-1"] });
    expect(cycle).toMatchObject({ dryRun: true, outcomes: [{ noticeId: "notice-due", outcome: "opened" }] });

    // The sweep first: the close clears the periods' reminder days.
    const sweptFor = await staff.call<Sweep>("runDeadlineSweep", { programmeId: GZ });
    expect(sweptFor).toMatchObject({ dryRun: false, overdue: 1 });
    expect((await collections.proceedings(GZ).doc("crit-1").get()).data()!.state).toBe("overdue");
    expect((await collections.notifications(GZ).where("kind", "==", "reportReminder").get()).docs.map((d) => ({ periodId: d.id.split("_")[1], unitId: d.data().toUnitId }))).toEqual(sweep.reminders);
    const stepped = await staff.call<Cycle>("runNoticeCycle", { programmeId: GZ });
    expect(stepped.outcomes.map((o) => [o.noticeId, o.outcome])).toEqual(cycle.outcomes.map((o) => [o.noticeId, o.outcome]));
    expect((await collections.notices(GZ).doc("notice-due").get()).data()!.state).toBe("open");
    const closed = await staff.call<Close>("runPeriodClose", { programmeId: GZ });
    expect(closed.runs.map((r) => [r.periodId, r.state])).toEqual([["2025-Q3", "done"], ["2025-Q4", "done"]]);
    const proposed = (await collections.proceedings(GZ).get()).docs.map((d) => d.id).filter((id) => id.startsWith("auto_")).sort();
    expect(proposed).toEqual(wouldPropose);
  });

  it("issue 16.3: runPeriodClose honours periodId — only the named period closes; closing it again, an unknown period and one not yet due are refused in Chinese", async () => {
    await work();
    await collections.periods(GZ).doc("2026-Q4").set({ id: "2026-Q4", cadence: "quarterly", start: "2026-10-01", end: "2026-12-31", reportDeadline: addDays(today(), 30), state: "open" });
    const staff = await signedInClient(account("staff-gz").email, DEMO_PASSWORD);
    const plan = await staff.call<{ periods: { periodId: string }[] }>("runPeriodClose", { programmeId: GZ, periodId: "2025-Q4", dryRun: true });
    expect(plan.periods.map((p) => p.periodId)).toEqual(["2025-Q4"]);
    const r = await staff.call<{ runs: { periodId: string; state: string }[] }>("runPeriodClose", { programmeId: GZ, periodId: "2025-Q4" });
    expect(r.runs.map((x) => [x.periodId, x.state])).toEqual([["2025-Q4", "done"]]);
    expect((await collections.periods(GZ).doc("2025-Q3").get()).data()!.state).toBe("open");
    expect((await collections.periods(GZ).doc("2025-Q4").get()).data()!.state).toBe("closed");
    expect((await auditOf(GZ, "job.runManually")).map((a) => a.after)).toEqual([{ job: "periodClose", asOf: today(), periodId: "2025-Q4" }]);

    const before = await allDocuments();
    await expect(staff.call("runPeriodClose", { programmeId: GZ, periodId: "2025-Q4" })).rejects.toMatchObject({ code: "functions/failed-precondition", message: "periodId：该期已关账，不能再次关账：2025-Q4" });
    await expect(staff.call("runPeriodClose", { programmeId: GZ, periodId: "2024-Q1" })).rejects.toMatchObject({ code: "functions/not-found", message: "periodId：本专项没有该期次：2024-Q1" });
    await expect(staff.call("runPeriodClose", { programmeId: GZ, periodId: "2026-Q4", dryRun: true })).rejects.toMatchObject({ code: "functions/failed-precondition", message: expect.stringContaining("periodId：该期评价截止日尚未过，还不能关账：2026年第四季度的评价截止日为") });
    await expect(staff.call("runPeriodClose", { programmeId: GZ, periodId: "2026年第四季度" })).rejects.toMatchObject({ code: "functions/invalid-argument", message: expect.stringContaining("periodId：") });
    expect(await allDocuments()).toEqual(before);
  });
});
