// DG-8 / DG-9.2: when a period's ranking, and the 排名落后 list drawn from it, become final.
//
// DG-9 puts the ranking and the interviews inside 评价实施, after 材料报送, and DG-8 / GZ-3.4.2
// make an evaluation a conclusion only once the work group approves (审定) it. So the ranking is
// the ranking of approved conclusions: while the period is still open (reports may still come)
// or any of its evaluations awaits approval, it is provisional (暂定). When the period is closed
// and the last evaluation is approved, the ranking is frozen again from the approved values and
// marked final (最终), and only then are the lagging units listed for 约谈、督导: a unit is not
// summoned on a ranking that can still move. Pure: the use cases read, ask here, then write.
import { interviewNotice, type InterviewNotice } from "./interviewNotice.js";
import type { PolicyPack } from "./policy/schema.js";
import { lowestRanked, rankOn } from "./ranking.js";
import type { EvaluationState } from "./states.js";
import { rankingMarkWords } from "./words.js";

export interface EvaluationToRank {
  unitId: string;
  unitName: string;
  state: EvaluationState;
  total: number;
  completion?: { percent: number | null };
  /** The rank frozen so far (at the period close), if any. */
  rank?: number;
}

export type FinalRanking =
  | { final: false; unapproved: number; reason: string }
  | {
      final: true;
      clause: string;
      /** Units whose stored rank differs from the final one (undefined: no longer ranked). */
      rankChanges: { unitId: string; rank: number | undefined }[];
      /** DG-9.2: the lagging units to interview, each with its staff notification. */
      lagging: { unitId: string; unitName: string; rank: number; notice: InterviewNotice }[];
      note: string;
    };

export const unapprovedCount = (evaluations: readonly Pick<EvaluationToRank, "state">[]) => evaluations.filter((e) => e.state !== "approved").length;

export function decideFinalRanking(a: { periodId: string; periodClosed: boolean; evaluations: readonly EvaluationToRank[]; pack: PolicyPack }): FinalRanking {
  const unapproved = unapprovedCount(a.evaluations);
  if (!a.periodClosed || unapproved > 0) return { final: false, unapproved, reason: rankingMarkWords({ final: false, unapproved, periodClosed: a.periodClosed }).reason };
  const { basis } = a.pack.ranking;
  const ranked = rankOn(a.evaluations, basis);
  const finalRank = new Map(ranked.map((r) => [r.unitId, r.rank]));
  const rankChanges = a.evaluations.flatMap((e) => (finalRank.get(e.unitId) === e.rank ? [] : [{ unitId: e.unitId, rank: finalRank.get(e.unitId) }]));
  const clause = a.pack.clauses.ranking;
  const lagging = clause
    ? lowestRanked(ranked, a.pack.lowestRankedCount).map((r) => ({
        unitId: r.unitId,
        unitName: r.unitName,
        rank: r.rank,
        notice: interviewNotice({ unitId: r.unitId, unitName: r.unitName, periodId: a.periodId, rank: r.rank, total: r.total, completion: r.completion, basis, clause }),
      }))
    : [];
  const listed = clause ? `；排名落后列入约谈、督导 ${lagging.length} 家${lagging.length ? `：${lagging.map((l) => `${l.unitName}（第 ${l.rank} 名）`).join("、")}` : ""}` : "";
  return {
    final: true,
    clause: clause ?? a.pack.clauses.evaluationApproval,
    rankChanges,
    lagging,
    note: `本期 ${a.evaluations.length} 份评价已全部审定，排名确定为最终（${ranked.length} 家参与排名）${listed}`,
  };
}
