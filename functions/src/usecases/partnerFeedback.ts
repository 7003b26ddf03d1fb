// Per-partner counts (DG-16.2 unresolved complaints, DG-16.3 "dissatisfied" ratings), kept in the
// transaction that closes the complaint or records the rating. Reaching the pack's threshold
// proposes a partner removal through proposeCandidates, whose ids name the threshold crossing,
// so the proposal is raised once per crossing however often the step is replayed.
import type { Transaction } from "firebase-admin/firestore";
import { partnerCountGrounds } from "../domain/feedback.js";
import type { PolicyPack } from "../domain/policy/schema.js";
import type { PartnerStats } from "../domain/schemas/index.js";
import { systemActor } from "../store/audit.js";
import { proposeCandidates } from "../store/candidates.js";
import { collections } from "../store/collections.js";

interface PartnerFeedback {
  partnerId: string;
  unresolvedComplaintId?: string;
  dissatisfiedRatingId?: string;
}

/**
 * Reads, counts, proposes (as the system: the counts raise the proposal, not the person who closed
 * the complaint or rated); the caller must not have written in `tx` yet. Returns new proposal ids.
 */
export async function countPartnerFeedback(tx: Transaction, programmeId: string, pack: PolicyPack, unitId: string, items: readonly PartnerFeedback[], now: Date): Promise<string[]> {
  const relevant = items.filter((i) => i.unresolvedComplaintId || i.dissatisfiedRatingId);
  if (relevant.length === 0) return [];
  const ids = [...new Set(relevant.map((i) => i.partnerId))];
  const statRefs = ids.map((id) => collections.partnerStats(programmeId).doc(id));
  const partnerRefs = ids.map((id) => collections.partners(programmeId).doc(id));
  const [statSnaps, partnerSnaps] = await Promise.all([tx.getAll(...statRefs), tx.getAll(...partnerRefs)]);

  const updated: PartnerStats[] = ids.map((partnerId, i) => {
    const prior = statSnaps[i]!.data() ?? { unitId, partnerId, unresolvedComplaintIds: [], dissatisfiedRatingIds: [] };
    const mine = relevant.filter((r) => r.partnerId === partnerId);
    const add = (list: string[], more: (string | undefined)[]) => [...list, ...more.filter((x): x is string => !!x && !list.includes(x))];
    return {
      ...prior,
      unresolvedComplaintIds: add(prior.unresolvedComplaintIds, mine.map((m) => m.unresolvedComplaintId)),
      dissatisfiedRatingIds: add(prior.dissatisfiedRatingIds, mine.map((m) => m.dissatisfiedRatingId)),
    };
  });

  const inputs = updated.flatMap((s, i) =>
    partnerCountGrounds({ partnerId: s.partnerId, partnerName: partnerSnaps[i]!.data()?.name ?? s.partnerId, unresolvedComplaintIds: s.unresolvedComplaintIds, dissatisfiedRatingIds: s.dissatisfiedRatingIds }, pack).map((c) => ({
      candidate: c.candidate,
      unitId,
      scope: c.scope,
    })),
  );
  const created = await proposeCandidates(tx, programmeId, inputs, now, systemActor("partnerFeedback"));
  updated.forEach((s, i) => tx.set(statRefs[i]!, s));
  return created;
}
