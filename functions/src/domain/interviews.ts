// DG-9.2: the lowest-ranked units are interviewed and supervised (约谈、督导). Whether staff may
// record an interview for a unit in a period: the pack must provide for it, the period must be
// closed (its ranking final), the unit must have
// been evaluated and be among the period's lowest-ranked (ties at the cut-off included, as the
// period close lists them), and the interview cannot have happened in the future.
import { refuse, type Refusal } from "./errors.js";
import type { IsoDate } from "./dates.js";
import type { PolicyPack } from "./policy/index.js";
import { atOrBelowThreshold, lowestRankedThreshold, rankFromSummary, type ScoreSummary } from "./ranking.js";

export type InterviewDecision = { ok: true; rank: number; clause: string } | Refusal;

export function interviewDecision(a: { pack: PolicyPack; periodClosed: boolean; evaluation: { total: number; rank?: number } | undefined; summary: ScoreSummary; heldOn: IsoDate; today: IsoDate }): InterviewDecision {
  const clause = a.pack.clauses.ranking;
  if (!clause) return refuse("INTERVIEWS_NOT_IN_POLICY");
  // The ranking is final only once the period is closed; before that it still moves.
  if (!a.periodClosed) return refuse("PERIOD_NOT_RANKED");
  if (a.heldOn > a.today) return refuse("DATE_IN_FUTURE", `约谈日期 ${a.heldOn}`);
  if (!a.evaluation) return refuse("NOT_EVALUATED");
  if (!atOrBelowThreshold(a.evaluation.total, lowestRankedThreshold(a.summary, a.pack.lowestRankedCount))) return refuse("NOT_LOWEST_RANKED");
  return { ok: true, rank: a.evaluation.rank ?? rankFromSummary(a.summary, a.evaluation.total), clause };
}
