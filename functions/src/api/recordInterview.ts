// Staff record an interview or supervision of a low-ranked unit (DG-9.2). The matching staff
// notification from the period close is marked done in the same transaction.
import { shanghaiDate } from "../domain/dates.js";
import { interviewNoticeId } from "../domain/interviewNotice.js";
import { interviewDecision } from "../domain/interviews.js";
import { recordInterviewRequestSchema } from "../domain/schemas/index.js";
import { db } from "../store/admin.js";
import { appendAudit } from "../store/audit.js";
import { collections, ids } from "../store/collections.js";
import { rankingRef } from "../store/evaluations.js";
import { loadProgrammeContext } from "../store/programmeContext.js";
import { requireStaff, staffActor } from "./caller.js";
import { requireOpenProgramme } from "./openProgramme.js";
import { validatedOnCall } from "./validatedOnCall.js";
import { Refused, refused } from "../domain/errors.js";

export const recordInterview = validatedOnCall("recordInterview", recordInterviewRequestSchema, async (req, request) => {
  const caller = requireStaff(request.auth, req.programmeId);
  const now = new Date();
  return db.runTransaction(async (tx) => {
    const ctx = await loadProgrammeContext(req.programmeId, tx);
    requireOpenProgramme(ctx, now);
    const noticeRef = collections.notifications(req.programmeId).doc(interviewNoticeId(req.periodId, req.unitId));
    const [unit, period, evaluation, ranking, notice] = await Promise.all([
      tx.get(collections.units(req.programmeId).doc(req.unitId)),
      tx.get(collections.periods(req.programmeId).doc(req.periodId)),
      tx.get(collections.evaluations(req.programmeId).doc(ids.evaluation(req.unitId, req.periodId))),
      tx.get(rankingRef(req.programmeId, req.periodId)),
      tx.get(noticeRef),
    ]);
    if (!unit.exists) refused("UNIT_NOT_FOUND", req.unitId);
    const decision = interviewDecision({ pack: ctx.pack, periodClosed: period.data()?.state === "closed", evaluation: evaluation.data(), summary: ranking.data()?.counts ?? {}, heldOn: req.heldOn, today: shanghaiDate(now) });
    if (!decision.ok) throw new Refused(decision);
    const ref = collections.interviews(req.programmeId).doc();
    const interview = { unitId: req.unitId, periodId: req.periodId, rank: decision.rank, heldOn: req.heldOn, kind: req.kind, notes: req.notes, by: staffActor(caller) };
    tx.create(ref, interview);
    const pending = notice.data();
    if (pending && !pending.readAt) tx.set(noticeRef, { ...pending, readAt: now });
    appendAudit(tx, req.programmeId, `${ref.id}.recorded`, { at: now, actor: staffActor(caller), action: "interview.recorded", entity: ref.path, after: interview, clause: decision.clause });
    return { interviewId: ref.id };
  });
});
