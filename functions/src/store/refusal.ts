// A domain refusal raised inside a store use-case (often inside a transaction, which it aborts).
// api/errors.ts turns it into an HttpsError of the given kind with the Chinese message.
import type { Refusal } from "../domain/errors.js";

export class UseCaseRefusal extends Error {
  constructor(
    readonly refusal: Refusal,
    readonly kind: "failed-precondition" | "not-found" | "permission-denied" | "invalid-argument" | "resource-exhausted" = "failed-precondition",
  ) {
    super(refusal.message);
    this.name = "UseCaseRefusal";
  }
}
