// DG-9.2 根据绩效任务书完成情况对牵引单位进行排名: Dongguan ranks on how much of the task book a unit
// completed, not on the weighted total. Completion is the mean, over the task-book metrics with a
// target, of actual ÷ (pro-rata) target capped at 100 %, shown beside the total with its workings.
import { configuredTargets } from "./duties.js";
import type { MetricKey, ScoringModel } from "./policy/schema.js";
import { metricRatio, type MetricValues } from "./scoring.js";
import { metricWords } from "./words.js";

/**
 * The task-book targets a unit signs (DG-7), with the optional duties (GZ-2.2.6–2.2.10,
 * DG-6.5–6.8) counted only when the period's scoring model has them (duties.ts); reporting and
 * complaints are conduct, not targets.
 */
const TASK_BOOK_METRICS: readonly MetricKey[] = [
  "enterprisesTransformed",
  "cloudEnterprises",
  "level2Share",
  "platforms",
  "solutions",
  "typicalCases",
  "diagnoses",
  "digitalWorkshops",
  "specialisedFirms",
  "talentTraining",
  "promotionEvents",
];

export interface Completion {
  /** Percentage 0–100 in hundredths precision; null when the task book sets no target. */
  percent: number | null;
  explanation: string;
}

export function taskBookCompletion(periodId: string, targets: MetricValues, actuals: MetricValues, model: Pick<ScoringModel, "dimensions">): Completion {
  const input = { periodId, targets: configuredTargets(targets, model), actuals, reporting: "onTime" as const, complaints: { received: 0, closed: 0 }, judged: [] };
  const rows = TASK_BOOK_METRICS.map((m) => ({ m, r: metricRatio(m, input) })).filter((x) => x.r.applicable);
  if (rows.length === 0) return { percent: null, explanation: "任务书未设目标，不参与完成情况排名" };
  const percent = Math.round((rows.reduce((s, x) => s + x.r.ratio, 0) / rows.length) * 10000) / 100;
  return { percent, explanation: `任务书完成率 ${percent.toFixed(2)}%（${rows.map((x) => `${metricWords[x.m]} ${Math.round(x.r.ratio * 100)}%`).join("、")}，各项平均，单项最高按 100% 计）` };
}
