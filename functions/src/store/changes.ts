// Change applications through submission and review (GZ-4.6.1, GZ-4.6.2, GZ-4.7, DG-5.4, DG-13,
// DG-14, DG-15). Each use-case is one transaction: read, let the domain decide, write, audit.
// `now` is given by the caller (the callable's clock, or a test's).
import type { Transaction } from "firebase-admin/firestore";
import { changeSummary } from "../domain/applyChange.js";
import { changeMachine, type ChangeEvent } from "../domain/change.machine.js";
import { shanghaiDate, type IsoDate } from "../domain/dates.js";
import { refuse, Refused, refused } from "../domain/errors.js";
import { noticeNextDeadline, pickNoticeBatch, planNoticeBatch } from "../domain/noticeSchedule.js";
import { reviewBatchId } from "../domain/reviewBatches.js";
import type { Actor, ChangeApplication, Notice } from "../domain/schemas/index.js";
import { appendAudit } from "./audit.js";
import { markApproved, missingDocumentsFor, readCurrentForApproval } from "./documents.js";
import { collections } from "./collections.js";
import { db } from "./admin.js";
import { loadProgrammeContext, type ProgrammeContext } from "./programmeContext.js";
import { applyAndPublish, readForPublishing } from "./publishing.js";

const decidedStates = new Set(["returned", "rejected", "approved", "inNotice", "published", "withdrawn"]);

async function loadChange(tx: Transaction, programmeId: string, changeId: string) {
  const ref = collections.changes(programmeId).doc(changeId);
  const change = (await tx.get(ref)).data();
  if (!change) refused("CHANGE_NOT_FOUND", changeId);
  return { ref, change };
}

function machineContext(ctx: ProgrammeContext, today: IsoDate, change: ChangeApplication, missing: readonly string[] = []) {
  return { today, pack: ctx.pack, programmeEndsOn: ctx.programme.endsOn, changeType: change.type, missingDocuments: missing };
}

/** The unit submits its draft: refused with the list of missing documents; otherwise it joins a review batch. */
export async function submitChangeAt(programmeId: string, changeId: string, unitId: string, actor: Actor, now: Date) {
  const today = shanghaiDate(now);
  return db.runTransaction(async (tx) => {
    const ctx = await loadProgrammeContext(programmeId, tx);
    const { ref, change } = await loadChange(tx, programmeId, changeId);
    if (change.unitId !== unitId) refused("OWN_UNIT_ONLY");
    const missing = await missingDocumentsFor(tx, programmeId, changeId, now);
    const t = changeMachine.transition(change.state, { type: "submit" }, machineContext(ctx, today, change, missing));
    if (!t.ok) throw new Refused(t);
    const batch = reviewBatchId(today, ctx.pack);
    tx.set(ref, { ...change, state: t.next, submittedOn: today, reviewBatchId: batch, clause: t.clause });
    appendAudit(tx, programmeId, `change-${changeId}-submit-${now.getTime()}`, {
      at: now,
      actor,
      action: "change.submitted",
      entity: ref.path,
      before: { state: change.state },
      after: { state: t.next, reviewBatchId: batch },
      clause: t.clause,
    });
    return { state: t.next, reviewBatchId: batch };
  });
}

export interface ReviewInput {
  programmeId: string;
  changeId: string;
  decision: "approve" | "return" | "reject";
  comment?: string;
  noticeStartsOn?: IsoDate;
}

/** Staff decide a submitted application. Exactly one decision stands: the state is the claim. */
export async function reviewChangeAt(req: ReviewInput, actor: Actor, now: Date) {
  const today = shanghaiDate(now);
  const { programmeId, changeId } = req;
  return db.runTransaction(async (tx) => {
    // ---- reads ----
    const ctx = await loadProgrammeContext(programmeId, tx);
    const { ref, change } = await loadChange(tx, programmeId, changeId);
    if (decidedStates.has(change.state)) throw new Refused(refuse("ALREADY_DECIDED", `当前状态：${change.state}`));
    const event: ChangeEvent =
      req.decision === "approve" ? { type: "approve", ...(req.comment ? { comment: req.comment } : {}) } : { type: req.decision, comment: req.comment ?? "" };
    const t = changeMachine.transition(change.state, event, machineContext(ctx, today, change));
    if (!t.ok) throw new Refused(t);

    const joinsNotice = t.effects.some((e) => e.type === "addToNoticeBatch");
    const appliesNow = t.effects.some((e) => e.type === "applyChange");
    let notice: { id: string; data: Notice; isNew: boolean } | undefined;
    if (joinsNotice) notice = await noticeBatchFor(tx, ctx, today, change, changeId, req.noticeStartsOn);
    const publishing = appliesNow ? await readForPublishing(tx, programmeId, [change]) : undefined;
    // The versions approved are stamped, so the review shows which one was approved (issue 7).
    const current = req.decision === "approve" ? await readCurrentForApproval(tx, programmeId, "change", changeId) : [];

    // ---- writes ----
    const after: ChangeApplication = { ...change, state: t.next, reviewedBy: actor, clause: t.clause, ...(req.comment ? { reviewComment: req.comment } : {}), ...(notice ? { noticeId: notice.id } : {}) };
    let versions = {};
    if (publishing) {
      const r = applyAndPublish(tx, programmeId, publishing, [{ changeId, change }], { today, now, clause: t.clause });
      if (r.failed[0]) throw new Refused(r.failed[0].refusal);
      versions = r.versions;
    }
    tx.set(ref, after);
    if (notice) tx.set(collections.notices(programmeId).doc(notice.id), notice.data);
    const approvedDocuments = markApproved(tx, programmeId, current, actor, now);
    appendAudit(tx, programmeId, `change-${changeId}-${req.decision}-${now.getTime()}`, {
      at: now,
      actor,
      action: `change.${req.decision}`,
      entity: ref.path,
      before: { state: change.state },
      after: { state: t.next, ...(notice ? { noticeId: notice.id, noticeStartsOn: notice.data.startsOn } : {}), ...(publishing ? { published: versions } : {}), ...(approvedDocuments.length ? { approvedDocuments } : {}) },
      clause: t.clause,
      ...(req.comment ? { note: req.comment } : {}),
    });
    return { state: t.next, ...(notice ? { noticeId: notice.id, startsOn: notice.data.startsOn, endsOn: notice.data.endsOn } : {}), ...(publishing ? { published: versions } : {}) };
  });
}

/** The scheduled batch the approved change joins, or a new one (GZ-4.6.3 分批次公示, DG-14). */
async function noticeBatchFor(tx: Transaction, ctx: ProgrammeContext, today: IsoDate, change: ChangeApplication, changeId: string, chosenStart?: IsoDate) {
  const notices = collections.notices(ctx.programmeId);
  const scheduled = (await tx.get(notices.where("state", "==", "scheduled"))).docs.map((d) => ({ id: d.id, startsOn: d.data().startsOn, data: d.data() }));
  const unit = (await tx.get(collections.units(ctx.programmeId).doc(change.unitId))).data();
  const partnerName =
    change.payload.type === "partnerRemove" ? (await tx.get(collections.partners(ctx.programmeId).doc(change.payload.partnerId))).data()?.name : undefined;
  const item = { changeId, unitName: unit?.name ?? change.unitId, summary: changeSummary(change, partnerName) };

  const existing = pickNoticeBatch(scheduled, chosenStart);
  if (existing) return { id: existing.id, data: { ...existing.data, items: [...existing.data.items.filter((i) => i.changeId !== changeId), item] }, isNew: false };

  const plan = planNoticeBatch(today, ctx.pack, ctx.calendar, chosenStart);
  if (!plan.ok) throw new Refused(plan);
  // Deterministic id per start date: two approvals racing to create the batch read the same
  // document, so one retries and joins the other's batch instead of opening a second one.
  let id = `notice-${plan.startsOn}`;
  for (let n = 2; (await tx.get(notices.doc(id))).exists; n++) id = `notice-${plan.startsOn}-${n}`;
  const title = ctx.pack.id === "dongguan" ? `合作伙伴、产品和服务目录变更公示（${plan.startsOn}）` : `牵引单位产业生态联合体新增企业名单公示（${plan.startsOn}）`;
  const data: Notice = {
    title,
    items: [item],
    startsOn: plan.startsOn,
    endsOn: plan.endsOn,
    length: plan.length,
    unit: plan.unit,
    state: "scheduled",
    clause: ctx.pack.clauses.changeNotice,
    nextDeadlineOn: noticeNextDeadline("scheduled", plan),
  };
  return { id, data, isNew: true };
}
