// A role change revokes the person's sessions (usecases/grantRole.ts) and records when in
// tokenRevocations/{uid}. An ID token issued to a session that signed in before that still
// carries the old claims for up to an hour; callables refuse it here, as firestore.rules does
// (`auth_time` is the session's sign-in time in whole seconds).
import { collections } from "../store/collections.js";
import type { Deps } from "./deps.js";

export async function sessionRevoked(_deps: Deps, uid: string, authTime: unknown): Promise<boolean> {
  const revocation = (await collections.tokenRevocations().doc(uid).get()).data();
  if (!revocation) return false;
  return typeof authTime !== "number" || authTime < revocation.tokensValidAfter;
}
