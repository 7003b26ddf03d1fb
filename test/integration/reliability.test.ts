// Faults lose nothing: trigger events delivered twice leave the same stored state and audit log
// as one clean delivery, and 200 reports submitted at once by 50 units through real client
// writes and the real trigger are each scored exactly once, with a ranking summary that agrees
// with the final scores. (Period close interrupted and resumed, the notice cycle run twice and
// two staff deciding at once are proved in periodJobs, changesAndNotices, evaluationCycle and
// proceedings.)
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeCalendar } from "../../functions/src/domain/calendar.js";
import { guangzhou } from "../../functions/src/domain/policy/index.js";
import { summarise } from "../../functions/src/domain/ranking.js";
import { newPeriod } from "../../functions/src/domain/reportSchedule.js";
import { collections } from "../../functions/src/store/collections.js";
import { recordReportCreated } from "../../functions/src/usecases/recordReportCreated.js";
import { receiveReportSubmission } from "../../functions/src/usecases/receiveReportSubmission.js";
import { productionDeps } from "../../functions/src/usecases/deps.js";
import { BENCH_PASSWORD, createMembers, openPeriods, reportMetrics, setTriggers } from "../../scripts/bench/fixtures.js";
import { DEMO_CALENDAR_OVERRIDES, generateProgramme } from "../../scripts/demo/generate.js";
import { seedDemo } from "../../scripts/demo/seed.js";
import { writeProgramme } from "../../scripts/demo/writeProgramme.js";
import { admin, clearFirestore, closeClients, eventually, signedInClient } from "../support/emulators.js";
import { doc, serverTimestamp, setDoc } from "firebase/firestore";

const P = "gz-2025";
const PERIOD = "2026-Q4";
const TARGETS = { enterprisesTransformed: 20, diagnoses: 30, level2Share: 0.8, solutions: 5 };
const at = (isoDateTime: string) => new Date(`${isoDateTime}+08:00`);

/** Every audit entry about one unit's report or evaluation, with the unit and event ids taken out. */
async function auditAbout(unitId: string) {
  const entities = [`programmes/${P}/reports/${unitId}_${PERIOD}`, `programmes/${P}/evaluations/${unitId}_${PERIOD}`];
  const docs = (await collections.audit(P).where("entity", "in", entities).get()).docs;
  return docs
    .map((d) => ({ id: d.id.replace(/^.*-(report|evaluation)$/, "$1").replace(/^evt-.*$/, "created"), ...JSON.parse(JSON.stringify(d.data()).replaceAll(unitId, "UNIT")) }))
    .sort((a, b) => (a.id < b.id ? -1 : 1));
}
const stored = async (path: string, unitId: string) => JSON.parse(JSON.stringify((await admin().db.doc(path).get()).data() ?? null).replaceAll(unitId, "UNIT"));

describe("replays: every trigger delivered twice equals one clean delivery", () => {
  beforeAll(async () => {
    await clearFirestore();
    await seedDemo(admin());
    // The handlers are called here with chosen event ids; the emulator's own deliveries of the
    // same writes would be a third, uncontrolled delivery.
    await setTriggers(false);
    await collections.periods(P).doc(PERIOD).set(newPeriod(PERIOD, guangzhou, makeCalendar(DEMO_CALENDAR_OVERRIDES)));
    for (const unitId of ["gz-u01", "gz-u02"]) await collections.taskBooks(P).doc(`${unitId}_2026`).set({ unitId, year: 2026, targets: TARGETS, otherTargets: [], signedOn: "2026-01-20" });
  });
  afterAll(async () => {
    await setTriggers(true);
  });

  it("GZ-3.4.1: onReportWritten delivered twice in a row and twice at once stores what one delivery stores (report, evaluation, ranking summary, audit)", async () => {
    const report = (unitId: string) => ({ unitId, periodId: PERIOD, state: "submitted", metrics: { enterprisesTransformed: 14, diagnoses: 25, level2Share: 0.7, solutions: 4 }, updatedBy: `member-${unitId}`, updatedAt: at("2026-11-20T10:00:00") });
    const deliver = (unitId: string, eventId: string) => receiveReportSubmission(productionDeps(), { eventId, eventTime: at("2026-11-20T10:00:01"), programmeId: P, reportId: `${unitId}_${PERIOD}`, before: { state: "draft" }, after: report(unitId) });
    for (const unitId of ["gz-u01", "gz-u02"]) await admin().db.doc(`programmes/${P}/reports/${unitId}_${PERIOD}`).set(report(unitId));

    expect(await deliver("gz-u01", "clean-event")).toBe("evaluated");
    // Redelivered at once (two instances pick up the same event) and then once more later.
    const together = await Promise.all([deliver("gz-u02", "replayed-event"), deliver("gz-u02", "replayed-event")]);
    expect(together.sort()).toEqual(["evaluated", "replayed"]);
    expect(await deliver("gz-u02", "replayed-event")).toBe("replayed");

    for (const kind of ["reports", "evaluations"]) {
      expect(await stored(`programmes/${P}/${kind}/gz-u02_${PERIOD}`, "gz-u02")).toEqual(await stored(`programmes/${P}/${kind}/gz-u01_${PERIOD}`, "gz-u01"));
    }
    const clean = await auditAbout("gz-u01");
    expect(clean.map((e) => e.action)).toEqual(["evaluation.computed", "report.submitted"]);
    expect(await auditAbout("gz-u02")).toEqual(clean);
    // Both units counted once each in the period's summary, at their (equal) totals.
    const total = (await collections.evaluations(P).doc(`gz-u01_${PERIOD}`).get()).data()!.total;
    expect((await collections.rankings(P).doc(PERIOD).get()).data()!.counts).toEqual(summarise([{ unitId: "gz-u01", total }, { unitId: "gz-u02", total }]));
    expect((await admin().db.collection("processedEvents").get()).docs.map((d) => d.id).sort()).toEqual(["clean-event", "replayed-event"]);
  });

  it("GZ-2.1: onReportCreated delivered twice (in a row and at once) records the draft once, as one delivery does", async () => {
    const create = (unitId: string, eventId: string) =>
      recordReportCreated(productionDeps(), { eventId, eventTime: at("2026-11-21T09:00:00"), programmeId: P, path: `programmes/${P}/reports/${unitId}_2026-Q3`, data: { unitId, periodId: "2026-Q3", state: "draft", updatedBy: `member-${unitId}` } });
    expect(await create("gz-u01", "created-clean")).toBe(true);
    expect((await Promise.all([create("gz-u02", "created-twice"), create("gz-u02", "created-twice")])).sort()).toEqual([false, true]);
    expect(await create("gz-u02", "created-twice")).toBe(false);
    const entries = async (unitId: string) => (await collections.audit(P).where("entity", "==", `programmes/${P}/reports/${unitId}_2026-Q3`).get()).docs.map((d) => JSON.parse(JSON.stringify(d.data()).replaceAll(unitId, "UNIT")));
    const clean = await entries("gz-u01");
    expect(clean).toHaveLength(1);
    expect(await entries("gz-u02")).toEqual(clean);
  });
});

describe("concurrency: 200 reports submitted at once across 50 units", () => {
  const C = "cc-2026";
  const PERIODS = ["2025-Q3", "2025-Q4", "2026-Q1", "2026-Q2"] as const;
  let unitIds: string[] = [];

  beforeAll(async () => {
    await clearFirestore();
    await seedDemo(admin());
    await setTriggers(false);
    const g = generateProgramme({ id: C, name: "并发测试专项（演示）", city: "广州", packId: "guangzhou", units: 50, partnersPerUnit: 0, enterprisesPerUnit: 0, closedPeriods: [], openPeriod: "2026-Q4", usccBase: 700_000 });
    await writeProgramme(admin().db, g);
    unitIds = Object.keys(g.units);
    await openPeriods(admin().db, C, [...PERIODS], unitIds);
    await setTriggers(true);
  }, 120_000);
  afterAll(closeClients);

  it("GZ-3.4.1: every one of 200 simultaneous client submissions is scored exactly once, and each period's ranking summary equals the final scores", async () => {
    const members = await createMembers(admin().auth, C, unitIds);
    const clients = await Promise.all(members.map(async (m) => ({ unitId: m.unitId, ...(await signedInClient(m.email, BENCH_PASSWORD)) })));
    // 200 client writes (4 periods × 50 units), all in flight together.
    await Promise.all(
      PERIODS.flatMap((periodId, p) =>
        clients.map((c, i) => setDoc(doc(c.db, "programmes", C, "reports", `${c.unitId}_${periodId}`), { unitId: c.unitId, periodId, state: "submitted", metrics: reportMetrics(i * 4 + p), lagExplanation: "并发测试：进度说明", updatedBy: c.uid, updatedAt: serverTimestamp() })),
      ),
    );
    const evaluations = collections.evaluations(C).where("periodId", "in", [...PERIODS]);
    await eventually(async () => ((await evaluations.count().get()).data().count === 200 ? true : undefined), "200 evaluation drafts", 150_000);
    // Let any straggling (duplicate) delivery land before counting.
    await new Promise((r) => setTimeout(r, 1500));

    const evals = (await evaluations.get()).docs.map((d) => ({ id: d.id, ...d.data() }));
    expect(evals).toHaveLength(200);
    expect(new Set(evals.map((e) => e.id)).size).toBe(200);
    const audit = (await collections.audit(C).get()).docs.map((d) => d.data());
    for (const action of ["report.created", "report.submitted", "evaluation.computed"]) {
      const entities = audit.filter((a) => a.action === action).map((a) => a.entity);
      expect(entities, action).toHaveLength(200);
      expect(new Set(entities).size, action).toBe(200);
    }
    const reports = (await collections.reports(C).where("periodId", "in", [...PERIODS]).get()).docs.map((d) => d.data());
    expect(reports.filter((r) => r.state === "submitted" && r.submittedOn)).toHaveLength(200);
    for (const periodId of PERIODS) {
      const inPeriod = evals.filter((e) => e.periodId === periodId);
      expect(inPeriod).toHaveLength(50);
      const summary = (await collections.rankings(C).doc(periodId).get()).data()!;
      expect(summary.counts, periodId).toEqual(summarise(inPeriod));
    }
  }, 240_000);
});
