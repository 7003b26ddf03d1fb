// The evaluation draft and the period's ranking summary move together: every stored evaluation
// of a period is counted once in rankings/{periodId} with its current total, so a unit's rank
// is known from one small document and a submission never reads the other units' evaluations.
import type { Transaction } from "firebase-admin/firestore";
import { updateSummary } from "../domain/ranking.js";
import type { Evaluation, RankingSummary } from "../domain/schemas/index.js";
import { collections } from "./collections.js";

export const rankingRef = (programmeId: string, periodId: string) => collections.rankings(programmeId).doc(periodId);

export async function readRanking(tx: Transaction, programmeId: string, periodId: string): Promise<RankingSummary> {
  return (await tx.get(rankingRef(programmeId, periodId))).data() ?? { periodId, counts: {} };
}

/** Writes the evaluation and moves its total in the summary (`previousTotal` undefined for a new one). */
export function writeEvaluation(tx: Transaction, programmeId: string, evaluationId: string, evaluation: Evaluation, summary: RankingSummary, previousTotal: number | undefined) {
  tx.set(collections.evaluations(programmeId).doc(evaluationId), evaluation);
  tx.set(rankingRef(programmeId, evaluation.periodId), { periodId: evaluation.periodId, counts: updateSummary(summary.counts, previousTotal, evaluation.total) });
}
