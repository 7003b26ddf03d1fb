// Staff record an interview or supervision of a low-ranked unit (DG-9.2), once the period's
// ranking is final. The matching staff notification raised with the final ranking is marked done
// in the same transaction.
import type { z } from "zod";
import { shanghaiDate } from "../domain/dates.js";
import { Refused, refused } from "../domain/errors.js";
import { interviewNoticeId } from "../domain/interviewNotice.js";
import { interviewDecision } from "../domain/interviews.js";
import type { Actor, recordInterviewRequestSchema } from "../domain/schemas/index.js";
import { appendAudit } from "../store/audit.js";
import { collections, ids } from "../store/collections.js";
import { rankingRef } from "../store/evaluations.js";
import type { Deps } from "./deps.js";
import { inOpenProgramme } from "./openProgramme.js";

export type RecordInterviewInput = z.infer<typeof recordInterviewRequestSchema>;

export async function recordInterview(deps: Deps, input: RecordInterviewInput, actor: Actor) {
  const { programmeId, unitId, periodId } = input;
  return inOpenProgramme(deps, programmeId, async (tx, ctx, now) => {
    const noticeRef = collections.notifications(programmeId).doc(interviewNoticeId(periodId, unitId));
    const [unit, period, evaluation, ranking, notice] = await Promise.all([
      tx.get(collections.units(programmeId).doc(unitId)),
      tx.get(collections.periods(programmeId).doc(periodId)),
      tx.get(collections.evaluations(programmeId).doc(ids.evaluation(unitId, periodId))),
      tx.get(rankingRef(programmeId, periodId)),
      tx.get(noticeRef),
    ]);
    if (!unit.exists) refused("UNIT_NOT_FOUND", unitId);
    const summary = ranking.data();
    const decision = interviewDecision({ pack: ctx.pack, rankingFinal: period.data()?.state === "closed" && summary?.finalAt !== undefined, evaluation: evaluation.data(), summary: summary?.counts ?? {}, heldOn: input.heldOn, today: shanghaiDate(now) });
    if (!decision.ok) throw new Refused(decision);
    const ref = collections.interviews(programmeId).doc();
    const interview = { unitId, periodId, rank: decision.rank, heldOn: input.heldOn, kind: input.kind, notes: input.notes, by: actor };
    tx.create(ref, interview);
    const pending = notice.data();
    if (pending && !pending.readAt) tx.set(noticeRef, { ...pending, readAt: now });
    appendAudit(tx, programmeId, `${ref.id}.recorded`, { at: now, actor, action: "interview.recorded", entity: ref.path, after: interview, clause: decision.clause });
    return { interviewId: ref.id };
  });
}
