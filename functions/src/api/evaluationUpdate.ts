// Recomputing an evaluation draft from what it was computed from plus the staff scores, shared
// by enterJudgedScore (and anything else that changes a judged part).
import { storedDimensions } from "../domain/evaluationDraft.js";
import type { PolicyPack } from "../domain/policy/schema.js";
import { evaluate } from "../domain/scoring.js";
import type { Evaluation, JudgedScore } from "../domain/schemas/index.js";
import { Refused } from "./errors.js";

export function recompute(evaluation: Evaluation, judged: JudgedScore[], pack: PolicyPack, now: Date): Evaluation {
  const inputs = evaluation.inputs ?? { targets: {}, actuals: {}, complaints: { received: 0, closed: 0 } };
  const scored = evaluate(
    { periodId: evaluation.periodId, targets: inputs.targets, actuals: inputs.actuals, reporting: evaluation.reporting ?? "missing", complaints: inputs.complaints, judged },
    pack.scoring,
  );
  if (!scored.ok) throw new Refused(scored, "invalid-argument");
  const r = scored.value;
  return { ...evaluation, judged, dimensions: storedDimensions(r), total: r.total, band: r.band, passed: r.passed, missingJudged: r.missingJudged, computedAt: now };
}
