// Counts from the per-enterprise project records (GZ-2.2.4 / DG-6.3 diagnoses, GZ-2.2.5 /
// DG-6.4 digital level 2+, GZ-2.2.12 acceptance), used to fill and check report metrics.
import type { AcceptanceState } from "./states.js";

export interface EnterpriseRecord {
  diagnosisDone: boolean;
  levelBefore?: number;
  levelAfter?: number;
  onCloud?: boolean;
  acceptance: AcceptanceState;
}

export interface EnterpriseCounts {
  diagnoses: number;
  /** Enterprises with an after-level recorded, i.e. transformation done. */
  enterprisesTransformed: number;
  atLevel2OrAbove: number;
  /** atLevel2OrAbove / enterprisesTransformed; 0 when none transformed. */
  level2Share: number;
  cloudEnterprises: number;
  acceptancePassed: number;
  acceptanceFailed: number;
}

export function countEnterprises(records: readonly EnterpriseRecord[]): EnterpriseCounts {
  const transformed = records.filter((r) => r.levelAfter !== undefined);
  const atLevel2OrAbove = transformed.filter((r) => (r.levelAfter ?? 0) >= 2).length;
  return {
    diagnoses: records.filter((r) => r.diagnosisDone).length,
    enterprisesTransformed: transformed.length,
    atLevel2OrAbove,
    level2Share: transformed.length === 0 ? 0 : atLevel2OrAbove / transformed.length,
    cloudEnterprises: records.filter((r) => r.onCloud).length,
    acceptancePassed: records.filter((r) => r.acceptance === "passed").length,
    acceptanceFailed: records.filter((r) => r.acceptance === "failed").length,
  };
}
