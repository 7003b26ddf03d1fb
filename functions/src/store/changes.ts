// Reading change applications (GZ-4.6, DG-13, DG-14) and what a notice item says about one.
import type { Transaction } from "firebase-admin/firestore";
import { refused } from "../domain/errors.js";
import type { ChangeApplication } from "../domain/schemas/index.js";
import { collections } from "./collections.js";

/** The application, read in the transaction; refused when there is none. */
export async function readChange(tx: Transaction, programmeId: string, changeId: string) {
  const ref = collections.changes(programmeId).doc(changeId);
  const change = (await tx.get(ref)).data() ?? refused("CHANGE_NOT_FOUND", changeId);
  return { ref, change };
}

/** The names a notice item shows: the applying unit, and the partner a removal concerns. */
export async function readNoticeItemNames(tx: Transaction, programmeId: string, change: ChangeApplication) {
  const unit = (await tx.get(collections.units(programmeId).doc(change.unitId))).data();
  const partnerName =
    change.payload.type === "partnerRemove" ? (await tx.get(collections.partners(programmeId).doc(change.payload.partnerId))).data()?.name : undefined;
  return { unitName: unit?.name ?? change.unitId, partnerName };
}
