// From a scoring result to the stored evaluation draft (GZ-3.3, DG-8; final only when approved,
// GZ-3.4.2): which reporting status feeds the "reporting" metric, which judged parts the model
// has, and the dimension lines kept on the record with their Chinese explanations.
import { type Refusal, refuse } from "./errors.js";
import { periodBounds, type PeriodId } from "./periods.js";
import type { ScoringModel } from "./policy/schema.js";
import type { EvaluationResult, ReportingStatus } from "./scoring.js";

/** GZ-3.4.1 / GZ-4.4a.2: an incomplete report weighs like a late one; incompleteness is named first. */
export function reportingStatus(report: { late: boolean; incomplete: boolean }): ReportingStatus {
  if (report.incomplete) return "incomplete";
  return report.late ? "late" : "onTime";
}

export interface JudgedPart {
  id: string;
  label: string;
  points: number;
  dimensionId: string;
}

/** Parts of the model that staff score by questionnaire, phone, site visit or spot-check (GZ-3.3). */
export function judgedParts(model: ScoringModel): JudgedPart[] {
  return model.dimensions.flatMap((d) => d.parts.flatMap((p) => (p.kind === "judged" ? [{ id: p.id, label: p.label, points: p.points, dimensionId: d.id }] : [])));
}

export function findJudgedPart(model: ScoringModel, partId: string): { ok: true; part: JudgedPart } | Refusal {
  const part = judgedParts(model).find((p) => p.id === partId);
  if (!part) return refuse("JUDGED_PART_UNKNOWN", `${partId}（可评分项：${judgedParts(model).map((p) => `${p.id} ${p.label}`).join("、")}）`);
  return { ok: true, part };
}

/** The per-dimension lines stored on the evaluation, each with its explanation. */
export function storedDimensions(result: EvaluationResult) {
  return result.dimensions.map((d) => ({ id: d.id, label: d.label, weight: d.weight, score: d.score, explanation: d.explanation }));
}

/** The complaints a period's score counts (GZ-3.3 / DG-8 投诉办结): those received within the period, and how many are closed. */
export function complaintCounts(complaints: readonly { receivedOn: string; status: "open" | "closed" }[], periodId: PeriodId): { received: number; closed: number } {
  const { start, end } = periodBounds(periodId);
  const inPeriod = complaints.filter((c) => c.receivedOn >= start && c.receivedOn <= end);
  return { received: inPeriod.length, closed: inPeriod.filter((c) => c.status === "closed").length };
}
