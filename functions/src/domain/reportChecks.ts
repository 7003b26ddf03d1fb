// What a report must contain before it can be submitted (GZ-3.4.1, DG-9.1): a value for every
// metric in the task book (DG-12: the task book is the basis of the report and the score) and,
// for a report behind the pro-rata target, an explanation (GZ-4.4a.3). "Behind" is ONE rule
// (laggingMetrics, with the pack's progressLagFraction): the submission trigger, the period-close
// grounds, the staff's review table and the unit's form all ask it. The metrics passed in are the
// report's as counted (enterpriseMetrics.reportMetrics: row figures, not typed numbers). An
// optional duty (GZ-2.2.6–2.2.10, DG-6.5–6.8) counts only when the period's scoring model has it
// (duties.ts): a target for one that is not configured asks nothing.
import { configuredTargets } from "./duties.js";
import { refuse, type Refusal } from "./errors.js";
import { isPeriodId, type PeriodId, periodBounds, periodOf, proRataFraction } from "./periods.js";
import type { Cadence, MetricKey, PolicyPack } from "./policy/schema.js";
import { type MetricValues } from "./scoring.js";
import type { PeriodState } from "./states.js";
import { cadenceWords, metricWords } from "./words.js";

/** What a metric's annual target asks by the end of this period: pro rata, except level2Share, a share. */
export function proRataTarget(metric: MetricKey, annual: number, periodId: PeriodId): number {
  return metric === "level2Share" ? annual : annual * proRataFraction(periodId);
}

/**
 * GZ-4.4a.3 进度滞后: the task-book metrics below the pack's fraction (thresholds.progressLagFraction)
 * of what is due by the end of the period. Reporting and complaints are conduct, not progress.
 */
export function laggingMetrics(periodId: PeriodId, targets: MetricValues, actuals: MetricValues, pack: Pick<PolicyPack, "thresholds" | "scoring">): MetricKey[] {
  const fraction = pack.thresholds.progressLagFraction;
  return (Object.entries(configuredTargets(targets, pack.scoring)) as [MetricKey, number][])
    .filter(([metric, annual]) => annual > 0 && metric !== "reporting" && metric !== "complaintsClosed")
    .filter(([metric, annual]) => (actuals[metric] ?? 0) < proRataTarget(metric, annual, periodId) * fraction)
    .map(([metric]) => metric);
}

/**
 * GZ-4.4a.3: a programme whose pack has the progress-lag clause asks for an explanation when a
 * report is behind its pro-rata target (Dongguan's 管理办法 has no such clause). The server's
 * check, the portal's form and its dashboard all ask here.
 */
export const lagExplanationRequired = (pack: Pick<PolicyPack, "clauses">): boolean => pack.clauses.progressLag !== null;

/** The metrics a report must explain (empty when the programme asks for no explanation). */
export function metricsNeedingExplanation(periodId: PeriodId, targets: MetricValues, actuals: MetricValues, pack: Pick<PolicyPack, "clauses" | "thresholds" | "scoring">): MetricKey[] {
  return lagExplanationRequired(pack) ? laggingMetrics(periodId, targets, actuals, pack) : [];
}

/** What is still missing; `report.metrics` are the counted ones (row figures included). */
export function missingReportFields(periodId: PeriodId, targets: MetricValues, report: { metrics: MetricValues; lagExplanation?: string }, pack: Pick<PolicyPack, "clauses" | "thresholds" | "scoring">): string[] {
  const missing: string[] = (Object.keys(configuredTargets(targets, pack.scoring)) as MetricKey[]).filter((m) => report.metrics[m] === undefined).map((m) => metricWords[m]);
  if (metricsNeedingExplanation(periodId, targets, report.metrics, pack).length > 0 && !report.lagExplanation?.trim()) {
    missing.push("进度滞后说明及补救措施");
  }
  return missing;
}

/**
 * Issue 16.2 (GZ-3.4.1, DG-9.1): a report is received only for a period of the programme's own
 * cadence (quarterly 2026-Q4, half-yearly 2026-H1, annual 2026) that the functions opened and
 * that is still open — the same test as firestore.rules' `periodOpen`, asked again by the report
 * triggers for documents the rules never saw (admin-written, legacy).
 */
export function reportPeriodRefusal(periodId: string, period: { cadence: Cadence; state: PeriodState } | undefined, pack: Pick<PolicyPack, "cadence">): Refusal | undefined {
  if (!isPeriodId(periodId)) return refuse("INVALID_PERIOD", periodId);
  const bounds = periodBounds(periodId);
  if (bounds.cadence !== pack.cadence) {
    const example = periodOf(bounds.start, pack.cadence);
    return refuse("REPORT_PERIOD_CADENCE", `本专项按${cadenceWords[pack.cadence]}报送（期次如 ${example}），${periodId} 是${cadenceWords[bounds.cadence]}期次`);
  }
  if (!period) return refuse("REPORT_PERIOD_UNKNOWN", periodId);
  if (period.cadence !== bounds.cadence) return refuse("REPORT_PERIOD_CADENCE", `${periodId} 的期次记录为${cadenceWords[period.cadence]}`);
  if (period.state === "closed") return refuse("REPORT_PERIOD_CLOSED");
  if (period.state !== "open") return refuse("REPORT_PERIOD_NOT_OPEN");
  return undefined;
}
