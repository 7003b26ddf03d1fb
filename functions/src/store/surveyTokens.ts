// Rating links: the token is shown once (in the link) and only its SHA-256 is stored, so a
// leaked database holds no usable link. A link names no programme; it is found by its hash.
import type { Transaction } from "firebase-admin/firestore";
import { collections } from "./collections.js";
import { hashToken, newSecretToken } from "./secretTokens.js";

export { hashToken };

/** 256 random bits, base64url (43 characters). */
export const newSurveyToken = newSecretToken;

/** The stored link with its programme, or undefined. Inside a transaction when `tx` is given. */
export async function findSurveyToken(token: string, tx?: Transaction) {
  const q = collections.allSurveyTokens().where("tokenHash", "==", hashToken(token)).limit(1);
  const snap = tx ? await tx.get(q) : await q.get();
  const doc = snap.docs[0];
  if (!doc) return undefined;
  const programmeId = doc.ref.parent.parent!.id;
  return { ref: doc.ref, programmeId, data: doc.data() };
}
