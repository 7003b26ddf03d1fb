// Staff record a complaint against a unit and, where it concerns one, its partner (GZ-4.4a.1,
// DG-16.2). It counts towards a partner's threshold only once closed as not effectively resolved.
import type { Transaction } from "firebase-admin/firestore";
import type { z } from "zod";
import { refused } from "../domain/errors.js";
import { complaintClause } from "../domain/feedback.js";
import type { Actor } from "../domain/schemas/index.js";
import type { fileComplaintRequestSchema } from "../domain/schemas/requests.js";
import { appendAudit } from "../store/audit.js";
import { collections } from "../store/collections.js";
import { loadProgrammeContext } from "../store/programmeContext.js";
import type { Deps } from "./deps.js";
import { requireOpenProgramme } from "./openProgramme.js";

type FileComplaintInput = z.output<typeof fileComplaintRequestSchema>;

export function fileComplaint(deps: Deps, input: FileComplaintInput, actor: Actor) {
  const now = deps.clock();
  return deps.db.runTransaction(async (tx) => {
    const ctx = await loadProgrammeContext(input.programmeId, tx, deps.calendar);
    requireOpenProgramme(ctx, now);
    await checkSubjects(tx, input);
    const ref = collections.complaints(input.programmeId).doc();
    const { programmeId: _p, ...fields } = input;
    const complaint = { ...fields, status: "open" as const };
    tx.create(ref, complaint);
    appendAudit(tx, input.programmeId, `${ref.id}.filed`, { at: now, actor, action: "complaint.filed", entity: ref.path, after: complaint, clause: complaintClause(ctx.pack) });
    return { complaintId: ref.id };
  });
}

/** The unit, its partner and the complaining enterprise must exist. */
async function checkSubjects(tx: Transaction, input: FileComplaintInput) {
  const { programmeId, unitId, partnerId, enterpriseId } = input;
  if (!(await tx.get(collections.units(programmeId).doc(unitId))).exists) refused("UNIT_NOT_FOUND", unitId);
  if (partnerId) {
    const partner = (await tx.get(collections.partners(programmeId).doc(partnerId))).data();
    if (!partner || partner.unitId !== unitId) refused("PARTNER_NOT_FOUND", partnerId);
  }
  if (enterpriseId && !(await tx.get(collections.enterprises(programmeId).doc(enterpriseId))).exists) refused("ENTERPRISE_NOT_FOUND", enterpriseId);
}
