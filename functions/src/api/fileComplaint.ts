// Staff record a complaint against a unit and, where it concerns one, its partner (GZ-4.4a.1,
// DG-16.2). It counts towards a partner's threshold only once closed as not effectively resolved.
import { complaintClause } from "../domain/feedback.js";
import { fileComplaintRequestSchema } from "../domain/schemas/index.js";
import { db } from "../store/admin.js";
import { appendAudit } from "../store/audit.js";
import { collections } from "../store/collections.js";
import { loadProgrammeContext } from "../store/programmeContext.js";
import { requireStaff, staffActor } from "./caller.js";
import { requireOpenProgramme } from "./openProgramme.js";
import { validatedOnCall } from "./validatedOnCall.js";
import { refused } from "../domain/errors.js";

export const fileComplaint = validatedOnCall("fileComplaint", fileComplaintRequestSchema, async (req, request) => {
  const caller = requireStaff(request.auth, req.programmeId);
  const now = new Date();
  return db.runTransaction(async (tx) => {
    const ctx = await loadProgrammeContext(req.programmeId, tx);
    requireOpenProgramme(ctx, now);
    const { pack } = ctx;
    if (!(await tx.get(collections.units(req.programmeId).doc(req.unitId))).exists) refused("UNIT_NOT_FOUND", req.unitId);
    if (req.partnerId) {
      const partner = (await tx.get(collections.partners(req.programmeId).doc(req.partnerId))).data();
      if (!partner || partner.unitId !== req.unitId) refused("PARTNER_NOT_FOUND", req.partnerId);
    }
    if (req.enterpriseId && !(await tx.get(collections.enterprises(req.programmeId).doc(req.enterpriseId))).exists) refused("ENTERPRISE_NOT_FOUND", req.enterpriseId);
    const ref = collections.complaints(req.programmeId).doc();
    const { programmeId: _p, ...fields } = req;
    const complaint = { ...fields, status: "open" as const };
    tx.create(ref, complaint);
    appendAudit(tx, req.programmeId, `${ref.id}.filed`, { at: now, actor: staffActor(caller), action: "complaint.filed", entity: ref.path, after: complaint, clause: complaintClause(pack) });
    return { complaintId: ref.id };
  });
});
