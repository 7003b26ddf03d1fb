// What closing a period decides for one unit, from the facts the job gathered: the automatic
// grounds (grounds.ts: missing / late / incomplete / returned reports, unexplained lag, failed
// acceptances, failed evaluations — GZ-4.4a.2/3/6, GZ-4.4b.2/3, DG-10.2/3), the unit's rank frozen
// from the period's summary on the pack's basis, and whether it lags on that ranking (DG-9.2).
// The lagging units are listed for interview only when the ranking is final (finalRanking.ts).
// Pure: the job reads, asks here, then writes.
import type { IsoDate } from "./dates.js";
import { approvedConclusion } from "./failedEvaluations.js";
import { type Candidate, periodCloseGrounds } from "./grounds.js";
import { periodBounds } from "./periods.js";
import type { PolicyPack } from "./policy/schema.js";
import { atOrBelowThreshold, lowestRankedThreshold, rankFromSummary, rankingValue, type ScoreSummary } from "./ranking.js";
import type { MetricValues } from "./scoring.js";
import type { DatedPeriod, Evaluation, Report } from "./schemas/index.js";

export interface UnitAtClose {
  unitId: string;
  unitName: string;
  report?: Report;
  evaluation?: Evaluation;
  targets: MetricValues;
  /** Failed evaluations of other periods (failedEvaluations.ts). */
  failedEvaluationsBefore: number;
  /** The unit's pilot enterprises whose acceptance failed, whenever it was decided. */
  failedEnterprises: readonly { enterpriseId: string; enterpriseName: string; decidedOn?: IsoDate }[];
}

export interface UnitClose {
  candidates: Candidate[];
  /** The rank to store on the evaluation; undefined when the unit was not evaluated (or has no value on the pack's basis). */
  rank?: number;
  /** DG-9.2: among the lagging units on the ranking as it stands (listed for interview once it is final). */
  lagging: boolean;
}

/** The interview cut-off of a period (DG-9.2), where the pack ranks for interviews. */
export const interviewThreshold = (ranking: ScoreSummary | undefined, pack: PolicyPack) => (ranking && pack.clauses.ranking ? lowestRankedThreshold(ranking, pack.lowestRankedCount) : undefined);

/**
 * `ranking` is undefined when the period's summary could not be read: the grounds are
 * still decided, but no rank is frozen and nobody is listed for interview on an unknown ranking.
 */
export function decideUnitClose(u: UnitAtClose, period: DatedPeriod, ranking: ScoreSummary | undefined, threshold: number | undefined, pack: PolicyPack): UnitClose {
  const { start, end } = periodBounds(period.id);
  const { report, evaluation } = u;
  const candidates = periodCloseGrounds(
    {
      unitId: u.unitId,
      periodId: period.id,
      reportDeadline: period.reportDeadline,
      evaluationCloseOn: period.evaluationCloseOn,
      report: report ? { state: report.state, late: report.late, returnedCount: report.returnedCount, incomplete: report.incomplete } : { state: "missing", late: false, returnedCount: 0 },
      evaluation: approvedConclusion(evaluation),
      failedEvaluationsBefore: u.failedEvaluationsBefore,
      targets: u.targets,
      // The figures as counted at the last submission (a returned report being edited holds only what the unit typed).
      actuals: evaluation?.inputs?.actuals ?? report?.metrics ?? {},
      lagExplanation: report?.lagExplanation,
      failedAcceptances: u.failedEnterprises.flatMap((e) => (e.decidedOn && e.decidedOn >= start && e.decidedOn <= end ? [{ ...e, decidedOn: e.decidedOn }] : [])),
    },
    pack,
  );
  const value = evaluation && rankingValue(evaluation, pack.ranking.basis);
  if (value === undefined || !ranking) return { candidates, lagging: false };
  return { candidates, rank: rankFromSummary(ranking, value), lagging: atOrBelowThreshold(value, threshold) };
}
