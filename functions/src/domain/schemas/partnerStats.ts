import { z } from "zod";
import { idOf } from "./common.js";

/**
 * Per-partner feedback counts (DG-16.2, DG-16.3), kept in the same transaction that closes a
 * complaint or records a rating, so thresholds are checked without reading every complaint.
 * Ids rather than bare numbers: adding an id twice changes nothing, and the proposal's evidence
 * can name the complaints.
 */
export const partnerStatsSchema = z.object({
  unitId: idOf("牵引单位编号"),
  partnerId: idOf("合作伙伴编号"),
  unresolvedComplaintIds: z.array(idOf("投诉编号")).default([]),
  dissatisfiedRatingIds: z.array(idOf("评价编号")).default([]),
});
export type PartnerStats = z.infer<typeof partnerStatsSchema>;
