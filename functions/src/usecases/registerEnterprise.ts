// Staff put one pilot enterprise on the list (GZ-1.3, DG-3), served by a unit that may still take
// enterprises. The document id is the USCC, so the same enterprise cannot be listed twice, even
// by two staff at once.
import type { z } from "zod";
import { newEnterprise, registrationRefusal } from "../domain/enterpriseRegistry.js";
import { Refused } from "../domain/errors.js";
import type { Actor, registerEnterpriseRequestSchema } from "../domain/schemas/index.js";
import { appendAudit } from "../store/audit.js";
import { collections } from "../store/collections.js";
import type { Deps } from "./deps.js";
import { inOpenProgramme } from "./openProgramme.js";

export type RegisterEnterpriseInput = z.infer<typeof registerEnterpriseRequestSchema>;

export async function registerEnterprise(deps: Deps, input: RegisterEnterpriseInput, actor: Actor) {
  const { programmeId } = input;
  const uscc = input.uscc.toUpperCase();
  return inOpenProgramme(deps, programmeId, async (tx, ctx, now) => {
    const ref = collections.enterprises(programmeId).doc(uscc);
    const [unitSnap, existingSnap] = await Promise.all([tx.get(collections.units(programmeId).doc(input.servedBy)), tx.get(ref)]);
    const unit = unitSnap.data();
    const existing = existingSnap.data();
    const servedByName = existing ? ((await tx.get(collections.units(programmeId).doc(existing.servedBy))).data()?.name ?? existing.servedBy) : "";
    const refusal = registrationRefusal(unit && { id: unitSnap.id, ...unit }, existing && { servedBy: existing.servedBy, servedByName });
    if (refusal) throw new Refused(refusal);
    const enterprise = newEnterprise({ name: input.name, uscc, servedBy: input.servedBy, contractSignedOn: input.contractSignedOn });
    tx.create(ref, enterprise);
    appendAudit(tx, programmeId, `enterprise-${uscc}.listed`, { at: now, actor, action: "enterprise.listed", entity: ref.path, after: enterprise, clause: ctx.pack.clauses.enterpriseList });
    return { enterpriseId: ref.id };
  });
}
