// Staff approve (审定) an evaluation (GZ-3.4.2; DG-8): the final score, band and pass / fail. The
// approval claims the draft by its state in the transaction, so of two staff approving at once
// one wins and the other is told it was already decided. A failed evaluation that is the
// unit's second in total makes it a clear-out candidate (GZ-4.4b.3 / DG-10.3). When this is the
// last evaluation of a closed period to be approved, the period's ranking is frozen again and
// marked final in the same transaction, and the lagging units are listed for interview then
// (DG-8 / DG-9.2, finalRanking.ts). A replayed approval is refused (already decided): nothing twice.
import { shanghaiDate } from "../domain/dates.js";
import { Refused } from "../domain/errors.js";
import { evaluationMachine } from "../domain/evaluation.machine.js";
import { failedEvaluationsOutside } from "../domain/failedEvaluations.js";
import { failedEvaluationGrounds } from "../domain/grounds.js";
import type { Actor } from "../domain/schemas/index.js";
import { appendAudit } from "../store/audit.js";
import { proposeCandidates } from "../store/candidates.js";
import { collections } from "../store/collections.js";
import { loadProgrammeContext } from "../store/programmeContext.js";
import type { Deps } from "./deps.js";
import { loadDraftEvaluation } from "./evaluationDraft.js";
import { approvedRank, prepareFinalRanking } from "./finalRanking.js";

export interface ApproveEvaluationInput {
  programmeId: string;
  evaluationId: string;
}

export async function approveEvaluation(deps: Deps, input: ApproveEvaluationInput, actor: Actor) {
  const { programmeId, evaluationId } = input;
  const now = deps.clock();
  return deps.db.runTransaction(async (tx) => {
    const ctx = await loadProgrammeContext(programmeId, tx, deps.calendar);
    const { ref, evaluation } = await loadDraftEvaluation(tx, programmeId, evaluationId);
    const step = evaluationMachine.transition(evaluation.state, { type: "approve" }, { today: shanghaiDate(now), pack: ctx.pack, programmeEndsOn: ctx.programme.endsOn, missingJudged: evaluation.missingJudged });
    if (!step.ok) throw new Refused(step);

    const own = (await tx.get(collections.evaluations(programmeId).where("unitId", "==", evaluation.unitId))).docs.map((d) => d.data());
    const failedBefore = failedEvaluationsOutside(own, evaluation.periodId).get(evaluation.unitId) ?? 0;
    const candidates = failedEvaluationGrounds({ unitId: evaluation.unitId, periodId: evaluation.periodId, passed: evaluation.passed, failedEvaluationsBefore: failedBefore }, ctx.pack);
    const period = (await tx.get(collections.periods(programmeId).doc(evaluation.periodId))).data();
    const approved = { ...evaluation, state: step.next, approvedBy: actor, approvedAt: now };
    const ranking = await prepareFinalRanking(tx, ctx, { periodId: evaluation.periodId, periodClosed: period?.state === "closed", now, actor, approving: { id: evaluationId, evaluation: approved } });
    const proposed = await proposeCandidates(tx, programmeId, candidates.map((candidate) => ({ candidate, unitId: evaluation.unitId, scope: evaluation.periodId })), now, actor);

    const { rank: _provisional, ...rest } = approved;
    const rank = approvedRank(ranking, evaluation.unitId, evaluation.rank);
    tx.set(ref, rank === undefined ? rest : { ...rest, rank });
    ranking.write();
    appendAudit(tx, programmeId, `approve-${evaluationId}-${now.getTime()}`, {
      at: now,
      actor,
      action: "evaluation.approved",
      entity: ref.path,
      before: { state: evaluation.state },
      after: { state: step.next, total: evaluation.total, band: evaluation.band, passed: evaluation.passed, failedInTotal: failedBefore + (evaluation.passed ? 0 : 1) },
      clause: step.clause,
    });
    const final = ranking.decision?.final ?? true;
    return { evaluationId, total: evaluation.total, band: evaluation.band, passed: evaluation.passed, proposed, rankingFinal: final };
  });
}
