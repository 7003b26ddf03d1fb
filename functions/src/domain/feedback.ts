// Pilot-enterprise rating links and per-partner feedback counts (GZ-3.3, DG-16.2, DG-16.3).
// The store keeps, per partner, the ids of complaints closed as not effectively resolved and of
// "dissatisfied" ratings, so a threshold is checked without reading every complaint.
import { addDays, type IsoDate } from "./dates.js";
import type { Candidate } from "./grounds.js";
import { partnerGrounds } from "./grounds.js";
import type { PolicyPack } from "./policy/schema.js";

/** Configuration: a rating link stays valid for 30 calendar days after it is issued. */
export const SURVEY_LINK_VALID_DAYS = 30;

export const surveyLinkExpiry = (issuedOn: IsoDate): IsoDate => addDays(issuedOn, SURVEY_LINK_VALID_DAYS);

export type SurveyLinkState = "valid" | "used" | "expired" | "invalid";

export const surveyLinkMessages: Record<Exclude<SurveyLinkState, "valid">, string> = {
  used: "该评价链接已使用，每个链接只能评价一次。",
  expired: "该评价链接已过期，请联系本专项工作人员重新获取。",
  invalid: "该评价链接无效，请核对链接是否完整。",
};

export function surveyLinkState(token: { usedAt?: Date; expiresOn: IsoDate } | undefined, today: IsoDate): SurveyLinkState {
  if (!token) return "invalid";
  if (token.usedAt) return "used";
  if (today > token.expiresOn) return "expired";
  return "valid";
}

export interface PartnerCounts {
  partnerId: string;
  partnerName: string;
  unresolvedComplaintIds: readonly string[];
  dissatisfiedRatingIds: readonly string[];
}

export interface CountedCandidate {
  candidate: Candidate;
  /**
   * Which crossing of the threshold this is: the 2nd and 3rd unresolved complaint are crossing 1,
   * the 4th and 5th crossing 2. A proposal is raised once per crossing, so a third complaint adds
   * nothing while a dismissed proposal can be followed by a new one after two more.
   */
  scope: string;
}

/** DG-16.2 / DG-16.3 from the kept counts, via grounds.ts `partnerGrounds`. */
export function partnerCountGrounds(c: PartnerCounts, pack: PolicyPack): CountedCandidate[] {
  const facts = {
    partnerId: c.partnerId,
    partnerName: c.partnerName,
    complaints: c.unresolvedComplaintIds.map((id) => ({ id, status: "closed" as const, effectivelyResolved: false })),
    ratings: c.dissatisfiedRatingIds.map((id) => ({ id, value: "dissatisfied" as const })),
  };
  return partnerGrounds(facts, pack).map((candidate) => {
    const isComplaints = candidate.clause === pack.clauses.unresolvedComplaints;
    const n = isComplaints ? c.unresolvedComplaintIds.length : c.dissatisfiedRatingIds.length;
    const threshold = isComplaints ? pack.thresholds.unresolvedComplaints : pack.thresholds.dissatisfiedRatings;
    return { candidate, scope: `crossing${Math.floor(n / threshold)}` };
  });
}

/** The clause a complaint record is kept under: the partner rule (DG-16.2) or the unit's complaint ground (GZ-4.4a.1). */
export function complaintClause(pack: PolicyPack): string | undefined {
  return pack.clauses.unresolvedComplaints ?? pack.clauses.complaintGround ?? undefined;
}

/** The clause a satisfaction rating is kept under: DG-16.3 in Dongguan, GZ-3.3 in Guangzhou. */
export function ratingClause(pack: PolicyPack): string {
  return pack.clauses.dissatisfiedRatings ?? pack.clauses.evaluation;
}

export type RatingValue = "satisfied" | "basicallySatisfied" | "dissatisfied";

/**
 * Points a rating counts for in the average staff read (满意 3, 基本满意 2, 不满意 1): a display
 * convention, not a regulation rule — DG-16.3 counts the 不满意 ratings, and so does the system.
 */
export const RATING_POINTS: Readonly<Record<RatingValue, number>> = { satisfied: 3, basicallySatisfied: 2, dissatisfied: 1 };

export interface RatingTally {
  count: number;
  byValue: Record<RatingValue, number>;
  /** Mean of RATING_POINTS, null with no rating. */
  average: number | null;
}

/** How a subject (a unit or a partner) was rated: how many of each, how many in all, the mean. */
export function tallyRatings(ratings: readonly { value: RatingValue }[]): RatingTally {
  const byValue: Record<RatingValue, number> = { satisfied: 0, basicallySatisfied: 0, dissatisfied: 0 };
  for (const r of ratings) byValue[r.value] += 1;
  const count = ratings.length;
  const points = ratings.reduce((sum, r) => sum + RATING_POINTS[r.value], 0);
  return { count, byValue, average: count === 0 ? null : points / count };
}

/**
 * The ratings grouped by what they rate — the unit (key "unit:<id>") or a partner ("partner:<id>")
 * — each with its tally. A partner's rating is of the partner only, never of its unit.
 */
export function tallyBySubject<R extends { unitId: string; partnerId?: string; value: RatingValue }>(ratings: readonly R[]): Map<string, { kind: "unit" | "partner"; id: string; unitId: string; tally: RatingTally }> {
  const groups = new Map<string, { kind: "unit" | "partner"; id: string; unitId: string; rows: R[] }>();
  for (const r of ratings) {
    const key = r.partnerId ? `partner:${r.partnerId}` : `unit:${r.unitId}`;
    const g = groups.get(key) ?? { kind: r.partnerId ? ("partner" as const) : ("unit" as const), id: r.partnerId ?? r.unitId, unitId: r.unitId, rows: [] };
    g.rows.push(r);
    groups.set(key, g);
  }
  return new Map([...groups].map(([k, g]) => [k, { kind: g.kind, id: g.id, unitId: g.unitId, tally: tallyRatings(g.rows) }]));
}
