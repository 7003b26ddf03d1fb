// Ranking (DG-8, DG-9.2): standard competition ranking (1, 2, 2, 4) by the value the pack ranks
// on (`pack.ranking.basis`: the total score, or task-book completion % in Dongguan), highest
// first. Tie-break for the *order* within a tie (ranks stay equal): unit id ascending by code
// unit, which is deterministic in every JavaScript engine and locale.
//
// For per-submission cost flat in the number of units, a period keeps a small summary — how
// many units hold each score (in hundredths) — and a unit's rank is 1 + the number of units with
// a higher score. A resubmission moves one count; nobody else's document is rewritten.

import type { RankingBasis } from "./policy/schema.js";

export interface RankInput {
  unitId: string;
  total: number;
}

export interface Ranked extends RankInput {
  rank: number;
}

const key = (total: number) => Math.round(total * 100);

export function rank<T extends RankInput>(evaluations: readonly T[]): (T & { rank: number })[] {
  return rankBy(evaluations, (e) => e.total);
}

/** Competition ranking of `items` by `valueOf`, highest first; ties share a rank, order within a tie by unit id. */
export function rankBy<T extends { unitId: string }>(items: readonly T[], valueOf: (item: T) => number): (T & { rank: number })[] {
  const v = (x: T) => key(valueOf(x));
  const sorted = [...items].sort((a, b) => v(b) - v(a) || (a.unitId < b.unitId ? -1 : a.unitId > b.unitId ? 1 : 0));
  const out: (T & { rank: number })[] = [];
  sorted.forEach((e, i) => {
    const prev = out[i - 1];
    out.push({ ...e, rank: prev && v(prev) === v(e) ? prev.rank : i + 1 });
  });
  return out;
}

/** What an evaluation carries that a ranking may be on: its total and its task-book completion. */
export interface RankedOn {
  total: number;
  completion?: { percent: number | null };
}

/**
 * The value a unit is ranked on under the pack's basis. undefined when it cannot be ranked on it:
 * under DG-9.2's task-book completion, a unit whose task book sets no target has no completion.
 */
export function rankingValue(e: RankedOn, basis: RankingBasis): number | undefined {
  if (basis === "total") return e.total;
  return e.completion?.percent ?? undefined;
}

/** The period's ranking on the pack's basis: units without a value on it are left out (no rank). */
export function rankOn<T extends RankedOn & { unitId: string }>(evaluations: readonly T[], basis: RankingBasis): (T & { rank: number; value: number })[] {
  const valued = evaluations.flatMap((e) => {
    const value = rankingValue(e, basis);
    return value === undefined ? [] : [{ ...e, value }];
  });
  return rankBy(valued, (e) => e.value);
}

/** Score (hundredths, as a string key) → number of units with that score. */
export type ScoreSummary = Readonly<Record<string, number>>;

export function summarise(evaluations: readonly RankInput[]): ScoreSummary {
  return evaluations.reduce<ScoreSummary>((s, e) => updateSummary(s, undefined, e.total), {});
}

/** Moves one unit's score in the summary: `before` undefined for a first submission, `after` undefined to drop it. */
export function updateSummary(summary: ScoreSummary, before: number | undefined, after: number | undefined): ScoreSummary {
  const next: Record<string, number> = { ...summary };
  if (before !== undefined) {
    const k = String(key(before));
    const left = (next[k] ?? 0) - 1;
    if (left > 0) next[k] = left;
    else delete next[k];
  }
  if (after !== undefined) {
    const k = String(key(after));
    next[k] = (next[k] ?? 0) + 1;
  }
  return next;
}

/** Competition rank of `total` within the summary: 1 + units scoring strictly higher. */
export function rankFromSummary(summary: ScoreSummary, total: number): number {
  const k = key(total);
  let higher = 0;
  for (const [score, n] of Object.entries(summary)) if (Number(score) > k) higher += n;
  return higher + 1;
}

/**
 * DG-9.2 排名落后: the `count` lowest-ranked units, ties at the cut-off included. "Behind" means
 * behind someone: a unit ranked first is never lagging, so when every unit ties nobody is listed.
 */
export function lowestRanked<T extends Ranked>(ranked: readonly T[], count: number): T[] {
  if (count <= 0 || ranked.length === 0) return [];
  const sorted = [...ranked].sort((a, b) => a.rank - b.rank);
  const cutoff = sorted[Math.max(0, sorted.length - count)];
  if (!cutoff) return [];
  return sorted.filter((r) => r.rank >= cutoff.rank && r.rank > 1);
}

/**
 * DG-9.2 from the summary alone: the score (in hundredths) at or below which a unit is among the
 * `count` lowest-ranked, ties at the cut-off included — the same set `lowestRanked` picks, found
 * without reading every evaluation. undefined when nobody is ranked or count is 0.
 */
export function lowestRankedThreshold(summary: ScoreSummary, count: number): number | undefined {
  if (count <= 0) return undefined;
  const ascending = Object.entries(summary)
    .map(([score, n]) => [Number(score), n] as const)
    .filter(([, n]) => n > 0)
    .sort((a, b) => a[0] - b[0]);
  // The top score is rank 1: never behind. With one score (everyone ties) nobody is listed.
  const belowTop = ascending.slice(0, -1);
  let taken = 0;
  for (const [score, n] of belowTop) {
    taken += n;
    if (taken >= count) return score;
  }
  return belowTop[belowTop.length - 1]?.[0];
}

export const atOrBelowThreshold = (total: number, threshold: number | undefined) => threshold !== undefined && key(total) <= threshold;
