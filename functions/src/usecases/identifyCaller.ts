// Who sent an HTTPS request: its Firebase ID token (`Authorization: Bearer …`) verified with
// firebase-admin. Callables get this from the platform; the upload endpoint asks here.
import type { DecodedIdToken } from "firebase-admin/auth";
import { auth } from "../store/admin.js";

/** The verified token, or undefined when it is forged, expired or revoked. */
export async function identifyCaller(idToken: string): Promise<DecodedIdToken | undefined> {
  // checkRevoked: a session revoked by a role change (usecases/grantRole.ts) is refused, as in the rules.
  return auth.verifyIdToken(idToken, true).catch(() => undefined);
}
