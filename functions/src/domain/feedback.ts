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
