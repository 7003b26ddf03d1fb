// Reading objections to a notice (GZ-4.6.3, DG-14) and the fixed-window counters that limit how
// many the public may file (rateLimits, closed to every client).
import type { Transaction } from "firebase-admin/firestore";
import { refused } from "../domain/errors.js";
import { collections } from "./collections.js";

export async function readObjections(tx: Transaction, programmeId: string, noticeId: string) {
  return (await tx.get(collections.objections(programmeId, noticeId))).docs.map((d) => ({ id: d.id, ...d.data() }));
}

/** One objection, read in the transaction; refused when there is none. */
export async function readObjection(tx: Transaction, programmeId: string, noticeId: string, objectionId: string) {
  const ref = collections.objections(programmeId, noticeId).doc(objectionId);
  const objection = (await tx.get(ref)).data() ?? refused("OBJECTION_NOT_FOUND", objectionId);
  return { ref, objection };
}

/** The named objections of one notice, read together in the transaction (`objection` undefined where there is none). */
export async function readObjectionsById(tx: Transaction, programmeId: string, noticeId: string, objectionIds: readonly string[]) {
  const refs = objectionIds.map((id) => collections.objections(programmeId, noticeId).doc(id));
  const snaps = refs.length ? await tx.getAll(...refs) : [];
  return refs.map((ref, i) => ({ id: ref.id, ref, objection: snaps[i]!.data() }));
}

/** The counters under `keys` (0 where none was written yet). */
export async function readRateLimitCounts(tx: Transaction, keys: readonly string[]) {
  const refs = keys.map((key) => collections.rateLimits().doc(key));
  const counts = (await tx.getAll(...refs)).map((s) => (s.data() as { count?: number } | undefined)?.count ?? 0);
  return { refs, counts };
}
