// Turning any failure into one readable Chinese sentence, without loading any Firebase SDK (the
// portal's forms use it for Firestore refusals, the callables for theirs).
// .js: test/unit/errorText.test.ts loads this file under NodeNext resolution too.
import { t } from "./strings.js";

export class CallError extends Error {
  constructor(
    message: string,
    readonly code: string,
  ) {
    super(message);
  }
}

// Firestore's own refusals (the security rules, the network) come in English; people here read
// what they mean instead.
const FIRESTORE_ERRORS: Record<string, string> = t.errors.firestore;

/** One readable Chinese sentence for any failure. */
export function errorText(err: unknown): string {
  if (err instanceof CallError) return err.message;
  const code = String((err as { code?: unknown } | null)?.code ?? "").replace(/^(firestore|functions)\//, "");
  if (FIRESTORE_ERRORS[code]) return FIRESTORE_ERRORS[code];
  const message = err instanceof Error ? err.message : String(err);
  return /[\u4e00-\u9fff]/.test(message) ? message : t.errors.generic;
}
