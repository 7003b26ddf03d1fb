// Notifications to a unit about its own proceedings that several writers create (issue 18.1):
// one place, a fixed id, so the trigger mails it once (onNotificationCreated) however often a
// writer runs. Write-only: call after the transaction's reads.
import type { Transaction } from "firebase-admin/firestore";
import { clearOutProposedNotice } from "../domain/proceedingNotices.js";
import { collections } from "./collections.js";

/** GZ-4.4b / DG-10: tell the unit a clear-out was proposed against it. */
export function notifyClearOutProposed(tx: Transaction, programmeId: string, proceedingId: string, p: { unitId: string; ground: string }, now: Date): void {
  const n = clearOutProposedNotice(proceedingId, p.ground);
  tx.set(collections.notifications(programmeId).doc(n.id), { toUnitId: p.unitId, kind: "proceeding", title: n.title, body: n.body, link: `/portal/proceedings/${proceedingId}`, createdAt: now });
}
