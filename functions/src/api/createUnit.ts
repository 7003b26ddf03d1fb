// Staff add a unit to the programme's list (GZ-1.2, GZ-4.3a at any time / DG-2). A USCC that was
// cleared out anywhere may never be listed again (GZ-4.4b / DG-10), and one already on this list
// is refused; both checks are the domain's `checkListing`.
import { checkListing } from "../domain/listing.js";
import { createUnitRequestSchema } from "../domain/schemas/index.js";
import { db } from "../store/admin.js";
import { appendAudit } from "../store/audit.js";
import { collections } from "../store/collections.js";
import { loadProgrammeContext } from "../store/programmeContext.js";
import { requireStaff, staffActor } from "./caller.js";
import { requireOpenProgramme } from "./openProgramme.js";
import { validatedOnCall } from "./validatedOnCall.js";
import { Refused } from "../domain/errors.js";

export const createUnit = validatedOnCall("createUnit", createUnitRequestSchema, async (req, request) => {
  const caller = requireStaff(request.auth, req.programmeId);
  const now = new Date();
  const uscc = req.uscc.trim().toUpperCase();
  return db.runTransaction(async (tx) => {
    const ctx = await loadProgrammeContext(req.programmeId, tx);
    requireOpenProgramme(ctx, now);
    const { pack } = ctx;
    const ban = await tx.get(collections.bans().doc(uscc));
    const listed = await tx.get(collections.units(req.programmeId).where("uscc", "==", uscc));
    const active = listed.docs.filter((d) => d.data().status !== "withdrawn");
    // The id follows from the USCC, so two staff adding the same unit at once cannot both succeed.
    const ref = collections.units(req.programmeId).doc(`u-${uscc}`);
    const sameId = await tx.get(ref);
    const decision = checkListing(uscc, { bannedUsccs: ban.exists ? [uscc] : [], listedUsccs: active.length || sameId.exists ? [uscc] : [] }, pack);
    if (!decision.ok) throw new Refused(decision);
    const unit = { name: req.name, uscc, status: "listed" as const, listedOn: req.listedOn, batch: req.batch };
    tx.create(ref, unit);
    appendAudit(tx, req.programmeId, `${ref.id}.listed`, { at: now, actor: staffActor(caller), action: "unit.listed", entity: ref.path, after: unit, clause: decision.clause });
    return { unitId: ref.id };
  });
});
