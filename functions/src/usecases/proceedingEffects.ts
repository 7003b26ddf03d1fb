// Carrying out what a proceeding's machine asked for, inside the step's transaction: unit status
// through unit.machine.ts, notifications to the unit, the clear-out an escalation opens, the
// programme's ban, suspended partners and catalogue items, the announcement (of a clear-out or of a
// cancelled qualification), the partner's status and the partner list's next version (DG-16), the circulated criticism (通报, GZ-4.4a.0) and
// the outcomes added to it. Everything an
// effect touches is read first (`loadEffectTargets`), because Firestore wants every read before
// the first write; the writer itself only writes. Side-effect documents have fixed ids and are
// created only when absent, so a replayed step adds nothing.
import type { DocumentReference, Transaction } from "firebase-admin/firestore";
import { circularOf, withOutcome } from "../domain/circulars.js";
import type { ProceedingEffect } from "../domain/effects.js";
import { refused, Refused } from "../domain/errors.js";
import { decideOpening, type ProceedingContext } from "../domain/proceedings.js";
import { type Actor, type CatalogueItem, type Circular, type Partner, type Proceeding, publicCircularOf, type Unit } from "../domain/schemas/index.js";
import type { UnitState } from "../domain/states.js";
import { moveUnitStatus } from "../domain/unitStatus.js";
import { appendAudit } from "../store/audit.js";
import { collections } from "../store/collections.js";
import { groundWord, partnerRemovalBasis, proceedingKindWords } from "../domain/words.js";
import { readListsForPublishing, type PublishingSnapshot } from "../store/publishing.js";
import { notifyClearOutProposed } from "../store/unitNotifications.js";
import { publishPartnerRemoval } from "./publishChanges.js";

interface Loaded<T> {
  ref: DocumentReference<T>;
  data: T;
}

/** Everything the effects may touch, read before the first write. */
interface EffectTargets {
  unit: Loaded<Unit>;
  partner?: Loaded<Partner>;
  partners: Loaded<Partner>[];
  catalogue: Loaded<CatalogueItem>[];
  banExists: boolean;
  announcementExists: boolean;
  clearOutExists: boolean;
  /** GZ-4.4a.0: the criticism's 通报 as stored, when one was circulated. */
  circular?: Circular;
  /** DG-16: the registry and the latest partner list, when the step publishes the list's next version. */
  publishing?: PublishingSnapshot;
}

const escalatedClearOutId = (proceedingId: string) => `${proceedingId}-clearOut`;

export async function loadEffectTargets(tx: Transaction, programmeId: string, proceedingId: string, p: Proceeding, effects: readonly ProceedingEffect[]): Promise<EffectTargets> {
  const unitRef = collections.units(programmeId).doc(p.unitId);
  const unit = (await tx.get(unitRef)).data() ?? refused("UNIT_NOT_FOUND", p.unitId);
  const has = (type: ProceedingEffect["type"]) => effects.some((e) => e.type === type);
  const out: EffectTargets = { unit: { ref: unitRef, data: unit }, partners: [], catalogue: [], banExists: false, announcementExists: false, clearOutExists: false };
  if (p.kind === "partnerRemoval" && has("setPartnerStatus")) {
    const ref = collections.partners(programmeId).doc(p.partnerId);
    out.partner = { ref, data: (await tx.get(ref)).data() ?? refused("PARTNER_NOT_FOUND", p.partnerId) };
  }
  if (has("suspendPartnersAndCatalogue")) {
    out.partners = (await tx.get(collections.partners(programmeId).where("unitId", "==", p.unitId))).docs.map((d) => ({ ref: d.ref, data: d.data() }));
    out.catalogue = (await tx.get(collections.catalogue(programmeId).where("unitId", "==", p.unitId))).docs.map((d) => ({ ref: d.ref, data: d.data() }));
  }
  if (has("banUscc")) out.banExists = (await tx.get(collections.bans(programmeId).doc(unit.uscc))).exists;
  if (has("publishAnnouncement")) out.announcementExists = (await tx.get(collections.announcements(programmeId).doc(proceedingId))).exists;
  if (has("circulateCriticism") || has("recordCircularOutcome")) out.circular = (await tx.get(collections.circulars(programmeId).doc(proceedingId))).data();
  if (has("publishPartnerList")) out.publishing = await readListsForPublishing(tx, programmeId, new Set(["partners"]));
  if (has("openClearOut")) out.clearOutExists = (await tx.get(collections.proceedings(programmeId).doc(escalatedClearOutId(proceedingId)))).exists;
  return out;
}

/** The step the effects belong to. */
interface StepScope {
  tx: Transaction;
  programmeId: string;
  proceedingId: string;
  ctx: ProceedingContext;
  actor: Actor;
  now: Date;
}

/** Carries out a transition's effects through the typed collections; all writes, no reads. */
export class EffectWriter {
  private unitStatus: UnitState;
  /** The clause of the unit's last step: the proceeding's ground unless the effect named another. */
  private statusClause: string;
  private notes = 0;

  /** `proceeding`: the proceeding as it will be written; effects on the proceeding itself land here. */
  constructor(
    private scope: StepScope,
    public proceeding: Proceeding,
    private targets: EffectTargets,
  ) {
    this.unitStatus = targets.unit.data.status;
    this.statusClause = proceeding.ground;
  }

  apply(e: ProceedingEffect, clause: string): void {
    switch (e.type) {
      case "setUnitStatus":
        return this.setUnitStatus(e.status, e.ground);
      case "notifyUnit":
        return this.notify(`${this.scope.ctx.pack.workGroupName}通知`, e.message);
      case "publishCriticism":
        // GZ-4.4a 通报批评: the unit is told formally; the criticism record itself is the proceeding.
        return this.notify(proceedingKindWords.criticism, `${this.targets.unit.data.name}：因“${groundWord(e.ground)}”（${e.ground}）予以通报批评，并责令限期整改。`);
      case "circulateCriticism":
        return this.circulate(e.clause, e.deadline);
      case "recordCircularOutcome":
        return this.addCircularOutcome(e);
      case "scheduleDeadline":
        // Kept on the proceeding, where the deadline sweep finds it.
        if (this.proceeding.kind === "criticism" && e.kind === "rectification") this.proceeding = { ...this.proceeding, rectificationDeadline: e.on };
        return;
      case "openClearOut":
        return this.openClearOut(e.ground);
      case "banUscc":
        return this.ban(e.ground);
      case "suspendPartnersAndCatalogue":
        return this.suspendPartnersAndCatalogue();
      case "publishAnnouncement":
        return this.announce(e);
      case "setPartnerStatus":
        return this.setPartnerStatus(e.status, clause);
      case "publishPartnerList":
        return this.publishPartnerList(clause);
      default: {
        const unhandled: never = e;
        throw new Error(`未处理的程序效果：${JSON.stringify(unhandled)}`);
      }
    }
  }

  /** Writes the unit's status once, after every effect had its say. */
  finish(): void {
    const { unit } = this.targets;
    if (this.unitStatus === unit.data.status) return;
    this.scope.tx.set(unit.ref, { ...unit.data, status: this.unitStatus, statusChangedOn: this.scope.ctx.today });
    this.audit(`unit-${this.unitStatus}.${this.scope.now.getTime()}`, { action: "unit.status", entity: unit.ref.path, before: { status: unit.data.status }, after: { status: this.unitStatus }, clause: this.statusClause });
  }

  private audit(suffix: string, entry: { action: string; entity: string; before?: unknown; after?: unknown; clause?: string }) {
    const { tx, programmeId, proceedingId, now, actor } = this.scope;
    appendAudit(tx, programmeId, `${proceedingId}.${suffix}`, { at: now, actor, ...entry });
  }

  private setUnitStatus(target: UnitState, ground = this.proceeding.ground, source = this.proceeding.kind) {
    const next = moveUnitStatus(this.unitStatus, target, ground, source, this.scope.ctx);
    if (next !== this.unitStatus) this.statusClause = ground;
    this.unitStatus = next;
  }

  private notify(title: string, body: string) {
    const { tx, programmeId, proceedingId, now } = this.scope;
    const id = `${proceedingId}-${now.getTime()}-${this.notes++}`;
    tx.set(collections.notifications(programmeId).doc(id), { toUnitId: this.proceeding.unitId, kind: "proceeding", title, body, link: `/portal/proceedings/${proceedingId}`, createdAt: now });
  }

  /** GZ-4.3b: an overdue rectification escalated to a clear-out proposal of its own. */
  private openClearOut(ground: string) {
    if (this.targets.clearOutExists) return;
    const { tx, programmeId, proceedingId, ctx, actor, now } = this.scope;
    const opened = decideOpening({ kind: "clearOut", ground, evidence: [{ description: "整改逾期" }] }, ctx.pack);
    if (!opened.ok) throw new Refused(opened);
    const p = this.proceeding;
    const deadline = p.kind === "criticism" ? p.rectificationDeadline : undefined;
    const ref = collections.proceedings(programmeId).doc(escalatedClearOutId(proceedingId));
    tx.create(ref, {
      kind: "clearOut",
      unitId: p.unitId,
      ground,
      evidence: [{ description: `通报批评（${p.ground}）责令的整改未在期限 ${deadline ?? "（未定）"} 前完成，${ctx.pack.clauses.rectificationOverdue ?? ""} 决定启动清退（程序 ${proceedingId}）` }],
      automatic: false,
      openedOn: ctx.today,
      openedBy: actor,
      state: "proposed",
    });
    notifyClearOutProposed(tx, programmeId, ref.id, { unitId: p.unitId, ground }, now);
    this.setUnitStatus("clearOutProposed", ground, "clearOut");
    this.audit(`openClearOut.${now.getTime()}`, { action: "proceeding.proposed", entity: ref.path, after: { kind: "clearOut", ground, from: proceedingId }, clause: ground });
  }

  /** GZ-4.4b / DG-10: barred from this programme's list; other programmes keep their own bans. */
  private ban(ground: string) {
    if (this.targets.banExists) return; // banned here already (a replay): the first ban stands
    const { tx, programmeId, proceedingId, ctx } = this.scope;
    const unit = this.targets.unit.data;
    const ref = collections.bans(programmeId).doc(unit.uscc);
    tx.create(ref, { uscc: unit.uscc, unitName: unit.name, programmeId, proceedingId, ground, effectiveOn: ctx.today });
    this.audit("ban", { action: "unit.banned", entity: ref.path, after: { uscc: unit.uscc, ground }, clause: ground });
  }

  private suspendPartnersAndCatalogue() {
    const { tx } = this.scope;
    const suspended: string[] = [];
    for (const { ref, data } of this.targets.partners) {
      if (data.status === "removed" || data.status === "suspended") continue;
      tx.set(ref, { ...data, status: "suspended" });
      suspended.push(ref.path);
    }
    for (const { ref, data } of this.targets.catalogue) {
      if (data.status !== "pending" && data.status !== "approved") continue;
      tx.set(ref, { ...data, status: "suspended" });
      suspended.push(ref.path);
    }
    if (suspended.length) this.audit("suspend", { action: "unit.partnersAndCatalogueSuspended", entity: this.targets.unit.ref.path, after: { suspended }, clause: this.proceeding.ground });
  }

  /**
   * The public announcement: of a clear-out under the pack's announcement clause (GZ-4.5 / DG-11),
   * of a cancelled qualification under its own clause (GZ-4.3b), announced the same way.
   */
  private announce({ outcome, ground, reason }: Extract<ProceedingEffect, { type: "publishAnnouncement" }>) {
    if (this.targets.announcementExists) return;
    const { tx, programmeId, proceedingId, ctx, now } = this.scope;
    const unit = this.targets.unit.data;
    const ref = collections.announcements(programmeId).doc(proceedingId);
    tx.create(ref, { outcome, unitName: unit.name, uscc: unit.uscc, ground, reason, effectiveOn: ctx.today, publishedAt: now, proceedingId });
    const clause = outcome === "clearOut" ? ctx.pack.clearOut.announcementClause : ground;
    this.audit("announcement", { action: "announcement.published", entity: ref.path, after: { outcome, unitName: unit.name, ground, reason }, clause });
  }

  /** GZ-4.4a.0: the issued criticism circulated to the programme's units and the public page. */
  private circulate(clause: string, deadline: string) {
    if (this.targets.circular) return; // circulated already (a replay): the first 通报 stands
    const { ctx, now } = this.scope;
    const circular = circularOf({ proceedingId: this.scope.proceedingId, proceeding: this.proceeding, unitName: this.targets.unit.data.name, issuedOn: ctx.today, rectificationDeadline: deadline, clause, publishedAt: now });
    this.writeCircular(circular);
    this.targets.circular = circular;
    this.audit("circular", { action: "circular.published", entity: collections.circulars(this.scope.programmeId).doc(this.scope.proceedingId).path, after: { unitName: circular.unitName, ground: circular.ground, rectificationDeadline: deadline }, clause });
  }

  /** GZ-4.4a.0: the rectification's outcome added to the 通报, once. A criticism never circulated has none to add to. */
  private addCircularOutcome({ clause, outcome }: Extract<ProceedingEffect, { type: "recordCircularOutcome" }>) {
    const before = this.targets.circular;
    if (!before) return;
    const after = withOutcome(before, outcome);
    if (after === before) return;
    this.writeCircular(after);
    this.targets.circular = after;
    const entity = collections.circulars(this.scope.programmeId).doc(this.scope.proceedingId).path;
    this.audit(`circular-${outcome.kind}.${this.scope.now.getTime()}`, { action: "circular.outcome", entity, after: { outcome }, clause });
  }

  /** The 通报 for the programme and its public projection, side by side. */
  private writeCircular(c: Circular) {
    const { tx, programmeId, proceedingId } = this.scope;
    tx.set(collections.circulars(programmeId).doc(proceedingId), c);
    tx.set(collections.publicCirculars(programmeId).doc(proceedingId), publicCircularOf(c));
  }

  private setPartnerStatus(status: "removalOrdered" | "removed", clause: string) {
    const partner = this.targets.partner;
    if (!partner) return;
    const after = { ...partner.data, status };
    this.scope.tx.set(partner.ref, after);
    this.audit(`partner-${status}.${this.scope.now.getTime()}`, { action: "partner.status", entity: partner.ref.path, before: { status: partner.data.status }, after: { status }, clause });
    this.targets.partner = { ref: partner.ref, data: after };
  }

  /**
   * DG-16 相应变更: the partner, as the step left it, leaves the published partner list through a
   * new version naming this proceeding and its ground. A replayed confirmation is refused by the
   * machine; a partner no longer on the latest version (it left through a DG-14 application) adds none.
   */
  private publishPartnerList(clause: string) {
    const { partner, publishing } = this.targets;
    if (!partner || !publishing || this.proceeding.kind !== "partnerRemoval") return;
    const { tx, programmeId, proceedingId, ctx, actor, now } = this.scope;
    const partnerId = this.proceeding.partnerId;
    const basis = partnerRemovalBasis(partner.data.name, this.proceeding.ground);
    const version = publishPartnerRemoval(tx, programmeId, publishing, partnerId, partner.data, { today: ctx.today, now, clause, proceedingId, basis });
    if (version === undefined) return;
    const entity = collections.partnerLists(programmeId).doc(String(version)).path;
    appendAudit(tx, programmeId, `${proceedingId}.partnerList`, { at: now, actor, action: "partnerList.published", entity, after: { version, removed: partnerId, proceedingId, basis }, clause });
  }
}
