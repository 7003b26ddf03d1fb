// Evaluation approval (GZ-3.4.2 审定): a computed evaluation is a draft until staff approve it,
// and cannot be approved while judged parts are unscored. The approved conclusion is final: no
// staff score, resubmission or recomputation changes it, so `approved` is the terminal state.
import { refuse } from "./errors.js";
import { defineMachine, type MachineContext } from "./machine.js";
import type { EvaluationState } from "./states.js";

export interface EvaluationContext extends MachineContext {
  missingJudged: readonly string[];
}

export type EvaluationEvent = { type: "approve" };

export const evaluationMachine = defineMachine<EvaluationState, EvaluationEvent, EvaluationContext>("绩效评价", {
  approve: [
    {
      from: ["draft"],
      to: "approved",
      clause: (ctx) => ctx.pack.clauses.evaluationApproval,
      when: (_s, ctx) => (ctx.missingJudged.length > 0 ? refuse("JUDGED_SCORES_MISSING", ctx.missingJudged.join("、")) : undefined),
    },
  ],
}, ["approved"]);
