// Figures that come from records, not from typing (GZ-2.2.4 / DG-6.3 diagnoses, GZ-2.2.5 / DG-6.4
// enterprises transformed and the share at digital level 2 or above): they are counted from the
// report's per-enterprise rows, for the pilot enterprises the registry lists as served by the
// unit. A number the unit types for one of them is not a figure: the rules refuse it, and the
// submission replaces whatever a stored report holds with the count. The portal's form, the
// unit's dashboard and the submission trigger all count here.
import type { MetricKey } from "./policy/schema.js";
import type { MetricValues } from "./scoring.js";

/** The metrics counted from the per-enterprise rows; never typed. */
export const ROW_METRICS = ["enterprisesTransformed", "diagnoses", "level2Share"] as const satisfies readonly MetricKey[];
export type RowMetric = (typeof ROW_METRICS)[number];
export const isRowMetric = (m: MetricKey): m is RowMetric => (ROW_METRICS as readonly MetricKey[]).includes(m);

/** One pilot enterprise's line in a report, as far as the figures need it. */
export interface ProgressRow {
  enterpriseId: string;
  diagnosisDone: boolean;
  /** The digital level after transformation (1–4); a row with one counts as transformed. */
  levelAfter?: number;
}

export interface RowFigures {
  diagnoses: number;
  /** Enterprises with an after-level recorded, i.e. transformation done. */
  enterprisesTransformed: number;
  atLevel2OrAbove: number;
  /** atLevel2OrAbove / enterprisesTransformed; 0 when none transformed. */
  level2Share: number;
  /** Rows left out: an enterprise the registry does not list as served by the unit, or a second row for one. */
  ignored: string[];
}

/** Counts the rows of enterprises in `served` (each enterprise once: its first row). */
export function rowFigures(rows: readonly ProgressRow[], served: Iterable<string>): RowFigures {
  const servedIds = new Set(served);
  const seen = new Set<string>();
  const counted: ProgressRow[] = [];
  const ignored: string[] = [];
  for (const r of rows) {
    if (!servedIds.has(r.enterpriseId) || seen.has(r.enterpriseId)) ignored.push(r.enterpriseId);
    else counted.push(r);
    seen.add(r.enterpriseId);
  }
  const transformed = counted.filter((r) => r.levelAfter !== undefined && r.levelAfter !== null);
  const atLevel2OrAbove = transformed.filter((r) => (r.levelAfter ?? 0) >= 2).length;
  return {
    diagnoses: counted.filter((r) => r.diagnosisDone).length,
    enterprisesTransformed: transformed.length,
    atLevel2OrAbove,
    level2Share: transformed.length === 0 ? 0 : atLevel2OrAbove / transformed.length,
    ignored,
  };
}

/** The report's metrics as counted: what the unit typed for the other metrics, and the row figures in place of anything typed for these. */
export function reportMetrics(typed: MetricValues, rows: readonly ProgressRow[], served: Iterable<string>): MetricValues {
  const f = rowFigures(rows, served);
  return { ...typedMetrics(typed), enterprisesTransformed: f.enterprisesTransformed, diagnoses: f.diagnoses, level2Share: f.level2Share };
}

/** What the unit itself may type: everything but the row figures. */
export function typedMetrics(metrics: MetricValues): MetricValues {
  return Object.fromEntries(Object.entries(metrics).filter(([m]) => !isRowMetric(m as MetricKey))) as MetricValues;
}
