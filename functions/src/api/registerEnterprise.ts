// Staff put one pilot enterprise on the list (GZ-1.3, DG-3), served by a unit that may still take
// enterprises. The document id is the USCC, so the same enterprise cannot be listed twice, even
// by two staff at once.
import { newEnterprise, registrationRefusal } from "../domain/enterpriseRegistry.js";
import { registerEnterpriseRequestSchema } from "../domain/schemas/index.js";
import { db } from "../store/admin.js";
import { appendAudit } from "../store/audit.js";
import { collections } from "../store/collections.js";
import { loadProgrammeContext } from "../store/programmeContext.js";
import { requireStaff, staffActor } from "./caller.js";
import { requireOpenProgramme } from "./openProgramme.js";
import { validatedOnCall } from "./validatedOnCall.js";
import { Refused } from "../domain/errors.js";

export const registerEnterprise = validatedOnCall("registerEnterprise", registerEnterpriseRequestSchema, async (req, request) => {
  const caller = requireStaff(request.auth, req.programmeId);
  const now = new Date();
  const uscc = req.uscc.toUpperCase();
  return db.runTransaction(async (tx) => {
    const ctx = await loadProgrammeContext(req.programmeId, tx);
    requireOpenProgramme(ctx, now);
    const ref = collections.enterprises(req.programmeId).doc(uscc);
    const [unitSnap, existingSnap] = await Promise.all([tx.get(collections.units(req.programmeId).doc(req.servedBy)), tx.get(ref)]);
    const unit = unitSnap.data();
    const existing = existingSnap.data();
    const servedByName = existing ? ((await tx.get(collections.units(req.programmeId).doc(existing.servedBy))).data()?.name ?? existing.servedBy) : "";
    const refusal = registrationRefusal(unit && { id: unitSnap.id, ...unit }, existing && { servedBy: existing.servedBy, servedByName });
    if (refusal) throw new Refused(refusal);
    const enterprise = newEnterprise({ name: req.name, uscc, servedBy: req.servedBy, contractSignedOn: req.contractSignedOn });
    tx.create(ref, enterprise);
    appendAudit(tx, req.programmeId, `enterprise-${uscc}.listed`, { at: now, actor: staffActor(caller), action: "enterprise.listed", entity: ref.path, after: enterprise, clause: ctx.pack.clauses.enterpriseList });
    return { enterpriseId: ref.id };
  });
});
