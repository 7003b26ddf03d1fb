// Two runs racing for the same record (the nightly notice cycle and a staff run, say): Firestore
// lets one transaction win and retries the other, which then finds the record already decided.
// The emulator sometimes ends the losing transaction with INVALID_ARGUMENT "Transaction is
// invalid or closed" instead of ABORTED, which the SDK does not retry; this retries that case
// the same way. The transaction bodies are idempotent (they re-read and re-decide), so a retry
// is what the SDK would have done.
const lostRace = (err: unknown) => {
  const e = err as { code?: number | string; message?: string };
  return (e.code === 3 || e.code === "invalid-argument") && /Transaction is invalid or closed/.test(e.message ?? "");
};

export async function retryingLostRace<T>(run: () => Promise<T>, attempts = 5): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await run();
    } catch (err) {
      if (i >= attempts || !lostRace(err)) throw err;
    }
  }
}
