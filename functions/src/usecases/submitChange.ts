// A unit member submits its drafted change application (GZ-4.6.0, GZ-4.6.1, DG-13, DG-14). Clients
// may only draft (firestore.rules); submission checks the required documents here — and, for a
// removal, that the partner is the unit's own and still on its list — and assigns the review batch
// (GZ-4.7, DG-15).
import type { z } from "zod";
import { removalRefusal } from "../domain/applyChange.js";
import { changeMachine } from "../domain/change.machine.js";
import { shanghaiDate } from "../domain/dates.js";
import { Refused, refused } from "../domain/errors.js";
import { missingDocuments } from "../domain/requiredDocuments.js";
import { reviewBatchId } from "../domain/reviewBatches.js";
import type { submitChangeRequestSchema } from "../domain/schemas/index.js";
import { appendAudit } from "../store/audit.js";
import { readChange } from "../store/changes.js";
import { collections } from "../store/collections.js";
import { currentDocumentOf, currentDocuments } from "../store/documents.js";
import { loadProgrammeContext } from "../store/programmeContext.js";
import type { Acting, Deps } from "./deps.js";
import { changeContext } from "./machineContexts.js";

export type SubmitChangeInput = z.infer<typeof submitChangeRequestSchema>;

/** Refused with the list of missing documents; otherwise the application joins its review batch. */
export async function submitChange(deps: Deps, input: SubmitChangeInput, acting: Acting & { unitId: string }) {
  const { programmeId, changeId } = input;
  const { unitId, ...actor } = acting;
  const now = deps.clock();
  const today = shanghaiDate(now);
  return deps.db.runTransaction(async (tx) => {
    const ctx = await loadProgrammeContext(programmeId, tx, deps.calendar);
    const { ref, change } = await readChange(tx, programmeId, changeId);
    if (change.unitId !== unitId) refused("OWN_UNIT_ONLY");
    if (change.payload.type === "partnerRemove") {
      const { partnerId } = change.payload;
      const refusal = removalRefusal((await tx.get(collections.partners(programmeId).doc(partnerId))).data(), unitId, partnerId);
      if (refusal) throw new Refused(refusal);
    }
    // What the application still lacks, from the current version of each document (GZ-4.6.1, DG-13).
    const docs = await currentDocuments(tx, programmeId, "change", changeId);
    const missing = missingDocuments(change.type, docs.map(currentDocumentOf), ctx.packOn(today), today);
    const t = changeMachine.transition(change.state, { type: "submit" }, changeContext(ctx, today, change, missing));
    if (!t.ok) throw new Refused(t);
    const batch = reviewBatchId(today, ctx.packOn(today));
    tx.set(ref, { ...change, state: t.next, submittedOn: today, reviewBatchId: batch, clause: t.clause });
    appendAudit(tx, programmeId, `change-${changeId}-submit-${now.getTime()}`, {
      at: now,
      actor,
      action: "change.submitted",
      entity: ref.path,
      before: { state: change.state },
      after: { state: t.next, reviewBatchId: batch },
      clause: t.clause,
    });
    return { state: t.next, reviewBatchId: batch };
  });
}
