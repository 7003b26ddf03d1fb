// Staff add a unit to the programme's list (GZ-1.2, GZ-4.3a at any time / DG-2). A USCC that was
// cleared out anywhere may never be listed again (GZ-4.4b / DG-10), and one already on this list
// is refused; both checks are the domain's `checkListing`.
import type { z } from "zod";
import { Refused } from "../domain/errors.js";
import { checkListing } from "../domain/listing.js";
import type { Actor, createUnitRequestSchema } from "../domain/schemas/index.js";
import { appendAudit } from "../store/audit.js";
import { collections } from "../store/collections.js";
import type { Deps } from "./deps.js";
import { inOpenProgramme } from "./openProgramme.js";

export type CreateUnitInput = z.infer<typeof createUnitRequestSchema>;

export async function createUnit(deps: Deps, input: CreateUnitInput, actor: Actor) {
  const uscc = input.uscc.trim().toUpperCase();
  return inOpenProgramme(deps, input.programmeId, async (tx, ctx, now) => {
    const ban = await tx.get(collections.bans().doc(uscc));
    const listed = await tx.get(collections.units(input.programmeId).where("uscc", "==", uscc));
    const active = listed.docs.filter((d) => d.data().status !== "withdrawn");
    // The id follows from the USCC, so two staff adding the same unit at once cannot both succeed.
    const ref = collections.units(input.programmeId).doc(`u-${uscc}`);
    const sameId = await tx.get(ref);
    const decision = checkListing(uscc, { bannedUsccs: ban.exists ? [uscc] : [], listedUsccs: active.length || sameId.exists ? [uscc] : [] }, ctx.pack);
    if (!decision.ok) throw new Refused(decision);
    const unit = { name: input.name, uscc, status: "listed" as const, listedOn: input.listedOn, batch: input.batch };
    tx.create(ref, unit);
    appendAudit(tx, input.programmeId, `${ref.id}.listed`, { at: now, actor, action: "unit.listed", entity: ref.path, after: unit, clause: decision.clause });
    return { unitId: ref.id };
  });
}
