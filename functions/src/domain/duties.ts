// The units' optional duties (GZ-2.2.6–2.2.10: transformation platforms, digital workshops and
// smart factories, typical cases and "chain" models, 专精特新 firms and industrial clusters, talent
// training, matchmaking and exchange events; DG-6.5–6.8: the city platform, typical cases, talent
// training, related activities). Each is a count the task book may set a target for. A duty is
// CONFIGURED for a period when the scoring model of that period's settings has a metric part for
// it (the work group adds it in the settings, GZ-3.4.2; each pack says which duty keys its
// regulation has, `duties`). Only configured duties are asked in the report, shown in the review,
// scored, counted in the task-book completion, checked for lag and required for completeness; a
// target or a count of a duty that is not configured is kept but decides nothing.
import type { DutyMetric, MetricKey, PolicyPack, ScoringModel } from "./policy/schema.js";
import { dutyMetricSchema } from "./policy/schema.js";
import type { MetricValues } from "./scoring.js";

export const DUTY_METRICS: readonly DutyMetric[] = dutyMetricSchema.options;

/** A duty count is a whole number: more than this many in one year is a typing error. */
export const MAX_DUTY_COUNT = 10000;
/** What was done for a duty (names and dates), beside its count: at most this many characters. */
export const MAX_DUTY_NOTE = 1000;

export const isDutyMetric = (m: string): m is DutyMetric => (DUTY_METRICS as readonly string[]).includes(m);

/** The duties the model scores (a metric part for them), in the regulation's order. */
export function configuredDuties(model: Pick<ScoringModel, "dimensions">): DutyMetric[] {
  const used = new Set(model.dimensions.flatMap((d) => d.parts.flatMap((p) => (p.kind === "metric" ? [p.metric] : []))));
  return DUTY_METRICS.filter((m) => used.has(m));
}

/** Whether a metric counts for a period with this model: every other metric does, a duty only when configured. */
export function metricCounts(metric: MetricKey, model: Pick<ScoringModel, "dimensions">): boolean {
  return !isDutyMetric(metric) || configuredDuties(model).includes(metric);
}

/** The task book's targets as the period's settings see them: without the duties the model does not score. */
export function configuredTargets(targets: MetricValues, model: Pick<ScoringModel, "dimensions">): MetricValues {
  return Object.fromEntries(Object.entries(targets).filter(([m]) => metricCounts(m as MetricKey, model))) as MetricValues;
}

/** The metrics a unit reports in the form's order: the task book's core ones, then the configured duties. */
const CORE: readonly MetricKey[] = ["enterprisesTransformed", "diagnoses", "cloudEnterprises", "level2Share", "solutions"];

/**
 * What the report asks: the core metrics the task book sets a target for (all of them when it
 * sets none), and every configured duty (with or without a target: without one it is reported
 * but not scored, as the form says).
 */
export function reportedMetrics(targets: MetricValues, model: Pick<ScoringModel, "dimensions">): MetricKey[] {
  const none = Object.keys(targets).length === 0;
  return [...CORE.filter((m) => none || targets[m] !== undefined), ...configuredDuties(model)];
}

/** The clauses of the pack that a duty metric counts (GZ-2.2.10 for training and for events…). */
export function dutyClauses(pack: Pick<PolicyPack, "duties">, metric: DutyMetric): string[] {
  return pack.duties.filter((d) => d.metrics.includes(metric)).map((d) => d.clause);
}

/** The duty metrics this pack's regulation lists (the only ones the settings may add). */
export function packDuties(pack: Pick<PolicyPack, "duties">): DutyMetric[] {
  const listed = new Set(pack.duties.flatMap((d) => d.metrics));
  return DUTY_METRICS.filter((m) => listed.has(m));
}
