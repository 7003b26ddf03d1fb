// A third city costs a file: a programme under the test-only pack 示例市（测试用）
// (functions/src/domain/policy/testOnlySample.ts — half-yearly, calendar-day deadlines, no bureau
// meeting, no criticism or awards, SL- clauses) runs report → evaluation → close → ranking through
// the same trigger, callables and jobs as Guangzhou and Dongguan. Reports are written with the
// Admin SDK and an explicit `updatedAt` (the submission clock, as in evaluationCycle.test.ts); the
// rest goes through the callables as staff would. Nothing in the programme may cite GZ- or DG-.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_CALENDAR_OVERRIDES } from "../../scripts/demo/generate.js";
import { makeCalendar } from "../../functions/src/domain/calendar.js";
import { testOnlySample as pack } from "../../functions/src/domain/policy/testOnlySample.js";
import { rank } from "../../functions/src/domain/ranking.js";
import { newPeriod } from "../../functions/src/domain/reportSchedule.js";
import { collections } from "../../functions/src/store/collections.js";
import { admin, clearFirestore, closeClients, eventually, signedInClient } from "../support/emulators.js";
import { reportContent } from "../support/reportRows.js";
import { seedDocument, seedUnit } from "../support/workflowFixtures.js";

const P = "sl-2026";
const NAME = "示例市数字化转型城市试点（测试用）";
const STAFF = { uid: "staff-sl", email: "staff.sl@example.com", password: "test-sl-2026" };
const calendar = makeCalendar(DEMO_CALENDAR_OVERRIDES);
const at = (isoDateTime: string) => new Date(`${isoDateTime}+08:00`);
const UNITS = [
  { id: "sl-u01", name: "示例甲数字科技（测试）有限公司" },
  { id: "sl-u02", name: "示例乙云服务（测试）有限公司" },
  { id: "sl-u03", name: "示例丙智造（测试）有限公司" },
  { id: "sl-u04", name: "示例丁信息（测试）有限公司" },
];

async function submit(unitId: string, metrics: Record<string, number>, when: Date) {
  await admin().db.doc(`programmes/${P}/reports/${unitId}_2026-H1`).set({ unitId, periodId: "2026-H1", state: "submitted", ...(await reportContent(P, unitId, metrics)), updatedBy: `member-${unitId}`, updatedAt: when });
}
const evaluation = (unitId: string) => eventually(async () => (await collections.evaluations(P).doc(`${unitId}_2026-H1`).get()).data(), `evaluation ${unitId}`);
const auditOf = async (entity: string, action: string) => (await collections.audit(P).where("entity", "==", entity).where("action", "==", action).get()).docs.map((d) => d.data());
const staff = () => signedInClient(STAFF.email, STAFF.password);

async function seedProgramme() {
  const { auth } = admin();
  await collections.programmes().doc(P).set({ name: NAME, city: pack.city, packId: pack.id, startsOn: "2026-01-01", endsOn: null, calendarOverrides: DEMO_CALENDAR_OVERRIDES, createdAt: at("2026-01-01T00:00:00") });
  for (const [i, u] of UNITS.entries()) {
    await seedUnit(P, u.id, 60 + i, u.name);
    await collections.taskBooks(P).doc(`${u.id}_2026`).set({ unitId: u.id, year: 2026, targets: { enterprisesTransformed: 20, diagnoses: 10 }, otherTargets: [], signedOn: "2026-02-01" });
  }
  // sl-u03 already failed 2025-H2: a second failure reaches SL-6.3's threshold of two.
  await collections.evaluations(P).doc("sl-u03_2025-H2").set({ unitId: "sl-u03", periodId: "2025-H2", state: "approved", dimensions: [], judged: [], total: 41, band: "不合格", passed: false, participated: true, missingJudged: [] });
  for (const id of ["2026-H1", "2026-H2"]) await collections.periods(P).doc(id).set(newPeriod(id, pack, calendar));
  await auth.deleteUser(STAFF.uid).catch(() => undefined);
  await auth.createUser({ uid: STAFF.uid, email: STAFF.email, password: STAFF.password, displayName: "示例市工作小组（测试用）" });
  await auth.setCustomUserClaims(STAFF.uid, { staff: { [P]: "admin" } });
}

describe("示例市（测试用）: a third city runs the whole cycle from its pack file", () => {
  beforeAll(async () => {
    await clearFirestore();
    await seedProgramme();
  });
  afterAll(closeClients);

  it("SL-4: half-year periods 2026-H1 and 2026-H2 carry calendar-day deadlines (30 days); H2's ends in 2027, whose rest days are not entered, so it waits rather than guessing", async () => {
    const h1 = (await collections.periods(P).doc("2026-H1").get()).data()!;
    expect(h1).toMatchObject({ id: "2026-H1", cadence: "halfYearly", start: "2026-01-01", end: "2026-06-30", reportDeadline: "2026-07-30", state: "open" });
    // Counted in working days the same 30 would end in August.
    expect(calendar.deadline("2026-06-30", 30, "workingDays") > "2026-08-01").toBe(true);
    // 30 calendar days land on Sat 2027-01-30, which moves to the next working day (Civil Code
    // Art. 203) — a day only the 2027 arrangement can name.
    const h2 = (await collections.periods(P).doc("2026-H2").get()).data()!;
    expect(h2).toMatchObject({ cadence: "halfYearly", end: "2026-12-31", deadlinePendingYear: 2027 });
    expect(h2).not.toHaveProperty("reportDeadline");
  });

  it("SL-4: the deadline sweep, run by staff as of 2026-07-23 (5 working days ahead), reminds every unit of the 2026-07-30 deadline", async () => {
    const s = await staff();
    const r = await s.call<{ reminders: number; errors: unknown[] }>("runDeadlineSweep", { programmeId: P, asOf: "2026-07-23" });
    expect(r).toMatchObject({ reminders: 4, errors: [] });
    const note = (await collections.notifications(P).doc("remind_2026-H1_sl-u01_2026-07-23").get()).data()!;
    expect(note).toMatchObject({ toUnitId: "sl-u01", kind: "reportReminder" });
    expect(note.body).toContain("请于 2026年7月30日（含）前");
    expect(note.body).toContain("至评价截止日 2026年8月13日 仍未报送的，视为未按规定参加绩效评价");
  });

  it("SL-4: reports through the trigger — two on time (one on the deadline day), one on 2026-08-03, late by the calendar-day count; each becomes an evaluation draft (SL-5)", async () => {
    await submit("sl-u01", { enterprisesTransformed: 10, diagnoses: 5 }, at("2026-07-10T10:00:00"));
    await submit("sl-u02", { enterprisesTransformed: 5, diagnoses: 5 }, at("2026-07-30T17:00:00"));
    await submit("sl-u03", { enterprisesTransformed: 2, diagnoses: 1 }, at("2026-08-03T09:00:00"));
    const [e1, e2, e3] = [await evaluation("sl-u01"), await evaluation("sl-u02"), await evaluation("sl-u03")];
    expect([e1.reporting, e2.reporting, e3.reporting]).toEqual(["onTime", "onTime", "late"]);
    expect(e1.dimensions.map((d) => d.label)).toEqual(["服务成效", "履职情况"]);
    expect(e1.dimensions[0]!.explanation).toContain("完成改造企业 10/10（年度目标 20 × 1/2）");
    expect(e1.missingJudged).toEqual(["工作小组履职评议"]);
    expect((await collections.reports(P).doc("sl-u03_2026-H1").get()).data()).toMatchObject({ late: true, submittedOn: "2026-08-03" });
    const [late] = await auditOf(`programmes/${P}/reports/sl-u03_2026-H1`, "report.submitted");
    expect(late).toMatchObject({ clause: "SL-4" });
    expect(late!.note).toContain("逾期（截止日 2026-07-30）");
    expect(await auditOf(`programmes/${P}/evaluations/sl-u01_2026-H1`, "evaluation.computed")).toEqual([expect.objectContaining({ clause: "SL-5", actor: expect.objectContaining({ role: "system" }) })]);
    await eventually(async () => {
      const counts = (await collections.rankings(P).doc("2026-H1").get()).data()?.counts ?? {};
      return Object.values(counts).reduce((a, b) => a + b, 0) === 3 ? true : undefined;
    }, "three evaluations in the 2026-H1 ranking summary");
  });

  it("SL-5.2: staff accept a report, score the judged part and approve; the second failure raises an SL-6.3 clear-out candidate", async () => {
    const s = await staff();
    expect(await s.call("reviewReport", { programmeId: P, reportId: "sl-u01_2026-H1", decision: "accept" })).toMatchObject({ state: "accepted" });
    for (const [unitId, score] of [["sl-u01", 25], ["sl-u02", 20], ["sl-u03", 10]] as const) {
      await s.call("enterJudgedScore", { programmeId: P, evaluationId: `${unitId}_2026-H1`, partId: "dutyReview", score, methods: ["siteVisit"] });
    }
    const approved: Record<string, { passed: boolean; proposed: string[] }> = {};
    for (const u of ["sl-u01", "sl-u02", "sl-u03"]) approved[u] = await s.call("approveEvaluation", { programmeId: P, evaluationId: `${u}_2026-H1` });
    expect(approved["sl-u03"]).toEqual(expect.objectContaining({ passed: false, proposed: ["auto_clearOut_SL-6.3_unit-sl-u03_2026-H1"] }));
    const totals = await Promise.all(["sl-u01", "sl-u02", "sl-u03"].map(async (u) => (await collections.evaluations(P).doc(`${u}_2026-H1`).get()).data()!));
    expect(totals.map((e) => [e.total, e.band, e.state])).toEqual([[95, "优秀", "approved"], [70, "合格", "approved"], [27, "不合格", "approved"]]);
    expect(await auditOf(`programmes/${P}/evaluations/sl-u01_2026-H1`, "evaluation.approved")).toEqual([expect.objectContaining({ clause: "SL-5.2" })]);
  });

  it("SL-5.3: staff close 2026-H1 as of 2026-08-04 — ranks frozen 1-2-3, the lowest listed for interview, the unit that never reported an SL-6.2 candidate; 2026-H2 stays open", async () => {
    const s = await staff();
    const plan = await s.call<{ periods: { periodId: string; candidates: { clause: string }[]; interviews: string[] }[] }>("runPeriodClose", { programmeId: P, asOf: "2026-08-14", periodId: "2026-H1", dryRun: true });
    expect(plan.periods).toEqual([expect.objectContaining({ periodId: "2026-H1", interviews: ["sl-u03"] })]);
    const r = await s.call<{ runs: { periodId: string; state: string; processed: number }[] }>("runPeriodClose", { programmeId: P, asOf: "2026-08-14", periodId: "2026-H1" });
    expect(r.runs).toEqual([expect.objectContaining({ periodId: "2026-H1", state: "done", processed: 4 })]);

    const evaluations = (await collections.evaluations(P).where("periodId", "==", "2026-H1").get()).docs.map((d) => d.data());
    const ranks = Object.fromEntries(evaluations.map((e) => [e.unitId, e.rank]));
    expect(ranks).toEqual({ "sl-u01": 1, "sl-u02": 2, "sl-u03": 3 });
    expect(Object.fromEntries(rank(evaluations).map((e) => [e.unitId, e.rank]))).toEqual(ranks);
    const interview = (await collections.notifications(P).doc("interview_2026-H1_sl-u03").get()).data()!;
    expect(interview).toMatchObject({ kind: "interviewCandidate", toStaff: true });
    expect(interview.body).toContain("牵引单位 示例丙智造（测试）有限公司 在 2026-H1 绩效评价中排名第 3");
    expect(interview.body).toContain("（SL-5.3）");
    expect((await collections.proceedings(P).get()).docs.map((d) => d.id).sort()).toEqual(["auto_clearOut_SL-6.2_unit-sl-u04_2026-H1", "auto_clearOut_SL-6.3_unit-sl-u03_2026-H1"]);
    expect((await collections.periods(P).doc("2026-H1").get()).data()!.state).toBe("closed");
    expect((await collections.periods(P).doc("2026-H2").get()).data()!.state).toBe("open");

    const xlsx = await s.call<{ fileName: string; rows: number }>("exportPeriod", { programmeId: P, periodId: "2026-H1" });
    expect(xlsx).toMatchObject({ fileName: `${NAME}_2026年上半年_绩效评价与排名.xlsx`, rows: 3 });
  });

  it("SL-6: there is no bureau meeting — recording one is refused; the SL-6.2 clear-out takes effect directly and is announced under SL-6.5", async () => {
    const s = await staff();
    const proceedingId = "auto_clearOut_SL-6.2_unit-sl-u04_2026-H1";
    await seedDocument(P, "minutes-1", "meetingMinutes");
    await expect(s.call("recordBureauMeeting", { programmeId: P, proceedingId, heldOn: "2026-08-05", minutesDocumentId: "minutes-1", decision: "confirmed" })).rejects.toMatchObject({
      code: "functions/failed-precondition",
      message: expect.stringContaining("本专项政策未规定局务会审议"),
    });
    expect(await s.call("proceedingEvent", { programmeId: P, proceedingId, event: { type: "takeEffect" } })).toMatchObject({ state: "announced", clause: "SL-6.2" });
    expect((await collections.units(P).doc("sl-u04").get()).data()!.status).toBe("clearedOut");
    const announcements = (await collections.announcements(P).get()).docs.map((d) => d.data());
    expect(announcements).toEqual([expect.objectContaining({ ground: "SL-6.2", unitName: "示例丁信息（测试）有限公司", reason: "未按期参加半年度绩效评价" })]);
    expect(await auditOf(`programmes/${P}/proceedings/${proceedingId}`, "proceeding.announce")).toEqual([expect.objectContaining({ clause: "SL-6.5" })]);
  });

  it("SL-3: the programme's audit trail, notifications, proceedings and announcements cite the pack's own clauses, never GZ- or DG-", async () => {
    const read = async (name: "audit" | "notifications" | "proceedings" | "announcements" | "evaluations" | "reports" | "periods" | "jobRuns") =>
      (await admin().db.collection(`programmes/${P}/${name}`).get()).docs.map((d) => ({ id: d.id, ...d.data() }));
    const [audit, notifications] = [await read("audit"), await read("notifications")];
    const everything = [audit, notifications, await read("proceedings"), await read("announcements"), await read("evaluations"), await read("reports"), await read("periods"), await read("jobRuns")];
    expect(JSON.stringify(everything)).not.toMatch(/\b(GZ|DG)-\d/);
    const clauses = new Set(audit.flatMap((a) => ("clause" in a && typeof a.clause === "string" ? [a.clause] : [])));
    // SL-3 work group (manual job runs), SL-4 report, SL-5 evaluation, SL-5.2 approval, SL-5.3 the final ranking, SL-6.2 / 6.3 grounds, SL-6.5 announcement.
    expect([...clauses].sort()).toEqual(["SL-3", "SL-4", "SL-5", "SL-5.2", "SL-5.3", "SL-6.2", "SL-6.3", "SL-6.5"]);
    // The ranking clause is cited where the interview listing is: in the staff notification and the audit of the final ranking.
    expect(JSON.stringify(notifications)).toContain("SL-5.3");
    expect(audit.length).toBeGreaterThan(15);
  });
});
