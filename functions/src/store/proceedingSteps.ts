// One step of a proceeding (criticism, clear-out, partner removal): read everything the step
// touches, let the domain machine decide, then write the new state, every effect and the audit
// entries in the SAME transaction. Two people deciding at once: Firestore retries the loser's
// transaction, which then finds the state already moved and is refused ("already decided").
import type { DocumentReference, Transaction } from "firebase-admin/firestore";
import { clearOutMachine, type ClearOutEvent } from "../domain/clearOut.machine.js";
import { criticismMachine, type CriticismEvent } from "../domain/criticism.machine.js";
import { shanghaiDate } from "../domain/dates.js";
import type { Effect } from "../domain/effects.js";
import { refuse, type Refusal, Refused, refused } from "../domain/errors.js";
import { groundLabel } from "../domain/groundLabels.js";
import type { MachineContext } from "../domain/machine.js";
import { partnerRemovalMachine, type PartnerRemovalEvent } from "../domain/partnerRemoval.machine.js";
import { openProceeding as decideOpening } from "../domain/proceedings.js";
import type { Actor, CatalogueItem, Partner, Proceeding, Unit } from "../domain/schemas/index.js";
import type { UnitState } from "../domain/states.js";
import { unitMachine } from "../domain/unit.machine.js";
import { unitEventsForStatus } from "../domain/unitStatus.js";
import { appendAudit } from "./audit.js";
import { collections } from "./collections.js";
import { db } from "./admin.js";
import { loadProgrammeContext, type ProgrammeContext } from "./programmeContext.js";

export type ProceedingEvent = CriticismEvent | ClearOutEvent | PartnerRemovalEvent;

const STATE_LABELS: Record<string, string> = {
  proposed: "待决定",
  dismissed: "已不予立案",
  issued: "已通报批评、整改中",
  responded: "已提交整改报告",
  accepted: "整改已通过",
  overdue: "整改逾期",
  escalated: "已转清退",
  confirmed: "局务会已确认",
  dropped: "局务会未确认",
  effective: "清退已生效",
  announced: "清退已公告",
  ordered: "已责令取消合作",
  removed: "已取消合作",
};

function baseContext(ctx: ProgrammeContext, today: string): MachineContext {
  return { today, pack: ctx.pack, programmeEndsOn: ctx.programme.endsOn };
}

/** Runs the proceeding's own machine. */
export function decide(p: Proceeding, event: ProceedingEvent, ctx: ProgrammeContext, today: string) {
  const base = baseContext(ctx, today);
  if (p.kind === "criticism") return criticismMachine.transition(p.state, event as CriticismEvent, { ...base, ground: p.ground, calendar: ctx.calendar, deadline: p.rectificationDeadline });
  if (p.kind === "clearOut") return clearOutMachine.transition(p.state, event as ClearOutEvent, { ...base, ground: p.ground, reason: groundLabel(p.ground) });
  return partnerRemovalMachine.transition(p.state, event as PartnerRemovalEvent, { ...base, ground: p.ground });
}

/** The buttons the admin page may show for this proceeding today. */
export function allowedEventsOf(p: Proceeding, ctx: ProgrammeContext, today: string): string[] {
  const base = baseContext(ctx, today);
  if (p.kind === "criticism") return criticismMachine.allowedEvents(p.state, { ...base, ground: p.ground, calendar: ctx.calendar, deadline: p.rectificationDeadline });
  if (p.kind === "clearOut") return clearOutMachine.allowedEvents(p.state, { ...base, ground: p.ground, reason: groundLabel(p.ground) });
  return partnerRemovalMachine.allowedEvents(p.state, { ...base, ground: p.ground });
}

/** Moves a unit's status through unit.machine.ts, one checked event at a time; throws Refused. */
export function moveUnit(current: UnitState, target: UnitState, ground: string, source: Proceeding["kind"], ctx: ProgrammeContext, today: string): UnitState {
  let status = current;
  for (const ue of unitEventsForStatus(current, target, ground, source)) {
    const t = unitMachine.transition(status, ue, baseContext(ctx, today));
    refusedOr(t);
    status = t.next;
  }
  return status;
}

function refusedOr(t: { ok: true } | Refusal): asserts t is { ok: true } {
  if (!t.ok) throw new Refused(t);
}

/** Everything the effects may touch, read before the first write. */
interface Loaded {
  unitRef: DocumentReference<Unit>;
  unit: Unit;
  partner?: { ref: DocumentReference<Partner>; data: Partner };
  partners: { ref: DocumentReference<Partner>; data: Partner }[];
  catalogue: { ref: DocumentReference<CatalogueItem>; data: CatalogueItem }[];
  banExists: boolean;
  announcementExists: boolean;
  clearOutExists: boolean;
}

async function load(tx: Transaction, programmeId: string, proceedingId: string, p: Proceeding, effects: Effect[]): Promise<Loaded> {
  const unitRef = collections.units(programmeId).doc(p.unitId);
  const unit = (await tx.get(unitRef)).data();
  if (!unit) refused("UNIT_NOT_FOUND", p.unitId);
  const has = (type: Effect["type"]) => effects.some((e) => e.type === type);
  const out: Loaded = { unitRef, unit, partners: [], catalogue: [], banExists: false, announcementExists: false, clearOutExists: false };
  if (p.kind === "partnerRemoval" && has("setPartnerStatus")) {
    const ref = collections.partners(programmeId).doc(p.partnerId);
    const data = (await tx.get(ref)).data();
    if (!data) refused("PARTNER_NOT_FOUND", p.partnerId);
    out.partner = { ref, data };
  }
  if (has("suspendPartnersAndCatalogue")) {
    const ps = await tx.get(collections.partners(programmeId).where("unitId", "==", p.unitId));
    out.partners = ps.docs.map((d) => ({ ref: d.ref, data: d.data() }));
    const cs = await tx.get(collections.catalogue(programmeId).where("unitId", "==", p.unitId));
    out.catalogue = cs.docs.map((d) => ({ ref: d.ref, data: d.data() }));
  }
  if (has("banUscc")) out.banExists = (await tx.get(collections.bans().doc(unit.uscc))).exists;
  if (has("publishAnnouncement")) out.announcementExists = (await tx.get(collections.announcements(programmeId).doc(proceedingId))).exists;
  if (has("openClearOut")) out.clearOutExists = (await tx.get(collections.proceedings(programmeId).doc(`${proceedingId}-clearOut`))).exists;
  return out;
}

interface StepInput {
  programmeId: string;
  proceedingId: string;
  event: ProceedingEvent;
  actor: Actor;
  now: Date;
  /** The state the person saw; if it has moved since, the step is refused as already decided. */
  expectedState?: string;
  /** A unit member may act only on its own unit's proceedings. */
  unitOnly?: string;
  /** Checks that need the transaction (documents exist, …), run after the proceeding is read. */
  precheck?: (tx: Transaction, p: Proceeding) => Promise<void>;
}

export interface StepResult {
  state: string;
  allowedEvents: string[];
  clause: string;
}

export async function runProceedingStep(input: StepInput): Promise<StepResult> {
  const { programmeId, proceedingId, event, actor, now } = input;
  const today = shanghaiDate(now);
  return db.runTransaction(async (tx) => {
    const ctx = await loadProgrammeContext(programmeId, tx);
    const ref = collections.proceedings(programmeId).doc(proceedingId);
    const p = (await tx.get(ref)).data();
    if (!p) refused("PROCEEDING_NOT_FOUND", proceedingId);
    if (input.unitOnly !== undefined && p.unitId !== input.unitOnly) refused("OWN_UNIT_ONLY");
    if (input.expectedState !== undefined && input.expectedState !== p.state) {
      throw new Refused(refuse("ALREADY_DECIDED", `当前状态：${STATE_LABELS[p.state] ?? p.state}`));
    }
    await input.precheck?.(tx, p);
    const t = decide(p, event, ctx, today);
    if (!t.ok && t.code === "EVENT_NOT_ALLOWED") throw new Refused(refuse("EVENT_NOT_ALLOWED", `当前状态：${STATE_LABELS[p.state] ?? p.state}，可能已由他人处理，请刷新后查看`));
    refusedOr(t);

    // A clear-out that takes effect is announced in the same transaction (GZ-4.5 / DG-11).
    let next: Proceeding = { ...p, state: t.next } as Proceeding;
    const announce = next.kind === "clearOut" && next.state === "effective" ? decide(next, { type: "announce" }, ctx, today) : undefined;
    if (announce) refusedOr(announce);

    const loaded = await load(tx, programmeId, proceedingId, p, t.effects);
    const writes = new EffectWriter(tx, ctx, proceedingId, p, loaded, actor, now, today);

    next = withEventFields(next, event, t.effects, today);
    for (const e of t.effects) writes.apply(e, t.clause);
    if (announce?.ok && next.kind === "clearOut") next = { ...next, state: announce.next as typeof next.state, effectiveOn: today, announcedOn: today };

    tx.set(ref, next);
    appendAudit(tx, programmeId, `${proceedingId}.${event.type}.${now.getTime()}`, {
      at: now,
      actor,
      action: `proceeding.${event.type}`,
      entity: ref.path,
      before: { state: p.state },
      after: { state: t.next, ...eventDetail(event) },
      clause: t.clause,
    });
    if (announce?.ok) {
      appendAudit(tx, programmeId, `${proceedingId}.announce`, { at: now, actor, action: "proceeding.announce", entity: ref.path, before: { state: t.next }, after: { state: announce.next }, clause: announce.clause });
    }
    writes.finish();
    return { state: next.state, allowedEvents: allowedEventsOf(next, ctx, today), clause: t.clause };
  });
}

function eventDetail(event: ProceedingEvent): Record<string, unknown> {
  const { type: _type, ...rest } = event as { type: string } & Record<string, unknown>;
  return rest;
}

function withEventFields(p: Proceeding, event: ProceedingEvent, effects: Effect[], today: string): Proceeding {
  const deadline = effects.find((e): e is Extract<Effect, { type: "scheduleDeadline" }> => e.type === "scheduleDeadline" && e.kind === "rectification");
  if (p.kind === "criticism") {
    let q = { ...p };
    if (deadline) q.rectificationDeadline = deadline.on;
    if (event.type === "extend") q.extensions = [...q.extensions, event.deadline];
    if (event.type === "respond") q = { ...q, responseDocumentId: event.documentId };
    // Chronograph (GZ-4.3b): the deadline sweep looks only at nextDeadlineOn, which is set while
    // the unit owes a rectification and cleared once it has answered or the matter moved on.
    q.nextDeadlineOn = q.state === "issued" ? q.rectificationDeadline : undefined;
    return q;
  }
  if (p.kind === "clearOut") {
    if (event.type === "recordBureauMeeting") return { ...p, bureauMeeting: { heldOn: event.heldOn, minutesDocumentId: event.minutesDocumentId, decision: event.decision } };
    return p;
  }
  if (event.type === "confirmRemoved") return { ...p, removedOn: today };
  return p;
}

/** Carries out a transition's effects through the typed collections; all writes, no reads. */
class EffectWriter {
  private unitStatus: UnitState;
  private notes = 0;
  constructor(
    private tx: Transaction,
    private ctx: ProgrammeContext,
    private proceedingId: string,
    private p: Proceeding,
    private loaded: Loaded,
    private actor: Actor,
    private now: Date,
    private today: string,
  ) {
    this.unitStatus = loaded.unit.status;
  }

  private audit(suffix: string, entry: { action: string; entity: string; before?: unknown; after?: unknown; clause?: string }) {
    appendAudit(this.tx, this.ctx.programmeId, `${this.proceedingId}.${suffix}`, { at: this.now, actor: this.actor, ...entry });
  }

  private setUnitStatus(target: UnitState, ground = this.p.ground, source = this.p.kind) {
    this.unitStatus = moveUnit(this.unitStatus, target, ground, source, this.ctx, this.today);
  }

  private notify(title: string, body: string) {
    const id = `${this.proceedingId}-${this.now.getTime()}-${this.notes++}`;
    this.tx.set(collections.notifications(this.ctx.programmeId).doc(id), { toUnitId: this.p.unitId, kind: "proceeding", title, body, link: `/portal/proceedings/${this.proceedingId}`, createdAt: this.now });
  }

  apply(e: Effect, clause: string) {
    const pid = this.ctx.programmeId;
    const unit = this.loaded.unit;
    switch (e.type) {
      case "setUnitStatus":
        this.setUnitStatus(e.status);
        return;
      case "notifyUnit":
        this.notify("工作小组通知", e.message);
        return;
      case "publishCriticism":
        // GZ-4.4a 通报批评: the unit is told formally; the criticism record itself is the proceeding.
        this.notify("通报批评", `${unit.name}：因“${groundLabel(e.ground)}”（${e.ground}）予以通报批评，并责令限期整改。`);
        return;
      case "scheduleDeadline":
        return; // kept on the proceeding (rectificationDeadline), where the deadline sweep finds it
      case "openClearOut": {
        if (this.loaded.clearOutExists) return;
        const opened = decideOpening({ kind: "clearOut", ground: e.ground, evidence: [{ description: "整改逾期" }] }, this.ctx.pack);
        refusedOr(opened);
        const deadline = this.p.kind === "criticism" ? this.p.rectificationDeadline : undefined;
        const ref = collections.proceedings(pid).doc(`${this.proceedingId}-clearOut`);
        this.tx.create(ref, {
          kind: "clearOut",
          unitId: this.p.unitId,
          ground: e.ground,
          evidence: [{ description: `通报批评（${this.p.ground}）责令的整改未在期限 ${deadline ?? "（未定）"} 前完成，${this.ctx.pack.clauses.rectificationOverdue ?? ""} 决定启动清退（程序 ${this.proceedingId}）` }],
          automatic: false,
          openedOn: this.today,
          openedBy: this.actor,
          state: "proposed",
        });
        this.setUnitStatus("clearOutProposed", e.ground, "clearOut");
        this.audit(`openClearOut.${this.now.getTime()}`, { action: "proceeding.proposed", entity: ref.path, after: { kind: "clearOut", ground: e.ground, from: this.proceedingId }, clause: e.ground });
        return;
      }
      case "banUscc": {
        if (this.loaded.banExists) return; // banned already (another programme or a replay): the first ban stands
        const ref = collections.bans().doc(unit.uscc);
        this.tx.create(ref, { uscc: unit.uscc, unitName: unit.name, programmeId: pid, proceedingId: this.proceedingId, ground: e.ground, effectiveOn: this.today });
        this.audit("ban", { action: "unit.banned", entity: ref.path, after: { uscc: unit.uscc, ground: e.ground }, clause: e.ground });
        return;
      }
      case "suspendPartnersAndCatalogue": {
        const suspended: string[] = [];
        for (const { ref, data } of this.loaded.partners) {
          if (data.status === "removed" || data.status === "suspended") continue;
          this.tx.set(ref, { ...data, status: "suspended" });
          suspended.push(ref.path);
        }
        for (const { ref, data } of this.loaded.catalogue) {
          if (data.status !== "pending" && data.status !== "approved") continue;
          this.tx.set(ref, { ...data, status: "suspended" });
          suspended.push(ref.path);
        }
        if (suspended.length) this.audit("suspend", { action: "unit.partnersAndCatalogueSuspended", entity: this.loaded.unitRef.path, after: { suspended }, clause: this.p.ground });
        return;
      }
      case "publishAnnouncement": {
        if (this.loaded.announcementExists) return;
        const ref = collections.announcements(pid).doc(this.proceedingId);
        this.tx.create(ref, { unitName: unit.name, uscc: unit.uscc, ground: e.ground, reason: e.reason, effectiveOn: this.today, publishedAt: this.now, proceedingId: this.proceedingId });
        this.audit("announcement", { action: "announcement.published", entity: ref.path, after: { unitName: unit.name, ground: e.ground, reason: e.reason }, clause: this.ctx.pack.clearOut.announcementClause });
        return;
      }
      case "setPartnerStatus": {
        const partner = this.loaded.partner;
        if (!partner) return;
        this.tx.set(partner.ref, { ...partner.data, status: e.status });
        this.audit(`partner-${e.status}.${this.now.getTime()}`, { action: "partner.status", entity: partner.ref.path, before: { status: partner.data.status }, after: { status: e.status }, clause });
        return;
      }
      case "publishList":
        // The published partner list gets its next version from the change / notice workflow
        // (DG-14), which owns list versions; the removal itself is recorded on the partner.
        return;
      default:
        return;
    }
  }

  finish() {
    if (this.unitStatus !== this.loaded.unit.status) {
      this.tx.set(this.loaded.unitRef, { ...this.loaded.unit, status: this.unitStatus, statusChangedOn: this.today });
      this.audit(`unit-${this.unitStatus}.${this.now.getTime()}`, { action: "unit.status", entity: this.loaded.unitRef.path, before: { status: this.loaded.unit.status }, after: { status: this.unitStatus }, clause: this.p.ground });
    }
  }
}
