// The one way a use-case (in store/ or api/, often inside a transaction, which it aborts) carries
// a domain refusal — a coded, explained "no" — to the edge, where api/errors.ts turns it into an
// HttpsError of the given kind with the Chinese message.
import type { Refusal } from "../domain/errors.js";

export type RefusalKind = "failed-precondition" | "not-found" | "permission-denied" | "invalid-argument" | "resource-exhausted" | "already-exists" | "aborted";

export class Refused extends Error {
  constructor(
    readonly refusal: Refusal,
    readonly httpsCode: RefusalKind = "failed-precondition",
  ) {
    super(refusal.message);
    this.name = "Refused";
  }
}
