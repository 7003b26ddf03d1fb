// What-if before adopting a settings version (GZ-3.4.2): each evaluation of a closed period is
// scored again from the inputs it stored, with the current and with the proposed model, and the
// differences that matter to a unit are listed — total, band, rank, pass/fail and the candidacies
// the result would raise (clear-out for a cumulative failure, interview for the lowest-ranked).
// Pure: it reads only what it is given, so a 2,000-unit period costs its evaluations and no more.
import { lowestRanked, rankOn } from "./ranking.js";
import { evaluate, type ReportingStatus } from "./scoring.js";
import { taskBookCompletion } from "./taskBookCompletion.js";
import type { PolicyPack, ScoringModel } from "./policy/schema.js";
import type { Evaluation } from "./schemas/index.js";

export interface WhatIfUnit {
  unitId: string;
  /** Failed evaluations of this unit in other periods (approved), for the cumulative clear-out ground. */
  failedElsewhere: number;
  evaluation: Pick<Evaluation, "periodId" | "judged" | "inputs" | "reporting">;
}

export interface Outcome {
  total: number;
  band: string;
  passed: boolean;
  /** undefined when the unit has no value on the pack's ranking basis (a task book without targets). */
  rank: number | undefined;
  clearOut: boolean;
  interview: boolean;
}

export interface WhatIfRow {
  unitId: string;
  current: Outcome;
  proposed: Outcome;
  changed: ChangeKind[];
}

export type ChangeKind = "total" | "band" | "rank" | "passed" | "clearOut" | "interview";

export const CHANGE_LABELS: Record<ChangeKind, string> = { total: "总分变化", band: "等级变化", rank: "名次变化", passed: "达标结论变化", clearOut: "清退候选变化", interview: "约谈名单变化" };

function outcomes(units: readonly WhatIfUnit[], model: ScoringModel, pack: PolicyPack): Map<string, Outcome> {
  const scored = units.map((u) => {
    const inputs = u.evaluation.inputs ?? { targets: {}, actuals: {}, complaints: { received: 0, closed: 0 } };
    const r = evaluate({ periodId: u.evaluation.periodId, targets: inputs.targets, actuals: inputs.actuals, reporting: (u.evaluation.reporting ?? "missing") as ReportingStatus, complaints: inputs.complaints, judged: u.evaluation.judged ?? [] }, model);
    // A stored judged score outside the proposed model's range counts as unscored (0), as the model would refuse it.
    const value = r.ok ? r.value : { total: 0, band: model.bands[model.bands.length - 1]?.label ?? "", passed: false };
    // DG-9.2: a pack ranking on task-book completion ranks on it whatever the scoring model says.
    const completion = taskBookCompletion(u.evaluation.periodId, inputs.targets, inputs.actuals, model);
    return { unitId: u.unitId, total: value.total, band: value.band, passed: value.passed, failedElsewhere: u.failedElsewhere, completion };
  });
  const ranked = rankOn(scored, pack.ranking.basis);
  const rankOf = new Map(ranked.map((r) => [r.unitId, r.rank]));
  const interviewed = new Set(pack.clauses.ranking ? lowestRanked(ranked, pack.lowestRankedCount).map((r) => r.unitId) : []);
  return new Map(scored.map((r) => [r.unitId, { total: r.total, band: r.band, passed: r.passed, rank: rankOf.get(r.unitId), clearOut: !r.passed && r.failedElsewhere + 1 >= pack.thresholds.failedEvaluations, interview: interviewed.has(r.unitId) }]));
}

export function whatIf(units: readonly WhatIfUnit[], current: PolicyPack, proposed: PolicyPack): { rows: WhatIfRow[]; counts: Record<ChangeKind, number> } {
  const before = outcomes(units, current.scoring, current);
  const after = outcomes(units, proposed.scoring, proposed);
  const counts: Record<ChangeKind, number> = { total: 0, band: 0, rank: 0, passed: 0, clearOut: 0, interview: 0 };
  const rows = units.map(({ unitId }) => {
    const c = before.get(unitId)!;
    const p = after.get(unitId)!;
    const changed = (Object.keys(counts) as ChangeKind[]).filter((k) => c[k] !== p[k]);
    for (const k of changed) counts[k]++;
    return { unitId, current: c, proposed: p, changed };
  });
  rows.sort((a, b) => (a.proposed.rank ?? Infinity) - (b.proposed.rank ?? Infinity) || (a.unitId < b.unitId ? -1 : 1));
  return { rows, counts };
}
