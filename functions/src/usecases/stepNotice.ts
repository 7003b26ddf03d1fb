// One step of one public notice (公示, GZ-4.6.3, DG-14) as of a day, in one transaction claimed
// by the notice's state, so a second run (or a staff run racing the scheduled one) finds nothing
// left to do: a scheduled notice opens and its changes enter the notice; an open notice whose
// window has passed, with every objection decided, closes: items without an upheld objection are
// applied and published as new list versions, the others withdrawn. An item the change machine
// refuses stays as it is and the refusal is recorded in the audit trail with its reason.
import type { DocumentReference, Transaction } from "firebase-admin/firestore";
import { changeMachine, type ChangeEvent } from "../domain/change.machine.js";
import type { IsoDate } from "../domain/dates.js";
import type { Refusal } from "../domain/errors.js";
import type { NoticeStepOutcome } from "../domain/jobs.js";
import { noticeMachine } from "../domain/notice.machine.js";
import { noticeNextDeadline } from "../domain/noticeSchedule.js";
import type { Actor, ChangeApplication, Notice } from "../domain/schemas/index.js";
import { noticeOpenedNotice } from "../domain/proceedingNotices.js";
import { appendAudit } from "../store/audit.js";
import { collections } from "../store/collections.js";
import { readNotice, readNoticeChanges } from "../store/notices.js";
import { readObjections } from "../store/objections.js";
import { loadProgrammeContext, type ProgrammeContext } from "../store/programmeContext.js";
import { readForPublishing } from "../store/publishing.js";
import type { Deps } from "./deps.js";
import { retryingLostRace } from "../store/lostRace.js";
import { changeContext, noticeContext } from "./machineContexts.js";
import { publishChanges } from "./publishChanges.js";

export type { NoticeStepOutcome };

export interface NoticeStepInput {
  programmeId: string;
  noticeId: string;
  asOf: IsoDate;
  /** Decide only, in a read-only transaction: nothing is written. */
  dryRun?: boolean;
}

type NoticeItem = Awaited<ReturnType<typeof readNoticeChanges>>[number];

/** What one step works on, read at its start. */
interface Step extends NoticeStepInput {
  now: Date;
  actor: Actor;
  ctx: ProgrammeContext;
  ref: DocumentReference<Notice>;
  notice: Notice;
  items: NoticeItem[];
}

export async function stepNotice(deps: Deps, input: NoticeStepInput, actor: Actor): Promise<NoticeStepOutcome> {
  const now = deps.clock();
  return retryingLostRace(() =>
    deps.db.runTransaction(async (tx) => {
      const ctx = await loadProgrammeContext(input.programmeId, tx, deps.calendar);
      const { ref, notice } = await readNotice(tx, input.programmeId, input.noticeId);
      if (!notice || noticeMachine.isTerminal(notice.state)) return { noticeId: input.noticeId, outcome: "nothing" as const };
      const items = await readNoticeChanges(tx, input.programmeId, notice);
      const step: Step = { ...input, now, actor, ctx, ref, notice, items };
      return notice.state === "scheduled" ? openNotice(tx, step) : closeNotice(tx, step);
    }, input.dryRun ? { readOnly: true } : undefined),
  );
}

/** Issue 18.1: each unit with a change in the notice is told it is open for objections (fixed id per notice and unit). */
function notifyUnitsConcerned(tx: Transaction, step: Step) {
  const byUnit = new Map<string, string[]>();
  for (const { changeId, change } of step.items) {
    if (!change) continue;
    const summary = step.notice.items.find((i) => i.changeId === changeId)?.summary ?? changeId;
    byUnit.set(change.unitId, [...(byUnit.get(change.unitId) ?? []), summary]);
  }
  for (const [unitId, summaries] of byUnit) {
    const n = noticeOpenedNotice(step.noticeId, unitId, step.notice, summaries, step.ctx.pack.workGroupName);
    tx.set(collections.notifications(step.programmeId).doc(n.id), { toUnitId: unitId, kind: "noticeOpened", title: n.title, body: n.body, link: `/notices?p=${step.programmeId}`, createdAt: step.now });
  }
}

function openNotice(tx: Transaction, step: Step): NoticeStepOutcome {
  const { noticeId, notice, asOf } = step;
  const t = noticeMachine.transition("scheduled", { type: "open" }, noticeContext(step.ctx, asOf, notice));
  if (!t.ok) return { noticeId, outcome: "nothing", code: t.code, message: t.message };
  if (step.dryRun) return { noticeId, outcome: "opened" };
  for (const { changeId, ref, change } of step.items) {
    if (!change) continue;
    const e = changeMachine.transition(change.state, { type: "enterNotice", noticeId }, changeContext(step.ctx, asOf, change));
    if (e.ok) tx.set(ref, { ...change, state: e.next, noticeId, clause: e.clause });
    else recordItemRefused(tx, step, "open", { changeId, ref, change }, e, t.clause);
  }
  tx.set(step.ref, { ...notice, state: t.next, openedOn: asOf, nextDeadlineOn: noticeNextDeadline("open", notice) });
  notifyUnitsConcerned(tx, step);
  appendAudit(tx, step.programmeId, `notice-${noticeId}-opened`, { at: step.now, actor: step.actor, action: "notice.opened", entity: step.ref.path, before: { state: "scheduled" }, after: { state: t.next, startsOn: notice.startsOn, endsOn: notice.endsOn }, clause: t.clause });
  return { noticeId, outcome: "opened" };
}

async function closeNotice(tx: Transaction, step: Step): Promise<NoticeStepOutcome> {
  const { programmeId, noticeId, notice, asOf } = step;
  const objections = await readObjections(tx, programmeId, noticeId);
  const pending = objections.filter((o) => o.state === "pending").map((o) => o.id);
  const t = noticeMachine.transition("open", { type: "close" }, noticeContext(step.ctx, asOf, notice, pending));
  if (!t.ok) return { noticeId, outcome: t.code === "NOTICE_NOT_ENDED" ? "nothing" : "refused", code: t.code, message: t.message };
  const upheld = new Set(objections.filter((o) => o.state === "upheld" && o.changeId).map((o) => o.changeId!));
  const concluded = concludeItems(step, upheld);
  if (step.dryRun) return { noticeId, outcome: "closed", published: concluded.toPublish.map((p) => p.changeId), withdrawn: concluded.toWithdraw.map((w) => w.changeId) };
  const snap = await readForPublishing(tx, programmeId, concluded.toPublish.map((p) => p.change));

  // ---- writes ----
  const result = publishChanges(tx, programmeId, snap, concluded.toPublish, { today: asOf, now: step.now, clause: t.clause, actor: step.actor, noticeId });
  const outcome = new Map<string, "published" | "withdrawn">();
  for (const p of concluded.toPublish) {
    const failed = result.failed.find((f) => f.changeId === p.changeId);
    const next: ChangeApplication = failed ? { ...p.change, state: "withdrawn", clause: t.clause } : p.next;
    outcome.set(p.changeId, failed ? "withdrawn" : "published");
    writeConcluded(tx, step, p.ref, next, { clause: t.clause, ...(failed ? { note: failed.refusal.message } : { versions: result.versions }) });
  }
  for (const w of concluded.toWithdraw) {
    outcome.set(w.changeId, "withdrawn");
    writeConcluded(tx, step, w.ref, w.next, { clause: w.clause, note: "公示期间异议成立，该事项撤回" });
  }
  for (const r of concluded.refused) recordItemRefused(tx, step, "close", r.item, r.refusal, t.clause);
  const closed: Notice = { ...notice, state: "closed", closedOn: asOf, items: notice.items.map((i) => ({ ...i, ...(outcome.has(i.changeId) ? { outcome: outcome.get(i.changeId)! } : {}) })) };
  delete closed.nextDeadlineOn;
  tx.set(step.ref, closed);
  const withdrawn = [...outcome].filter(([, o]) => o === "withdrawn").map(([id]) => id);
  appendAudit(tx, programmeId, `notice-${noticeId}-closed`, { at: step.now, actor: step.actor, action: "notice.closed", entity: step.ref.path, before: { state: "open" }, after: { state: "closed", published: result.applied, withdrawn, versions: result.versions }, clause: t.clause });
  // What the run did, for the person who asked for it: what was published, what withdrawn, and the list versions.
  const published = [...outcome].filter(([, o]) => o === "published").map(([id]) => id);
  return { noticeId, outcome: "closed", published, withdrawn, versions: result.versions as Record<string, number> };
}

type Concluding = { changeId: string; ref: NoticeItem["ref"]; change: ChangeApplication; next: ChangeApplication; clause: string };

/** What the change machine says of each item still in notice: published, withdrawn (upheld objection), or refused. */
function concludeItems(step: Step, upheld: ReadonlySet<string>) {
  const toPublish: Concluding[] = [];
  const toWithdraw: Concluding[] = [];
  const refused: { item: NoticeItem & { change: ChangeApplication }; refusal: Refusal }[] = [];
  for (const { changeId, ref, change } of step.items) {
    if (!change || change.state !== "inNotice") continue;
    const event: ChangeEvent = upheld.has(changeId) ? { type: "objectionUpheld" } : { type: "noticeConcluded" };
    const e = changeMachine.transition(change.state, event, changeContext(step.ctx, step.asOf, change));
    if (!e.ok) refused.push({ item: { changeId, ref, change }, refusal: e });
    else (e.next === "withdrawn" ? toWithdraw : toPublish).push({ changeId, ref, change, next: { ...change, state: e.next, clause: e.clause }, clause: e.clause });
  }
  return { toPublish, toWithdraw, refused };
}

/** A change leaves the notice: published, or withdrawn (with why). */
function writeConcluded(tx: Transaction, step: Step, ref: NoticeItem["ref"], next: ChangeApplication, audit: { clause: string; note?: string; versions?: object }) {
  tx.set(ref, next);
  appendAudit(tx, step.programmeId, `change-${ref.id}-concluded-${step.noticeId}`, {
    at: step.now,
    actor: step.actor,
    action: `change.${next.state}`,
    entity: ref.path,
    before: { state: "inNotice" },
    after: { state: next.state, ...(audit.versions ? { versions: audit.versions } : {}) },
    clause: audit.clause,
    ...(audit.note ? { note: audit.note } : {}),
  });
}

/** The change machine refused to move an item with its notice: the item stays as it is, and why is on record. */
function recordItemRefused(tx: Transaction, step: Step, at: "open" | "close", item: { changeId: string; ref: NoticeItem["ref"]; change: ChangeApplication }, refusal: Refusal, clause: string) {
  appendAudit(tx, step.programmeId, `change-${item.changeId}-${at}-refused-${step.noticeId}`, {
    at: step.now,
    actor: step.actor,
    action: "change.noticeStepRefused",
    entity: item.ref.path,
    before: { state: item.change.state },
    after: { state: item.change.state, noticeStep: at, code: refusal.code },
    clause,
    note: refusal.message,
  });
}
