// Staff record an annual award (DG-5.7) for a unit, a partner (service provider) or a catalogue
// item (product). The id names year, kind and subject, so the same award cannot be given twice.
import type { CollectionReference } from "firebase-admin/firestore";
import type { z } from "zod";
import { awardDecision, awardId, awardSubjectCollection } from "../domain/awards.js";
import { shanghaiDate } from "../domain/dates.js";
import { Refused } from "../domain/errors.js";
import type { Actor, recordAwardRequestSchema } from "../domain/schemas/index.js";
import { appendAudit } from "../store/audit.js";
import { collections } from "../store/collections.js";
import type { Deps } from "./deps.js";
import { inOpenProgramme } from "./openProgramme.js";

export type RecordAwardInput = z.infer<typeof recordAwardRequestSchema>;

export async function recordAward(deps: Deps, input: RecordAwardInput, actor: Actor) {
  const { programmeId } = input;
  return inOpenProgramme(deps, programmeId, async (tx, ctx, now) => {
    // Typed loosely: the three subject collections share what is read here, a name and a status.
    const subjects = collections[awardSubjectCollection[input.kind]](programmeId) as unknown as CollectionReference<{ name: string; status: string }>;
    const ref = collections.awards(programmeId).doc(awardId(input.year, input.kind, input.subjectId));
    const [subject, existing] = await Promise.all([tx.get(subjects.doc(input.subjectId)), tx.get(ref)]);
    const decision = awardDecision({ pack: ctx.pack, kind: input.kind, subject: subject.data(), decidedOn: input.decidedOn, today: shanghaiDate(now), alreadyAwarded: existing.exists });
    if (!decision.ok) throw new Refused(decision);
    const award = { year: input.year, kind: input.kind, subjectId: input.subjectId, subjectName: decision.subjectName, decidedOn: input.decidedOn, by: actor };
    tx.create(ref, award);
    appendAudit(tx, programmeId, `award-${ref.id}.recorded`, { at: now, actor, action: "award.recorded", entity: ref.path, after: award, clause: decision.clause });
    return { awardId: ref.id };
  });
}
