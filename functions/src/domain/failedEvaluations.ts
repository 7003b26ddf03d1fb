// Which evaluations count as failed for the clear-out grounds (GZ-4.4b.3 / DG-10.3: two failed
// evaluations in total, in any periods, not necessarily consecutive). Only an approved conclusion
// counts (GZ-3.4.2): a draft may still change. The approval and the period close both ask here.
import { evaluationMachine } from "./evaluation.machine.js";
import type { EvaluationState } from "./states.js";

type Outcome = { unitId: string; periodId: string; state: EvaluationState; passed: boolean };

/** The conclusion of an evaluation once staff approved it; undefined while it is a draft. */
export const approvedConclusion = (e: Pick<Outcome, "state" | "passed"> | undefined): { passed: boolean } | undefined =>
  e && evaluationMachine.isTerminal(e.state) ? { passed: e.passed } : undefined;

/** Per unit, its failed evaluations in periods other than `periodId` (the one being decided). */
export function failedEvaluationsOutside(evaluations: Iterable<Outcome>, periodId: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const e of evaluations) {
    if (e.periodId !== periodId && approvedConclusion(e)?.passed === false) counts.set(e.unitId, (counts.get(e.unitId) ?? 0) + 1);
  }
  return counts;
}
