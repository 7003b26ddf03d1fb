// The units' optional duties (GZ-2.2.6–2.2.10, DG-6.5–6.8) as task-book metrics: each duty the
// regulation lists is a count the unit reports and is scored on ONLY when the period's settings
// (the scoring model the work group adopted, GZ-3.4.2) include it. With it: the report asks it,
// the evaluation scores it against the task book's pro-rata target, the task-book completion
// (DG-9.2) counts it, and a missing or lagging count is asked for. Without it: the report does not
// ask it, and neither the count nor a target the task book holds for it moves anything.
import { describe, expect, it } from "vitest";
import { configuredDuties, reportedMetrics } from "../../../functions/src/domain/duties.js";
import { dongguan, guangzhou, scoringModelSchema, type DutyMetric, type PolicyPack, type ScoringModel } from "../../../functions/src/domain/policy/index.js";
import { laggingMetrics, missingReportFields } from "../../../functions/src/domain/reportChecks.js";
import { evaluate, type MetricValues } from "../../../functions/src/domain/scoring.js";
import { packWithSettings, settingsFromPack, settingsProblems } from "../../../functions/src/domain/settings.js";
import { taskBookCompletion } from "../../../functions/src/domain/taskBookCompletion.js";
import { metricWords } from "../../../functions/src/domain/words.js";

/** The model without these duties: their points go to the first other part of their dimension. */
function withoutDuties(model: ScoringModel, metrics: readonly DutyMetric[]): ScoringModel {
  const out = structuredClone(model);
  for (const d of out.dimensions) {
    const gone = d.parts.filter((p) => p.kind === "metric" && (metrics as string[]).includes(p.metric)).reduce((s, p) => s + p.points, 0);
    d.parts = d.parts.filter((p) => !(p.kind === "metric" && (metrics as string[]).includes(p.metric)));
    if (gone > 0) d.parts[0]!.points += gone;
  }
  return scoringModelSchema.parse(out);
}

/** The model with these duties in the dimension `dimensionId`, 2 points each, taken from its first part. */
function withDuties(model: ScoringModel, metrics: readonly DutyMetric[], dimensionId: string): ScoringModel {
  const out = withoutDuties(model, metrics);
  const d = out.dimensions.find((x) => x.id === dimensionId)!;
  d.parts[0]!.points -= 2 * metrics.length;
  d.parts.push(...metrics.map((metric) => ({ kind: "metric" as const, metric, points: 2 })));
  return scoringModelSchema.parse(out);
}

const periodOf = (pack: PolicyPack) => (pack.cadence === "quarterly" ? "2025-Q4" : "2025");
/** A task book meeting every core target, and the duty's target of 4. */
const core: MetricValues = { enterprisesTransformed: 10, diagnoses: 10, cloudEnterprises: 5, level2Share: 0.8, solutions: 4 };
const judged = [
  { partId: "satisfaction", score: 10, methods: ["questionnaire" as const] },
  { partId: "serviceCapability", score: 4, methods: ["siteVisit" as const] },
];

function scoreWith(pack: PolicyPack, model: ScoringModel, targets: MetricValues, actuals: MetricValues) {
  const r = evaluate({ periodId: periodOf(pack), targets, actuals, reporting: "onTime", complaints: { received: 0, closed: 0 }, judged }, model);
  if (!r.ok) throw new Error(r.message);
  return r.value;
}
const partOf = (result: ReturnType<typeof scoreWith>, metric: DutyMetric) => result.dimensions.flatMap((d) => d.parts).find((p) => p.key === metric);

/**
 * The duty's clause in the pack maps to `metrics`; configured (in `dimensionId`), a count of 1 of 4
 * is asked, scored at a quarter of its points, counted in completion and flagged as lagging; not
 * configured, it is not asked, the score and completion are those of a task book without it.
 */
function dutyIsReportedAndScoredOnlyWhenConfigured(pack: PolicyPack, clause: string, metrics: readonly DutyMetric[], dimensionId: string) {
  expect(pack.duties.find((d) => d.clause === clause)?.metrics).toEqual(metrics);
  const on = withDuties(pack.scoring, metrics, dimensionId);
  const off = withoutDuties(pack.scoring, metrics);
  const periodId = periodOf(pack);
  const targets: MetricValues = { ...core, ...Object.fromEntries(metrics.map((m) => [m, 4])) };
  const behind: MetricValues = { ...core, ...Object.fromEntries(metrics.map((m) => [m, 1])) };
  const done: MetricValues = { ...core, ...Object.fromEntries(metrics.map((m) => [m, 4])) };
  const packOn = packWithSettings(pack, { ...settingsFromPack(pack), scoring: on });
  const packOff = packWithSettings(pack, { ...settingsFromPack(pack), scoring: off });

  // Configured: reported, scored on the count, in the completion, asked for when missing, lagging when behind.
  expect(configuredDuties(on)).toEqual(expect.arrayContaining([...metrics]));
  expect(reportedMetrics(targets, on)).toEqual(expect.arrayContaining([...metrics]));
  const scoredBehind = scoreWith(pack, on, targets, behind);
  for (const m of metrics) {
    const part = partOf(scoredBehind, m)!;
    expect(part.applicable).toBe(true);
    expect(part.score).toBeCloseTo(part.points / 4, 2);
    expect(part.explanation).toContain(`${metricWords[m]} 1/4`);
  }
  expect(scoreWith(pack, on, targets, done).total).toBeGreaterThan(scoredBehind.total);
  const completionOn = taskBookCompletion(periodId, targets, behind, on);
  for (const m of metrics) expect(completionOn.explanation).toContain(`${metricWords[m]} 25%`);
  expect(completionOn.percent).toBeLessThan(100);
  expect(laggingMetrics(periodId, targets, behind, packOn)).toEqual([...metrics]);
  expect(missingReportFields(periodId, targets, { metrics: core, lagExplanation: "培训场地延期，下季度补办" }, packOn)).toEqual(metrics.map((m) => metricWords[m]));

  // Not configured: not asked, not scored whatever the count, not in the completion, never missing nor lagging.
  expect(configuredDuties(off)).not.toEqual(expect.arrayContaining([...metrics]));
  for (const m of metrics) expect(reportedMetrics(targets, off)).not.toContain(m);
  const offBehind = scoreWith(pack, off, targets, behind);
  for (const m of metrics) expect(partOf(offBehind, m)).toBeUndefined();
  expect(scoreWith(pack, off, targets, done).total).toBe(offBehind.total);
  expect(offBehind.total).toBe(scoreWith(pack, off, core, core).total);
  expect(taskBookCompletion(periodId, targets, behind, off)).toEqual(taskBookCompletion(periodId, core, core, off));
  expect(taskBookCompletion(periodId, targets, behind, off).percent).toBe(100);
  expect(laggingMetrics(periodId, targets, behind, packOff)).toEqual([]);
  expect(missingReportFields(periodId, targets, { metrics: core, lagExplanation: "" }, packOff)).toEqual([]);
}

describe("GZ-2.2.6–2.2.10: the Guangzhou duties are optional task-book metrics", () => {
  it("GZ-2.2.6: units help build the city's transformation platforms — the count of platforms is reported and scored only when the settings' model includes it", () => {
    dutyIsReportedAndScoredOnlyWhenConfigured(guangzhou, "GZ-2.2.6", ["platforms"], "productsAndSolutions");
  });
  it("GZ-2.2.7: units help build digital workshops and smart factories — the count is reported and scored only when the settings' model includes it", () => {
    dutyIsReportedAndScoredOnlyWhenConfigured(guangzhou, "GZ-2.2.7", ["digitalWorkshops"], "productsAndSolutions");
  });
  it("GZ-2.2.8: units build typical cases (application scenarios, “chain” models) — the count of cases is reported and scored only when the settings' model includes it", () => {
    dutyIsReportedAndScoredOnlyWhenConfigured(guangzhou, "GZ-2.2.8", ["typicalCases"], "productsAndSolutions");
  });
  it("GZ-2.2.9: units help cultivate 专精特新 firms and industrial clusters — the count is reported and scored only when the settings' model includes it", () => {
    dutyIsReportedAndScoredOnlyWhenConfigured(guangzhou, "GZ-2.2.9", ["specialisedFirms"], "results");
  });
  it("GZ-2.2.10: units run talent training, matchmaking and exchange events — both counts (training; matchmaking and exchange events) are reported and scored only when the settings' model includes them", () => {
    dutyIsReportedAndScoredOnlyWhenConfigured(guangzhou, "GZ-2.2.10", ["talentTraining", "promotionEvents"], "conduct");
  });
});

describe("DG-6.5–6.8: the Dongguan duties are optional task-book metrics", () => {
  it("DG-6.5: units build the city's transformation platform — the count of platforms is reported and scored only when the settings' model includes it", () => {
    dutyIsReportedAndScoredOnlyWhenConfigured(dongguan, "DG-6.5", ["platforms"], "conduct");
  });
  it("DG-6.6: units build typical cases — the count of cases is reported and scored only when the settings' model includes it", () => {
    dutyIsReportedAndScoredOnlyWhenConfigured(dongguan, "DG-6.6", ["typicalCases"], "conduct");
  });
  it("DG-6.7: units run digital talent training — the count is reported and scored only when the settings' model includes it", () => {
    dutyIsReportedAndScoredOnlyWhenConfigured(dongguan, "DG-6.7", ["talentTraining"], "conduct");
  });
  it("DG-6.8: units run other activities promoting transformation — the count of events is reported and scored only when the settings' model includes it", () => {
    dutyIsReportedAndScoredOnlyWhenConfigured(dongguan, "DG-6.8", ["promotionEvents"], "conduct");
  });
});

describe("GZ-3.4.2: the settings add only the duties the programme's regulation lists", () => {
  it("GZ-3.4.2: a Dongguan version scoring digital workshops (a Guangzhou duty, not in DG-6) is refused, as is a duty scored twice; a Guangzhou version adding it passes", () => {
    const dg = settingsFromPack(dongguan);
    const workshops = { ...dg, scoring: withDuties(dongguan.scoring, ["digitalWorkshops"], "conduct") };
    expect(settingsProblems(dongguan, dg, workshops)).toEqual(["“数字化车间、智能工厂”不是本专项管理规定所列的牵引单位职责，不能纳入评价指标"]);
    const gz = settingsFromPack(guangzhou);
    expect(settingsProblems(guangzhou, gz, { ...gz, scoring: withDuties(guangzhou.scoring, ["digitalWorkshops"], "productsAndSolutions") })).toEqual([]);
    const twice = structuredClone(gz);
    twice.scoring.dimensions[0]!.parts[0]!.points -= 1;
    twice.scoring.dimensions[0]!.parts.push({ kind: "metric", metric: "platforms", points: 1 });
    expect(settingsProblems(guangzhou, gz, twice)).toEqual(["评价指标“平台建设”只能计分一次"]);
  });
});
