// City-scale programmes for the benchmarks and the reliability tests, built with the demo
// generator (scripts/demo/generate.ts) and written in batches through the typed collections.
// Everything here talks to the emulators only.
import type { Auth } from "firebase-admin/auth";
import type { Firestore } from "firebase-admin/firestore";
import { getPolicyPack } from "../../functions/src/domain/policy/index.js";
import { summarise } from "../../functions/src/domain/ranking.js";
import { periodBounds, type PeriodId } from "../../functions/src/domain/periods.js";
import { settingsFromPack, type SettingsValues } from "../../functions/src/domain/settings.js";
import { collections } from "../../functions/src/store/collections.js";
import { generateProgramme, type GeneratedProgramme, type ProgrammeSpec } from "../demo/generate.js";
import { writeProgramme } from "../demo/writeProgramme.js";

export const BENCH_PASSWORD = "bench-2025";

/** A Guangzhou programme of `units` units: 2026-Q3 reported and evaluated by every unit, 2026-Q4 open. */
export function benchSpec(id: string, units: number, usccBase: number): ProgrammeSpec {
  return { id, name: `压测专项（${units} 家，演示）`, city: "广州", packId: "guangzhou", units, partnersPerUnit: 0, enterprisesPerUnit: 0, closedPeriods: ["2026-Q3"], openPeriod: "2026-Q4", usccBase };
}

export interface SeedOptions {
  /** Leave 2026-Q3 open with unranked approved evaluations, so the period close has the whole job to do. */
  q3Open?: boolean;
  /** Units (by index) that have not submitted 2026-Q4 yet; every other unit gets a draft evaluation there. */
  q4Fresh?: number;
}

/**
 * Writes the generated programme plus 2026-Q4 draft evaluations (and their ranking summary) for
 * all but the first `q4Fresh` units: a period in which almost every unit has already reported.
 */
export async function seedBenchProgramme(db: Firestore, spec: ProgrammeSpec, opts: SeedOptions = {}): Promise<{ g: GeneratedProgramme; documents: number }> {
  const g = generateProgramme(spec);
  if (opts.q3Open) {
    const { closedAt: _closedAt, ...q3 } = g.periods["2026-Q3"]!;
    g.periods["2026-Q3"] = { ...q3, state: "open" };
    for (const [id, e] of Object.entries(g.evaluations)) {
      if (e.periodId !== "2026-Q3") continue;
      const { rank: _rank, ...unranked } = e;
      g.evaluations[id] = unranked;
    }
  }
  const fresh = opts.q4Fresh ?? 0;
  const rows: { unitId: string; total: number }[] = [];
  Object.keys(g.units).forEach((unitId, i) => {
    if (i < fresh) return;
    const q3 = g.evaluations[`${unitId}_2026-Q3`]!;
    const { rank: _r, approvedBy: _b, approvedAt: _a, ...draft } = q3;
    g.evaluations[`${unitId}_2026-Q4`] = { ...draft, periodId: "2026-Q4", state: "draft", judged: [], missingJudged: [] };
    rows.push({ unitId, total: q3.total });
  });
  g.rankings["2026-Q4"] = { periodId: "2026-Q4", counts: { ...summarise(rows) } };
  const documents = await writeProgramme(db, g);
  return { g, documents };
}

/** Opens extra periods (with a far deadline, so submissions are on time) and the task books they need. */
export async function openPeriods(db: Firestore, programmeId: string, periodIds: PeriodId[], unitIds: string[], reportDeadline = "2026-12-31") {
  const pack = getPolicyPack("guangzhou");
  const batch = db.batch();
  for (const id of periodIds) {
    const b = periodBounds(id);
    batch.set(collections.periods(programmeId).doc(id), { id, cadence: pack.cadence, start: b.start, end: b.end, state: "open", reportDeadline });
  }
  for (const year of new Set(periodIds.map((p) => Number(p.slice(0, 4))))) {
    for (const unitId of unitIds) {
      batch.set(collections.taskBooks(programmeId).doc(`${unitId}_${year}`), { unitId, year, targets: { enterprisesTransformed: 20, diagnoses: 30, level2Share: 0.8, solutions: 5 }, otherTargets: [], signedOn: `${year}-01-20` });
    }
  }
  await batch.commit();
}

/** One member account per unit, signed in with BENCH_PASSWORD (created or refreshed). */
export async function createMembers(auth: Auth, programmeId: string, unitIds: string[]): Promise<{ unitId: string; email: string }[]> {
  const out: { unitId: string; email: string }[] = [];
  for (const unitId of unitIds) {
    const uid = `m-${programmeId}-${unitId}`;
    const email = `${uid}@bench.example.com`;
    const props = { email, password: BENCH_PASSWORD, displayName: `${unitId} 联络员（压测）` };
    await auth.updateUser(uid, props).catch(() => auth.createUser({ uid, ...props }));
    await auth.setCustomUserClaims(uid, { unit: { programmeId, unitId } });
    out.push({ unitId, email });
  }
  return out;
}

/** Pauses or resumes the Functions emulator's background triggers (emulator hub endpoint). */
export async function setTriggers(enabled: boolean) {
  const hub = process.env.FIREBASE_EMULATOR_HUB;
  if (!hub) throw new Error("FIREBASE_EMULATOR_HUB is not set: run inside firebase emulators:exec");
  const res = await fetch(`http://${hub}/functions/${enabled ? "enable" : "disable"}BackgroundTriggers`, { method: "PUT" });
  if (!res.ok) throw new Error(`could not ${enabled ? "enable" : "disable"} triggers: ${res.status}`);
}

/** Plausible on-time metrics for a unit's report, as a client would write them. */
/** What a unit types in its report (the row figures — transformed, diagnoses, level-2 share — are counted from rows, never typed). */
export const reportMetrics = (i: number) => ({ cloudEnterprises: 3 + (i % 13), solutions: 1 + (i % 4), typicalCases: i % 3, platforms: i % 2 });

/** A settings proposal for the what-if: pass mark 75 and 5 points moved from 产品和解决方案 to 改造成效. */
export function benchProposal(): SettingsValues {
  const v = settingsFromPack(getPolicyPack("guangzhou"));
  const dimensions = v.scoring.dimensions.map((d) => {
    if (d.id === "results") return { ...d, weight: d.weight + 5, parts: d.parts.map((p, i) => (i === 0 ? { ...p, points: p.points + 5 } : p)) };
    if (d.id === "productsAndSolutions") return { ...d, weight: d.weight - 5, parts: d.parts.map((p, i) => (i === 0 ? { ...p, points: p.points - 5 } : p)) };
    return d;
  });
  return { ...v, scoring: { ...v.scoring, dimensions, passMark: 75 } };
}
