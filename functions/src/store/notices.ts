// Public notices (公示, GZ-4.6.3, DG-14) as a chronograph: each notice carries `nextDeadlineOn`;
// the daily job takes the due ones and moves each in its own transaction, claimed by state, so
// a second run (or a staff run racing the scheduled one) finds nothing left to do.
import { changeMachine } from "../domain/change.machine.js";
import type { IsoDate } from "../domain/dates.js";
import { noticeMachine } from "../domain/notice.machine.js";
import { noticeNextDeadline } from "../domain/noticeSchedule.js";
import type { Actor, ChangeApplication, Notice } from "../domain/schemas/index.js";
import { db } from "./admin.js";
import { appendAudit, systemActor } from "./audit.js";
import { collections } from "./collections.js";
import { loadProgrammeContext } from "./programmeContext.js";
import { applyAndPublish, readForPublishing } from "./publishing.js";
import { Refused, refused } from "../domain/errors.js";

export type StepOutcome = { noticeId: string; outcome: "opened" | "closed" | "nothing" | "refused"; code?: string; message?: string; versions?: Record<string, number> };

const job = "noticeCycle";

/** One step of one notice as of `asOf`: open it, close it, or (already moved / refused) nothing. */
export async function stepNotice(programmeId: string, noticeId: string, asOf: IsoDate, now: Date, actor: Actor = systemActor(job)): Promise<StepOutcome> {
  return db.runTransaction(async (tx) => {
    const ctx = await loadProgrammeContext(programmeId, tx);
    const ref = collections.notices(programmeId).doc(noticeId);
    const notice = (await tx.get(ref)).data();
    if (!notice || notice.state === "closed") return { noticeId, outcome: "nothing" };
    const changeRefs = notice.items.map((i) => collections.changes(programmeId).doc(i.changeId));
    const changes = (await tx.getAll(...changeRefs)).map((s) => s.data());
    const base = { today: asOf, pack: ctx.pack, programmeEndsOn: ctx.programme.endsOn };

    if (notice.state === "scheduled") {
      const t = noticeMachine.transition("scheduled", { type: "open" }, { ...base, startsOn: notice.startsOn, endsOn: notice.endsOn, pendingObjectionIds: [] });
      if (!t.ok) return { noticeId, outcome: "nothing", code: t.code, message: t.message };
      changes.forEach((c, i) => {
        if (!c) return;
        const e = changeMachine.transition(c.state, { type: "enterNotice", noticeId }, { ...base, changeType: c.type, missingDocuments: [] });
        if (e.ok) tx.set(changeRefs[i]!, { ...c, state: e.next, noticeId, clause: e.clause });
      });
      tx.set(ref, { ...notice, state: t.next, openedOn: asOf, nextDeadlineOn: noticeNextDeadline("open", notice) });
      appendAudit(tx, programmeId, `notice-${noticeId}-opened`, { at: now, actor, action: "notice.opened", entity: ref.path, before: { state: "scheduled" }, after: { state: t.next, startsOn: notice.startsOn, endsOn: notice.endsOn }, clause: t.clause });
      return { noticeId, outcome: "opened" };
    }

    // open → closed
    const objections = (await tx.get(collections.objections(programmeId, noticeId))).docs.map((d) => ({ id: d.id, ...d.data() }));
    const pending = objections.filter((o) => o.state === "pending").map((o) => o.id);
    const t = noticeMachine.transition("open", { type: "close" }, { ...base, startsOn: notice.startsOn, endsOn: notice.endsOn, pendingObjectionIds: pending });
    if (!t.ok) return { noticeId, outcome: t.code === "NOTICE_NOT_ENDED" ? "nothing" : "refused", code: t.code, message: t.message };
    const upheld = new Set(objections.filter((o) => o.state === "upheld" && o.changeId).map((o) => o.changeId!));

    const toPublish: { changeId: string; change: ChangeApplication; next: ChangeApplication }[] = [];
    const toWithdraw: { i: number; next: ChangeApplication; clause: string }[] = [];
    changes.forEach((c, i) => {
      if (!c || c.state !== "inNotice") return;
      const changeId = notice.items[i]!.changeId;
      const ctxc = { ...base, changeType: c.type, missingDocuments: [] };
      const e = upheld.has(changeId) ? changeMachine.transition(c.state, { type: "objectionUpheld" }, ctxc) : changeMachine.transition(c.state, { type: "noticeConcluded" }, ctxc);
      if (!e.ok) return;
      if (e.next === "withdrawn") toWithdraw.push({ i, next: { ...c, state: "withdrawn", clause: e.clause }, clause: e.clause });
      else toPublish.push({ changeId, change: c, next: { ...c, state: e.next, clause: e.clause } });
    });
    const snap = await readForPublishing(tx, programmeId, toPublish.map((p) => p.change));

    // ---- writes ----
    const result = applyAndPublish(tx, programmeId, snap, toPublish, { today: asOf, now, clause: t.clause, noticeId });
    const outcome = new Map<string, "published" | "withdrawn">();
    for (const p of toPublish) {
      const failed = result.failed.find((f) => f.changeId === p.changeId);
      const next: ChangeApplication = failed ? { ...p.change, state: "withdrawn", clause: t.clause } : p.next;
      outcome.set(p.changeId, failed ? "withdrawn" : "published");
      tx.set(collections.changes(programmeId).doc(p.changeId), next);
      appendAudit(tx, programmeId, `change-${p.changeId}-concluded-${noticeId}`, {
        at: now,
        actor,
        action: failed ? "change.withdrawn" : "change.published",
        entity: collections.changes(programmeId).doc(p.changeId).path,
        before: { state: "inNotice" },
        after: { state: next.state, ...(failed ? {} : { versions: result.versions }) },
        clause: t.clause,
        ...(failed ? { note: failed.refusal.message } : {}),
      });
    }
    for (const w of toWithdraw) {
      const changeId = notice.items[w.i]!.changeId;
      outcome.set(changeId, "withdrawn");
      tx.set(changeRefs[w.i]!, w.next);
      appendAudit(tx, programmeId, `change-${changeId}-concluded-${noticeId}`, { at: now, actor, action: "change.withdrawn", entity: changeRefs[w.i]!.path, before: { state: "inNotice" }, after: { state: "withdrawn" }, clause: w.clause, note: "公示期间异议成立，该事项撤回" });
    }
    const closed: Notice = { ...notice, state: "closed", closedOn: asOf, items: notice.items.map((i) => ({ ...i, ...(outcome.has(i.changeId) ? { outcome: outcome.get(i.changeId)! } : {}) })) };
    delete closed.nextDeadlineOn;
    tx.set(ref, closed);
    appendAudit(tx, programmeId, `notice-${noticeId}-closed`, { at: now, actor, action: "notice.closed", entity: ref.path, before: { state: "open" }, after: { state: "closed", published: result.applied, withdrawn: [...outcome].filter(([, o]) => o === "withdrawn").map(([id]) => id), versions: result.versions }, clause: t.clause });
    return { noticeId, outcome: "closed", versions: result.versions as Record<string, number> };
  });
}

/** Bounded batch per query; the rest is picked up by the next run. */
const BATCH = 50;

/** The notice job for one programme as of `asOf`: every due notice, each in its own transaction. */
export async function runNoticeCycleFor(programmeId: string, asOf: IsoDate, now: Date, actor: Actor = systemActor(job)): Promise<StepOutcome[]> {
  const due = await collections.notices(programmeId).where("nextDeadlineOn", "<=", asOf).orderBy("nextDeadlineOn").limit(BATCH).get();
  const outcomes: StepOutcome[] = [];
  for (const d of due.docs) {
    // A notice due for both opening and closing (the job was down) takes both steps, in order.
    let step = await stepNotice(programmeId, d.id, asOf, now, actor);
    if (step.outcome === "opened") {
      const second = await stepNotice(programmeId, d.id, asOf, now, actor);
      if (second.outcome !== "nothing") step = second;
    }
    outcomes.push(step);
  }
  return outcomes;
}

/** The scheduled run: every programme. */
export async function runNoticeCycleAll(asOf: IsoDate, now: Date): Promise<Record<string, StepOutcome[]>> {
  const programmes = await collections.programmes().get();
  const all: Record<string, StepOutcome[]> = {};
  for (const p of programmes.docs) all[p.id] = await runNoticeCycleFor(p.id, asOf, now);
  return all;
}

/** Staff decide an objection while the notice is open (GZ-4.6.3, DG-14); the first decision stands. */
export async function decideObjectionAt(req: { programmeId: string; noticeId: string; objectionId: string; upheld: boolean; decision: string }, actor: Actor, today: IsoDate, now: Date) {
  const { programmeId, noticeId, objectionId } = req;
  return db.runTransaction(async (tx) => {
    const ctx = await loadProgrammeContext(programmeId, tx);
    const notice = (await tx.get(collections.notices(programmeId).doc(noticeId))).data();
    if (!notice) refused("NOTICE_NOT_FOUND", noticeId);
    const oref = collections.objections(programmeId, noticeId).doc(objectionId);
    const objection = (await tx.get(oref)).data();
    if (!objection) refused("OBJECTION_NOT_FOUND", objectionId);
    if (objection.state !== "pending") refused("ALREADY_DECIDED", `该异议已${objection.state === "upheld" ? "认定成立" : "认定不成立"}`);
    const t = noticeMachine.transition(notice.state, { type: "decideObjection", objectionId, upheld: req.upheld, decision: req.decision }, {
      today,
      pack: ctx.pack,
      programmeEndsOn: ctx.programme.endsOn,
      startsOn: notice.startsOn,
      endsOn: notice.endsOn,
      pendingObjectionIds: [objectionId],
    });
    if (!t.ok) throw new Refused(t);
    const next = { ...objection, state: req.upheld ? ("upheld" as const) : ("dismissed" as const), decision: req.decision, decidedBy: actor };
    tx.set(oref, next);
    appendAudit(tx, programmeId, `objection-${noticeId}-${objectionId}-decided`, {
      at: now,
      actor,
      action: req.upheld ? "objection.upheld" : "objection.dismissed",
      entity: oref.path,
      before: { state: "pending" },
      after: { state: next.state, changeId: objection.changeId ?? null },
      clause: t.clause,
      note: req.decision,
    });
    return { state: next.state };
  });
}
