// Which required documents a change application still lacks (GZ-4.6.1, DG-13). The uploads
// work (issue 7) will provide its own `missingDocumentsFor`; until then this reads the
// `documents` metadata whose target is the change and lets the domain decide. Swap the import
// in store/changes.ts when that lands; the signature is the same.
import type { Transaction } from "firebase-admin/firestore";
import { shanghaiDate } from "../domain/dates.js";
import { missingDocuments } from "../domain/requiredDocuments.js";
import { collections } from "./collections.js";
import { loadProgrammeContext } from "./programmeContext.js";

export async function missingDocumentsFor(tx: Transaction, programmeId: string, changeId: string, today = shanghaiDate(new Date())): Promise<string[]> {
  const ctx = await loadProgrammeContext(programmeId, tx);
  const change = (await tx.get(collections.changes(programmeId).doc(changeId))).data();
  if (!change) return [];
  const docs = await tx.get(collections.documents(programmeId).where("target.kind", "==", "change").where("target.id", "==", changeId));
  // Only the applying unit's own files count.
  const attached = docs.docs.map((d) => d.data()).filter((d) => d.ownerUnitId === change.unitId);
  return missingDocuments(change.type, attached, ctx.pack, today);
}
