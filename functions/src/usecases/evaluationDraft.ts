// Loading and recomputing an evaluation draft: shared by the use cases that change a judged part
// or approve it.
import { evaluationMachine } from "../domain/evaluation.machine.js";
import { storedDimensions } from "../domain/evaluationDraft.js";
import type { PolicyPack } from "../domain/policy/schema.js";
import { evaluate } from "../domain/scoring.js";
import { taskBookCompletion } from "../domain/taskBookCompletion.js";
import type { Evaluation, JudgedScore } from "../domain/schemas/index.js";
import type { Transaction } from "firebase-admin/firestore";
import { refuse, Refused, refused } from "../domain/errors.js";
import { collections } from "../store/collections.js";

/**
 * The evaluation a staff action changes, read in the transaction: not found, or already approved
 * (by someone else a moment ago), are refused here, so the action claims the draft by its state.
 */
export async function loadDraftEvaluation(tx: Transaction, programmeId: string, evaluationId: string) {
  const ref = collections.evaluations(programmeId).doc(evaluationId);
  const evaluation = (await tx.get(ref)).data() ?? refused("EVALUATION_NOT_FOUND", evaluationId);
  if (evaluationMachine.isTerminal(evaluation.state)) throw new Refused(refuse("ALREADY_DECIDED", "评价已审定"));
  return { ref, evaluation };
}

export function recompute(evaluation: Evaluation, judged: JudgedScore[], pack: PolicyPack, now: Date): Evaluation {
  const inputs = evaluation.inputs ?? { targets: {}, actuals: {}, complaints: { received: 0, closed: 0 } };
  const scored = evaluate(
    { periodId: evaluation.periodId, targets: inputs.targets, actuals: inputs.actuals, reporting: evaluation.reporting ?? "missing", complaints: inputs.complaints, judged },
    pack.scoring,
  );
  if (!scored.ok) throw new Refused(scored);
  const r = scored.value;
  // DG-9.2: the completion comes from the same stored inputs (judged scores do not move it).
  const completion = taskBookCompletion(evaluation.periodId, inputs.targets, inputs.actuals, pack.scoring);
  return { ...evaluation, judged, dimensions: storedDimensions(r), total: r.total, band: r.band, passed: r.passed, missingJudged: r.missingJudged, completion, computedAt: now };
}
