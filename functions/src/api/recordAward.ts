// Staff record an annual award (DG-5.7) for a unit, a partner (service provider) or a catalogue
// item (product). The id names year, kind and subject, so the same award cannot be given twice.
import type { CollectionReference } from "firebase-admin/firestore";
import { awardDecision, awardId, awardSubjectCollection } from "../domain/awards.js";
import { shanghaiDate } from "../domain/dates.js";
import { recordAwardRequestSchema } from "../domain/schemas/index.js";
import { db } from "../store/admin.js";
import { appendAudit } from "../store/audit.js";
import { collections } from "../store/collections.js";
import { loadProgrammeContext } from "../store/programmeContext.js";
import { requireStaff, staffActor } from "./caller.js";
import { requireOpenProgramme } from "./openProgramme.js";
import { validatedOnCall } from "./validatedOnCall.js";
import { Refused } from "../domain/errors.js";

export const recordAward = validatedOnCall("recordAward", recordAwardRequestSchema, async (req, request) => {
  const caller = requireStaff(request.auth, req.programmeId);
  const now = new Date();
  return db.runTransaction(async (tx) => {
    const ctx = await loadProgrammeContext(req.programmeId, tx);
    requireOpenProgramme(ctx, now);
    // Typed loosely: the three subject collections share what is read here, a name and a status.
    const subjects = collections[awardSubjectCollection[req.kind]](req.programmeId) as unknown as CollectionReference<{ name: string; status: string }>;
    const ref = collections.awards(req.programmeId).doc(awardId(req.year, req.kind, req.subjectId));
    const [subject, existing] = await Promise.all([tx.get(subjects.doc(req.subjectId)), tx.get(ref)]);
    const decision = awardDecision({ pack: ctx.pack, kind: req.kind, subject: subject.data(), decidedOn: req.decidedOn, today: shanghaiDate(now), alreadyAwarded: existing.exists });
    if (!decision.ok) throw new Refused(decision);
    const award = { year: req.year, kind: req.kind, subjectId: req.subjectId, subjectName: decision.subjectName, decidedOn: req.decidedOn, by: staffActor(caller) };
    tx.create(ref, award);
    appendAudit(tx, req.programmeId, `award-${ref.id}.recorded`, { at: now, actor: staffActor(caller), action: "award.recorded", entity: ref.path, after: award, clause: decision.clause });
    return { awardId: ref.id };
  });
});
