// What a report must contain before it can be submitted (GZ-3.4.1, DG-9.1): a value for every
// metric in the task book (DG-12: the task book is the basis of the report and the score) and,
// for a quarterly report behind the pro-rata target, an explanation (GZ-4.4a.3).
import { type PeriodId, proRataFraction } from "./periods.js";
import type { MetricKey } from "./policy/schema.js";
import { METRIC_LABELS, type MetricValues } from "./scoring.js";

/** Count metrics whose pro-rata target is not met (level2Share is a share and is not pro-rated). */
export function laggingMetrics(periodId: PeriodId, targets: MetricValues, actuals: MetricValues, lagFraction = 1): MetricKey[] {
  const fraction = proRataFraction(periodId);
  return (Object.entries(targets) as [MetricKey, number][])
    .filter(([metric, annual]) => annual > 0 && metric !== "reporting" && metric !== "complaintsClosed")
    .filter(([metric, annual]) => {
      const target = metric === "level2Share" ? annual : annual * fraction;
      return (actuals[metric] ?? 0) < target * lagFraction;
    })
    .map(([metric]) => metric);
}

export function missingReportFields(
  periodId: PeriodId,
  targets: MetricValues,
  report: { metrics: MetricValues; lagExplanation?: string },
  options: { requireLagExplanation: boolean },
): string[] {
  const missing = (Object.keys(targets) as MetricKey[])
    .filter((m) => report.metrics[m] === undefined)
    .map((m) => METRIC_LABELS[m]);
  if (options.requireLagExplanation && laggingMetrics(periodId, targets, report.metrics).length > 0 && !report.lagExplanation?.trim()) {
    missing.push("进度滞后说明及补救措施");
  }
  return missing;
}
