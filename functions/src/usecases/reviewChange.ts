// Staff decide a submitted change application: approve, return for completion, or reject with
// reasons (GZ-4.6.2, DG-5.4, DG-13, DG-14). The state is the claim, so exactly one decision
// stands. An approval joins a notice batch, or — for types the pack does not put on notice — is
// applied and published at once. Where the work group referred a unit change to the bureau
// meeting (DG-13), the meeting and its minutes are recorded with the decision.
import type { Transaction } from "firebase-admin/firestore";
import type { z } from "zod";
import { changeMachine, changeReviewDecided, type ChangeEvent } from "../domain/change.machine.js";
import { checkChangeBureauMeeting } from "../domain/unitChangeReview.js";
import { shanghaiDate, type IsoDate } from "../domain/dates.js";
import { refuse, Refused } from "../domain/errors.js";
import type { Actor, ChangeApplication, reviewChangeRequestSchema } from "../domain/schemas/index.js";
import { appendAudit } from "../store/audit.js";
import { readChange } from "../store/changes.js";
import { collections } from "../store/collections.js";
import { markApproved, readCurrentForApproval } from "../store/documents.js";
import { loadProgrammeContext, type ProgrammeContext } from "../store/programmeContext.js";
import { readForPublishing } from "../store/publishing.js";
import type { Deps } from "./deps.js";
import { joinNoticeBatch } from "./joinNoticeBatch.js";
import { changeContext } from "./machineContexts.js";
import { publishChanges } from "./publishChanges.js";
import { stateWord } from "../domain/words.js";

export type ReviewChangeInput = z.infer<typeof reviewChangeRequestSchema>;

export async function reviewChange(deps: Deps, input: ReviewChangeInput, actor: Actor) {
  const { programmeId, changeId } = input;
  const now = deps.clock();
  const today = shanghaiDate(now);
  return deps.db.runTransaction(async (tx) => {
    const ctx = await loadProgrammeContext(programmeId, tx, deps.calendar);
    const { ref, change } = await readChange(tx, programmeId, changeId);
    if (changeReviewDecided(change.state)) throw new Refused(refuse("ALREADY_DECIDED", `当前状态：${stateWord("change", change.state)}`));
    const t = changeMachine.transition(change.state, reviewEvent(input), changeContext(ctx, today, change));
    if (!t.ok) throw new Refused(t);
    const facts = await gatherReviewFacts(tx, ctx, today, input, change, t.effects.map((e) => e.type));
    if (input.bureauMeeting) {
      const minutes = (await tx.get(collections.documents(programmeId).doc(input.bureauMeeting.minutesDocumentId))).data();
      const refusal = checkChangeBureauMeeting(input.bureauMeeting, change, changeId, minutes, ctx.pack, today);
      if (refusal) throw new Refused(refusal);
    }

    // ---- writes ----
    let published = {};
    if (facts.publishing) {
      const r = publishChanges(tx, programmeId, facts.publishing, [{ changeId, change }], { today, now, clause: t.clause, actor });
      if (r.failed[0]) throw new Refused(r.failed[0].refusal);
      published = r.versions;
    }
    const { notice } = facts;
    const meeting = input.bureauMeeting ? { bureauMeeting: input.bureauMeeting } : {};
    tx.set(ref, { ...change, state: t.next, reviewedBy: actor, clause: t.clause, ...(input.comment ? { reviewComment: input.comment } : {}), ...(notice ? { noticeId: notice.id } : {}), ...meeting });
    if (notice) tx.set(collections.notices(programmeId).doc(notice.id), notice.data);
    const approvedDocuments = markApproved(tx, programmeId, facts.current, actor, now);
    appendAudit(tx, programmeId, `change-${changeId}-${input.decision}-${now.getTime()}`, {
      at: now,
      actor,
      action: `change.${input.decision}`,
      entity: ref.path,
      before: { state: change.state },
      after: { state: t.next, ...meeting, ...(notice ? { noticeId: notice.id, noticeStartsOn: notice.data.startsOn } : {}), ...(facts.publishing ? { published } : {}), ...(approvedDocuments.length ? { approvedDocuments } : {}) },
      clause: t.clause,
      ...(input.comment ? { note: input.comment } : {}),
    });
    return { state: t.next, ...(notice ? { noticeId: notice.id, startsOn: notice.data.startsOn, endsOn: notice.data.endsOn } : {}), ...(facts.publishing ? { published } : {}) };
  });
}

function reviewEvent(input: ReviewChangeInput): ChangeEvent {
  return input.decision === "approve" ? { type: "approve", ...(input.comment ? { comment: input.comment } : {}) } : { type: input.decision, comment: input.comment ?? "" };
}

/** Everything the decision's writes need, read before the first write. */
async function gatherReviewFacts(tx: Transaction, ctx: ProgrammeContext, today: IsoDate, input: ReviewChangeInput, change: ChangeApplication, effects: readonly string[]) {
  const { programmeId, changeId } = input;
  const notice = effects.includes("addToNoticeBatch") ? await joinNoticeBatch(tx, ctx, today, changeId, change, input.noticeStartsOn) : undefined;
  const publishing = effects.includes("applyChange") ? await readForPublishing(tx, programmeId, [change]) : undefined;
  // The versions approved are stamped, so the review shows which one was approved.
  const current = input.decision === "approve" ? await readCurrentForApproval(tx, programmeId, "change", changeId) : [];
  return { notice, publishing, current };
}
