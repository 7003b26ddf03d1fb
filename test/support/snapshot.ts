// The whole emulator database as comparable text, to prove that a refused call wrote nothing.
// Small after the demo seed, so walking every collection is cheap enough for a test.
import { admin } from "./emulators.js";

/** Every document in the database, by path with its data, sorted. */
export async function allDocuments(): Promise<string[]> {
  const { db } = admin();
  const paths: string[] = [];
  const walk = async (cols: FirebaseFirestore.CollectionReference[]) => {
    for (const col of cols) {
      for (const ref of await col.listDocuments()) {
        const snap = await ref.get();
        if (snap.exists) paths.push(`${ref.path} ${JSON.stringify(snap.data())}`);
        await walk(await ref.listCollections());
      }
    }
  };
  await walk(await db.listCollections());
  return paths.sort();
}

/**
 * Waits until triggers set off by a test's own setup have finished: the database reads the same
 * twice in a row, some time apart. Then a later comparison sees only what the calls under test did.
 */
export async function settledDocuments(quietMs = 1_500, timeoutMs = 30_000): Promise<string[]> {
  const until = Date.now() + timeoutMs;
  let last = await allDocuments();
  for (;;) {
    await new Promise((r) => setTimeout(r, quietMs));
    const now = await allDocuments();
    if (JSON.stringify(now) === JSON.stringify(last)) return now;
    if (Date.now() > until) throw new Error("the database kept changing: a trigger did not finish");
    last = now;
  }
}
