// Evaluation (GZ-3.3 quarterly, DG-8 annual) against the task book (GZ-3.2, DG-7, DG-12), with
// the pack's scoring model (GZ-3.4.2: the model is programme configuration). Every dimension
// comes back with a one-line Chinese explanation of how its score was computed.
//
// Arithmetic is done in hundredths of a point (integers) so that a band boundary such as 90 is
// never missed by floating-point drift.
import { type Refusal, refuse } from "./errors.js";
import { judgedMethodWords, metricWords } from "./words.js";
import { type PeriodId, proRataFraction, proRataWords } from "./periods.js";
import type { JudgedMethod, MetricKey, ScoringModel } from "./policy/schema.js";

export type MetricValues = Partial<Record<MetricKey, number>>;

/** How the period's report was delivered (GZ-3.4.1 / DG-9.1). */
export type ReportingStatus = "onTime" | "late" | "incomplete" | "missing";

export interface JudgedInput {
  partId: string;
  score: number;
  methods: readonly JudgedMethod[];
  note?: string;
}

export interface ScoringInput {
  periodId: PeriodId;
  /** Annual task-book targets. */
  targets: MetricValues;
  /** Year-to-date values from the report; level2Share as a 0–1 share. */
  actuals: MetricValues;
  reporting: ReportingStatus;
  complaints: { received: number; closed: number };
  judged: readonly JudgedInput[];
}

export interface PartScore {
  key: string;
  label: string;
  points: number;
  score: number;
  applicable: boolean;
  explanation: string;
  methods?: readonly JudgedMethod[];
}

export interface DimensionScore {
  id: string;
  label: string;
  weight: number;
  score: number;
  explanation: string;
  parts: PartScore[];
}

export interface EvaluationResult {
  dimensions: DimensionScore[];
  total: number;
  band: string;
  passed: boolean;
  /** false while judged parts are unscored: the total is then provisional (GZ-3.4.2). */
  complete: boolean;
  missingJudged: string[];
}



const REPORTING_RATIO: Record<ReportingStatus, number> = { onTime: 1, late: 0.5, incomplete: 0.5, missing: 0 };
const REPORTING_LABEL: Record<ReportingStatus, string> = { onTime: "按时完整", late: "逾期", incomplete: "不完整", missing: "未报送" };

const hundredths = (x: number) => Math.round(x * 100);
const fmt = (h: number) => (h / 100).toFixed(2);
const num = (x: number) => (Number.isInteger(x) ? String(x) : x.toFixed(2));

export interface MetricRatio {
  applicable: boolean;
  ratio: number;
  text: string;
}

export function metricRatio(metric: MetricKey, input: ScoringInput): MetricRatio {
  const label = metricWords[metric];
  if (metric === "reporting") {
    return { applicable: true, ratio: REPORTING_RATIO[input.reporting], text: `${label}：${REPORTING_LABEL[input.reporting]}` };
  }
  if (metric === "complaintsClosed") {
    const { received, closed } = input.complaints;
    if (received === 0) return { applicable: true, ratio: 1, text: `${label}：本期无投诉` };
    return { applicable: true, ratio: Math.min(1, closed / received), text: `${label} ${closed}/${received}` };
  }
  const annual = input.targets[metric];
  if (annual === undefined || annual <= 0) return { applicable: false, ratio: 0, text: `${label}：任务书未设目标，不计` };
  const actual = input.actuals[metric] ?? 0;
  if (metric === "level2Share") {
    // A share is not pro-rated: 80% is the bar in every quarter.
    return { applicable: true, ratio: Math.min(1, actual / annual), text: `${label} ${num(actual * 100)}%/目标 ${num(annual * 100)}%` };
  }
  const fraction = proRataFraction(input.periodId);
  const target = annual * fraction;
  const pro = fraction < 1 ? `（年度目标 ${num(annual)} × ${proRataWords(input.periodId)}）` : "";
  return { applicable: true, ratio: Math.min(1, actual / target), text: `${label} ${num(actual)}/${num(target)}${pro}` };
}

function bandOf(totalH: number, model: ScoringModel): string {
  const band = model.bands.find((b) => totalH >= hundredths(b.min));
  return band?.label ?? model.bands[model.bands.length - 1]?.label ?? "";
}

/** Scores one unit for one period. Refuses judged scores outside a part's points or without a method. */
export function evaluate(input: ScoringInput, model: ScoringModel): { ok: true; value: EvaluationResult } | Refusal {
  const judgedById = new Map(input.judged.map((j) => [j.partId, j]));
  const missingJudged: string[] = [];
  const dimensions: DimensionScore[] = [];

  for (const dim of model.dimensions) {
    const prepared = dim.parts.map((part) => {
      if (part.kind === "metric") return { part, key: part.metric, label: metricWords[part.metric], m: metricRatio(part.metric, input) };
      return { part, key: part.id, label: part.label, m: undefined };
    });
    // Parts without a task-book target drop out; their points go to the rest of the dimension.
    const applicablePoints = prepared.reduce((s, p) => s + (p.m && !p.m.applicable ? 0 : p.part.points), 0);
    const scale = applicablePoints > 0 ? dim.weight / applicablePoints : 0;
    const parts: PartScore[] = [];
    for (const { part, key, label, m } of prepared) {
      const points = part.points * scale;
      if (m) {
        const score = m.applicable ? hundredths(points * m.ratio) : 0;
        parts.push({ key, label, points, score: score / 100, applicable: m.applicable, explanation: m.applicable ? `${m.text}，得 ${fmt(score)}/${num(points)}` : m.text });
        continue;
      }
      const j = judgedById.get(key);
      if (!j) {
        missingJudged.push(label);
        parts.push({ key, label, points, score: 0, applicable: true, explanation: `${label}：待人工评分` });
        continue;
      }
      if (j.score < 0 || j.score > part.points || j.methods.length === 0) {
        return refuse("JUDGED_SCORE_INVALID", `${label}（0–${part.points} 分）`);
      }
      const score = hundredths(j.score * scale);
      const how = j.methods.map((x) => judgedMethodWords[x]).join("、");
      parts.push({ key, label, points, score: score / 100, applicable: true, methods: j.methods, explanation: `${label}：人工评分（${how}）${fmt(score)}/${num(points)}` });
    }
    const scoreH = parts.reduce((s, p) => s + hundredths(p.score), 0);
    const explanation =
      applicablePoints === 0
        ? `${dim.label}：无适用指标，本维度不得分`
        : `${dim.label} ${fmt(scoreH)}/${num(dim.weight)}：${parts.map((p) => p.explanation).join("；")}${scale !== 1 ? "（未设目标的指标分值已按比例并入其他项）" : ""}`;
    dimensions.push({ id: dim.id, label: dim.label, weight: dim.weight, score: scoreH / 100, explanation, parts });
  }

  const totalH = dimensions.reduce((s, d) => s + hundredths(d.score), 0);
  return {
    ok: true,
    value: {
      dimensions,
      total: totalH / 100,
      band: bandOf(totalH, model),
      passed: totalH >= hundredths(model.passMark),
      complete: missingJudged.length === 0,
      missingJudged,
    },
  };
}
