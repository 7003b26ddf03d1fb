// The evaluation draft and the period's ranking summary move together: every stored evaluation
// of a period is counted once in rankings/{periodId} with its current value on the pack's ranking
// basis (total, or task-book completion for DG-9.2), so a unit's rank is known from one small
// document and a submission never reads the other units' evaluations. A summary that moves is
// not final (it loses `finalAt`; finalRanking.ts).
import type { Transaction } from "firebase-admin/firestore";
import type { RankingBasis } from "../domain/policy/schema.js";
import { rankingValue, updateSummary } from "../domain/ranking.js";
import type { Evaluation, RankingSummary } from "../domain/schemas/index.js";
import { collections } from "./collections.js";

export const rankingRef = (programmeId: string, periodId: string) => collections.rankings(programmeId).doc(periodId);

export async function readRanking(tx: Transaction, programmeId: string, periodId: string): Promise<RankingSummary> {
  return (await tx.get(rankingRef(programmeId, periodId))).data() ?? { periodId, counts: {} };
}

/** Writes the evaluation and moves its ranking value in the summary (`previous` undefined for a new one). */
export function writeEvaluation(tx: Transaction, programmeId: string, evaluationId: string, evaluation: Evaluation, summary: RankingSummary, previous: Evaluation | undefined, basis: RankingBasis) {
  tx.set(collections.evaluations(programmeId).doc(evaluationId), evaluation);
  const before = previous && rankingValue(previous, basis);
  const after = rankingValue(evaluation, basis);
  tx.set(rankingRef(programmeId, evaluation.periodId), { periodId: evaluation.periodId, counts: updateSummary(summary.counts, before, after) });
}
