// Ranking (DG-8, DG-9.2): standard competition ranking (1, 2, 2, 4) by total score, highest
// first. Tie-break for the *order* within a tie (ranks stay equal): unit id ascending by code
// unit, which is deterministic in every JavaScript engine and locale.
//
// For per-submission cost flat in the number of units, a period keeps a small summary — how
// many units hold each score (in hundredths) — and a unit's rank is 1 + the number of units with
// a higher score. A resubmission moves one count; nobody else's document is rewritten.

export interface RankInput {
  unitId: string;
  total: number;
}

export interface Ranked extends RankInput {
  rank: number;
}

const key = (total: number) => Math.round(total * 100);

export function rank<T extends RankInput>(evaluations: readonly T[]): (T & { rank: number })[] {
  const sorted = [...evaluations].sort((a, b) => key(b.total) - key(a.total) || (a.unitId < b.unitId ? -1 : a.unitId > b.unitId ? 1 : 0));
  const out: (T & { rank: number })[] = [];
  sorted.forEach((e, i) => {
    const prev = out[i - 1];
    out.push({ ...e, rank: prev && key(prev.total) === key(e.total) ? prev.rank : i + 1 });
  });
  return out;
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
 * DG-9.2: the lowest-ranked units to interview. Takes the last `count` positions and, so that
 * equal scores are treated equally, every unit tied with the last one taken.
 */
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
