// The units' optional duties (GZ-2.2.6–2.2.10, DG-6.5–6.8) on the emulators: the work group adopts
// a settings version whose scoring model includes a duty (GZ-2.2.7 digital workshops and smart
// factories) from a later quarter; a unit's report for that quarter, written through the rules,
// is scored on its count and the task-book completion counts it, and a report without the count
// is incomplete. In a quarter still under the pack's model (no such part) the same count and
// target decide nothing. Dongguan, whose regulation lists no such duty, cannot add it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDays, shanghaiDate } from "../../functions/src/domain/dates.js";
import { nextPeriod, periodBounds, periodOf, proRataFraction } from "../../functions/src/domain/periods.js";
import { dongguan, guangzhou, type ScoringModel } from "../../functions/src/domain/policy/index.js";
import { settingsFromPack, type SettingsValues } from "../../functions/src/domain/settings.js";
import { account, DEMO_PASSWORD } from "../../scripts/demo/accounts.js";
import { seedDemo } from "../../scripts/demo/seed.js";
import { collections } from "../../functions/src/store/collections.js";
import { admin, clearFirestore, closeClients, eventually, signedInClient } from "../support/emulators.js";
import { doc, serverTimestamp, setDoc } from "firebase/firestore";
import { auditClauseOffenders } from "../support/auditClauses.js";

const GZ = "gz-2025";
/** The quarter after the current one (2027-Q1 in December 2026): nobody has been evaluated in it. */
const FROM = nextPeriod(periodOf(shanghaiDate(new Date()), "quarterly"));

/** The pack's model with `metric` in `dimensionId` at `points`, taken from the dimension's first part. */
function withDuty(model: ScoringModel, dimensionId: string, metric: "digitalWorkshops", points: number): ScoringModel {
  return {
    ...model,
    dimensions: model.dimensions.map((d) => (d.id !== dimensionId ? d : { ...d, parts: [...d.parts.map((p, i) => (i === 0 ? { ...p, points: p.points - points } : p)), { kind: "metric" as const, metric, points }] })),
  };
}
const gzWithWorkshops = (): SettingsValues => ({ ...settingsFromPack(guangzhou), scoring: withDuty(guangzhou.scoring, "productsAndSolutions", "digitalWorkshops", 5) });

const evaluation = (id: string) => eventually(async () => (await collections.evaluations(GZ).doc(id).get()).data(), `evaluation ${id}`);
const received = (id: string) =>
  eventually(async () => {
    const r = (await collections.reports(GZ).doc(id).get()).data();
    return r?.submittedOn ? r : undefined;
  }, `report ${id} received`);

/** The unit's task book for `year`, with 8 digital workshops a year among its targets. */
async function bookWithWorkshops(unitId: string, year: number) {
  const targets = { cloudEnterprises: 4, solutions: 4, platforms: 1, typicalCases: 2, digitalWorkshops: 8 };
  await collections.taskBooks(GZ).doc(`${unitId}_${year}`).set({ unitId, year, targets, otherTargets: [], signedOn: `${year}-01-20` });
}
/** An open quarter, due 15 days after its end. */
async function openQuarter(periodId: string) {
  const { start, end } = periodBounds(periodId);
  await collections.periods(GZ).doc(periodId).set({ id: periodId, cadence: "quarterly", start, end, reportDeadline: addDays(end, 15), evaluationCloseOn: addDays(end, 30), state: "open" });
}

describe("GZ-2.2.7: a duty is reported and scored when the period's settings include it", () => {
  const current = periodOf(shanghaiDate(new Date()), "quarterly");

  beforeAll(async () => {
    await clearFirestore();
    await seedDemo(admin());
    await bookWithWorkshops("gz-u02", Number(FROM.slice(0, 4)));
    await bookWithWorkshops("gz-u01", Number(FROM.slice(0, 4)));
    await bookWithWorkshops("gz-u01", Number(current.slice(0, 4)));
    await openQuarter(current);
    await openQuarter(FROM);
  });
  afterAll(closeClients);

  it("GZ-2.2.7: the work group adopts a version scoring digital workshops from the next quarter; the unit's report for that quarter, saved through the rules, is scored on the count (half of what is due) and the completion counts it", async () => {
    const staff = await signedInClient(account("staff-gz").email, DEMO_PASSWORD);
    await expect(staff.call("adoptSettings", { programmeId: GZ, values: gzWithWorkshops(), effectiveFrom: FROM, reason: "纳入协助建设数字化车间、智能工厂（GZ-2.2.7）" })).resolves.toEqual({ version: 2, effectiveFrom: FROM });

    // Half of what is due by the end of the quarter (2 of 8 in a Q1).
    const due = 8 * proRataFraction(FROM);
    const half = due / 2;
    const unit = await signedInClient(account("member-gz-02").email, DEMO_PASSWORD);
    await setDoc(doc(unit.db, `programmes/${GZ}/reports/gz-u02_${FROM}`), {
      unitId: "gz-u02", periodId: FROM, state: "submitted",
      metrics: { cloudEnterprises: 2, solutions: 2, platforms: 1, typicalCases: 1, digitalWorkshops: half },
      enterprises: [], lagExplanation: "一季度改造项目仍在签约阶段", documentIds: [], updatedBy: unit.uid, updatedAt: serverTimestamp(),
    });
    const report = await received(`gz-u02_${FROM}`);
    expect(report.metrics.digitalWorkshops).toBe(half);
    expect(report.missingFields).toEqual([]);
    const e = await evaluation(`gz-u02_${FROM}`);
    const products = e.dimensions.find((d) => d.id === "productsAndSolutions")!;
    expect(products.explanation).toContain(`数字化车间、智能工厂 ${half}/${due}`);
    expect(e.completion?.explanation).toContain("数字化车间、智能工厂 50%");
    expect(e.inputs?.actuals.digitalWorkshops).toBe(half);
  });

  it("GZ-2.2.7: under that version a report without the count is recorded incomplete, naming the duty", async () => {
    await admin().db.doc(`programmes/${GZ}/reports/gz-u01_${FROM}`).set({
      unitId: "gz-u01", periodId: FROM, state: "submitted", metrics: { cloudEnterprises: 2, solutions: 2, platforms: 1, typicalCases: 1 },
      lagExplanation: "一季度改造项目仍在签约阶段", updatedBy: "member-gz-01", updatedAt: new Date(),
    });
    const report = await received(`gz-u01_${FROM}`);
    expect(report).toMatchObject({ incomplete: true, missingFields: ["数字化车间、智能工厂"] });
  });

  it("GZ-2.2.7: in the current quarter, still under the pack's model without the duty, the same count and target decide nothing: not scored, not in the completion, not asked", async () => {
    await admin().db.doc(`programmes/${GZ}/reports/gz-u01_${current}`).set({
      unitId: "gz-u01", periodId: current, state: "submitted", metrics: { cloudEnterprises: 2, solutions: 2, platforms: 1, typicalCases: 1, digitalWorkshops: 8 },
      lagExplanation: "进度说明（测试）", updatedBy: "member-gz-01", updatedAt: new Date(),
    });
    const report = await received(`gz-u01_${current}`);
    expect(report.missingFields).not.toContain("数字化车间、智能工厂");
    const e = await evaluation(`gz-u01_${current}`);
    expect(e.dimensions.map((d) => d.explanation).join("；")).not.toContain("数字化车间");
    expect(e.completion?.explanation).not.toContain("数字化车间");
    expect(e.dimensions.find((d) => d.id === "productsAndSolutions")?.weight).toBe(20);
  });

  it("DG-6.5: Dongguan's settings cannot score digital workshops, a duty its regulation (DG-6.5–6.8) does not list; nothing is adopted", async () => {
    const staff = await signedInClient(account("staff-dg").email, DEMO_PASSWORD);
    const values = { ...settingsFromPack(dongguan), scoring: withDuty(dongguan.scoring, "conduct", "digitalWorkshops", 2) };
    await expect(staff.call("adoptSettings", { programmeId: "dg-2025", values, effectiveFrom: "2027", reason: "纳入数字化车间" })).rejects.toMatchObject({ code: "functions/invalid-argument", message: expect.stringContaining("“数字化车间、智能工厂”不是本专项管理规定所列的牵引单位职责") });
    expect((await collections.settingsVersions("dg-2025").get()).size).toBe(0);
  });
});

describe("audit entries cite the programme's own regulation (issue 14 item 10)", () => {
  it("GZ-2.1 / DG-5.3: every audit entry the flows above wrote cites a clause of its own programme's pack and names no other city's clause", async () => {
    const { offenders, audited } = await auditClauseOffenders();
    expect(offenders).toEqual([]);
    expect(Object.values(audited).reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
  });
});
