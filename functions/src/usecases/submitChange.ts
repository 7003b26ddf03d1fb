// A unit member submits its drafted change application (GZ-4.6.0, GZ-4.6.1, DG-13, DG-14). Clients
// may only draft (firestore.rules); submission checks the required documents here — and, for a
// removal, that the partner is the unit's own and still on its list — and assigns the review batch
// (GZ-4.7, DG-15).
import type { z } from "zod";
import { removalRefusal } from "../domain/applyChange.js";
import { changeMachine } from "../domain/change.machine.js";
import { shanghaiDate, type IsoDate } from "../domain/dates.js";
import { DomainError, Refused, refused } from "../domain/errors.js";
import { unreportedChangeGrounds } from "../domain/grounds.js";
import { missingDocuments } from "../domain/requiredDocuments.js";
import { reviewBatchId } from "../domain/reviewBatches.js";
import type { ChangeApplication, submitChangeRequestSchema } from "../domain/schemas/index.js";
import { unitInfoFieldWords } from "../domain/words.js";
import { appendAudit, systemActor } from "../store/audit.js";
import { proposeCandidates } from "../store/candidates.js";
import { readChange } from "../store/changes.js";
import { collections } from "../store/collections.js";
import { currentDocumentOf, currentDocuments } from "../store/documents.js";
import { loadProgrammeContext, type ProgrammeContext } from "../store/programmeContext.js";
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
    // GZ-4.4a.4 (未及时报告说明): a change of name, address, legal representative, business scope
    // or capital reported later than the pack allows after it took effect is a criticism candidate
    // for staff. Judged once, on the first submission — the day the unit reported it.
    const late = change.payload.type === "unitInfo" && change.submittedOn === undefined ? lateReportedChange(unitId, change.payload, today, ctx) : [];
    await proposeCandidates(tx, programmeId, late.map((candidate) => ({ candidate, unitId, scope: `change-${changeId}` })), now, systemActor("submitChange"));
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

/** The GZ-4.4a.4 candidate of a unit-info change reported late (none where the pack has no such ground or the days cannot be counted yet). */
function lateReportedChange(unitId: string, payload: Extract<ChangeApplication["payload"], { type: "unitInfo" }>, today: IsoDate, ctx: ProgrammeContext) {
  const field = payload.changes.map((c) => unitInfoFieldWords[c.field]).join("、");
  try {
    return unreportedChangeGrounds([{ unitId, field, changedOn: payload.effectiveOn, reportedOn: today }], today, ctx.packOn(today), ctx.calendar);
  } catch (err) {
    // A working-day count into a year whose holiday arrangement is not entered: nothing is proposed on a guess.
    if (err instanceof DomainError && err.code === "DATE_NOT_COVERED") return [];
    throw err;
  }
}
