// Issue 18: a unit member chooses, for themself only, the address their mail goes to and the kinds
// of notification they want by mail (domain/mailKinds.ts); an empty list opts out. Nobody gets
// mail before choosing. Audited with the address left out (it is personal).
import type { z } from "zod";
import { refused } from "../domain/errors.js";
import type { setMailPreferencesRequestSchema } from "../domain/schemas/mail.js";
import { appendAudit } from "../store/audit.js";
import { collections } from "../store/collections.js";
import type { Acting, Deps } from "./deps.js";
import { inOpenProgramme } from "./openProgramme.js";

type Member = Acting & { unitId: string };

export async function setMailPreferences(deps: Deps, input: z.output<typeof setMailPreferencesRequestSchema>, member: Member) {
  const { programmeId, address } = input;
  const kinds = [...new Set(input.kinds)];
  const { unitId, ...actor } = member;
  return inOpenProgramme(deps, programmeId, async (tx, ctx, now) => {
    const membership = (await tx.get(collections.members(programmeId, unitId).doc(actor.uid))).data();
    if (!membership || membership.removedAt) refused("MAIL_NOT_CURRENT_MEMBER");
    const ref = collections.mailPreferences(programmeId).doc(actor.uid);
    const before = (await tx.get(ref)).data();
    tx.set(ref, { memberUid: actor.uid, unitId, address, kinds, updatedAt: now, updatedBy: actor });
    appendAudit(tx, programmeId, `mail-preferences-${actor.uid}-${now.getTime()}`, {
      at: now,
      actor,
      action: "mailPreferences.set",
      entity: ref.path,
      ...(before ? { before: { kinds: before.kinds } } : {}),
      after: { kinds },
      clause: ctx.pack.clauses.report,
    });
    return { address, kinds, updatedAt: now.toISOString() };
  });
}
