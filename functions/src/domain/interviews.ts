// DG-9.2: the lowest-ranked units are interviewed and supervised (约谈、督导). Whether staff may
// record an interview for a unit in a period: the pack must provide for it, the period's ranking
// must be final (closed and every evaluation approved, finalRanking.ts), the unit must have been
// evaluated and be among the period's lowest-ranked on the pack's basis (ties at the cut-off
// included, as the final ranking lists them), and the interview cannot have happened in the future.
import { refuse, type Refusal } from "./errors.js";
import type { IsoDate } from "./dates.js";
import type { PolicyPack } from "./policy/index.js";
import { atOrBelowThreshold, lowestRankedThreshold, rankFromSummary, rankingValue, type RankedOn, type ScoreSummary } from "./ranking.js";

export type InterviewDecision = { ok: true; rank: number; clause: string } | Refusal;

export function interviewDecision(a: { pack: PolicyPack; rankingFinal: boolean; evaluation: (RankedOn & { rank?: number }) | undefined; summary: ScoreSummary; heldOn: IsoDate; today: IsoDate }): InterviewDecision {
  const clause = a.pack.clauses.ranking;
  if (!clause) return refuse("INTERVIEWS_NOT_IN_POLICY");
  // Before the ranking is final (a report may still come, an evaluation awaits approval) it still moves.
  if (!a.rankingFinal) return refuse("PERIOD_NOT_RANKED");
  if (a.heldOn > a.today) return refuse("DATE_IN_FUTURE", `约谈日期 ${a.heldOn}`);
  if (!a.evaluation) return refuse("NOT_EVALUATED");
  const value = rankingValue(a.evaluation, a.pack.ranking.basis);
  if (value === undefined || !atOrBelowThreshold(value, lowestRankedThreshold(a.summary, a.pack.lowestRankedCount))) return refuse("NOT_LOWEST_RANKED");
  return { ok: true, rank: a.evaluation.rank ?? rankFromSummary(a.summary, value), clause };
}
