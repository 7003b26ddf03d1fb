// Staff add a unit to the programme's list (GZ-1.2, GZ-4.3a at any time / DG-2). A USCC cleared
// out of this programme may never be listed in it again (GZ-4.4b / DG-10: the ban is the
// programme's own, so a unit cleared out in one city may still be listed in another), and one
// already on this list is refused; both checks are the domain's `checkListing`.
import type { z } from "zod";
import { Refused, refused } from "../domain/errors.js";
import { checkListing } from "../domain/listing.js";
import type { Actor, createUnitRequestSchema } from "../domain/schemas/index.js";
import { appendAudit } from "../store/audit.js";
import { collections } from "../store/collections.js";
import type { Deps } from "./deps.js";
import { inOpenProgramme } from "./openProgramme.js";

export type CreateUnitInput = z.infer<typeof createUnitRequestSchema>;

export async function createUnit(deps: Deps, input: CreateUnitInput, actor: Actor) {
  const uscc = input.uscc.trim().toUpperCase();
  const { programmeId } = input;
  return inOpenProgramme(deps, programmeId, async (tx, ctx, now) => {
    const ban = (await tx.get(collections.bans(programmeId).doc(uscc))).data();
    const sameUscc = (await tx.get(collections.units(programmeId).where("uscc", "==", uscc))).docs.map((d) => d.data());
    const decision = checkListing(uscc, { programmeId, sameUscc, bans: ban ? [ban] : [] }, ctx.pack);
    if (!decision.ok) throw new Refused(decision);
    // The id follows from the facts, so two staff adding the same unit at once cannot both succeed.
    const ref = collections.units(programmeId).doc(decision.unitId);
    if ((await tx.get(ref)).exists) refused("ALREADY_LISTED", decision.uscc);
    const unit = { name: input.name, uscc: decision.uscc, status: "listed" as const, listedOn: input.listedOn, batch: input.batch };
    tx.create(ref, unit);
    appendAudit(tx, programmeId, `${ref.id}.listed`, { at: now, actor, action: "unit.listed", entity: ref.path, after: unit, clause: decision.clause });
    return { unitId: ref.id };
  });
}
