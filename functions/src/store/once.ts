// Exactly-once effects for triggers. Firestore delivers events at least once, so a trigger's
// writes and a marker `processedEvents/{eventId}` are committed in one transaction: a redelivered
// event finds the marker and changes nothing.
import type { Firestore, Transaction } from "firebase-admin/firestore";

export async function onceInTransaction(db: Firestore, eventId: string, at: Date, work: (tx: Transaction) => Promise<void>): Promise<boolean> {
  return db.runTransaction(async (tx) => {
    const marker = db.collection("processedEvents").doc(eventId);
    if ((await tx.get(marker)).exists) return false;
    await work(tx);
    // create() after the work's own reads: transactions need every read before the first write.
    tx.create(marker, { at });
    return true;
  });
}
