// Opening a proceeding by hand (staff) or on the unit's own request: the domain's
// `openProceeding` decides whether the ground is one the pack lists and the evidence suffices;
// the referenced unit, partner, complaints and documents must exist and belong together.
import type { Transaction } from "firebase-admin/firestore";
import { shanghaiDate } from "../domain/dates.js";
import { programmeClosed } from "../domain/machine.js";
import { openProceeding as decideOpening, type ProceedingKind } from "../domain/proceedings.js";
import type { Actor, Proceeding } from "../domain/schemas/index.js";
import { appendAudit } from "./audit.js";
import { collections } from "./collections.js";
import { loadProgrammeContext } from "./programmeContext.js";
import { allowedEventsOf, moveUnit } from "./proceedingSteps.js";
import { Refused, refused } from "../domain/errors.js";

export interface OpenInput {
  programmeId: string;
  kind: ProceedingKind;
  unitId: string;
  partnerId?: string;
  ground: string;
  evidence: { description: string; documentId?: string }[];
  complaintIds: string[];
  note?: string;
}

export async function openProceedingInTx(tx: Transaction, input: OpenInput, actor: Actor, now: Date, proceedingId?: string) {
  const today = shanghaiDate(now);
  const pid = input.programmeId;
  const ctx = await loadProgrammeContext(pid, tx);
  const closed = programmeClosed({ today, pack: ctx.pack, programmeEndsOn: ctx.programme.endsOn });
  if (closed) throw new Refused(closed);
  // The pack decides first: a ground or procedure it does not list is refused whatever the records say.
  const opened = decideOpening({ kind: input.kind, ground: input.ground, evidence: input.evidence, complaintIds: input.complaintIds }, ctx.pack);
  if (!opened.ok) throw new Refused(opened);

  const unitRef = collections.units(pid).doc(input.unitId);
  const unit = (await tx.get(unitRef)).data();
  if (!unit) refused("UNIT_NOT_FOUND", input.unitId);
  if (input.kind === "partnerRemoval") {
    if (!input.partnerId) refused("PARTNER_REQUIRED", "取消合作伙伴须指定");
    const partner = (await tx.get(collections.partners(pid).doc(input.partnerId))).data();
    if (!partner || partner.unitId !== input.unitId) refused("PARTNER_NOT_FOUND", input.partnerId);
  }
  for (const id of input.complaintIds) {
    const c = (await tx.get(collections.complaints(pid).doc(id))).data();
    if (!c || c.unitId !== input.unitId) refused("COMPLAINT_NOT_FOUND", id);
  }
  for (const e of input.evidence) {
    if (!e.documentId) continue;
    const d = (await tx.get(collections.documents(pid).doc(e.documentId))).data();
    if (!d || (d.ownerUnitId !== undefined && d.ownerUnitId !== input.unitId)) refused("EVIDENCE_NOT_FOUND", e.documentId);
  }
  const ref = proceedingId ? collections.proceedings(pid).doc(proceedingId) : collections.proceedings(pid).doc();
  if (proceedingId && (await tx.get(ref)).exists) refused("ALREADY_SUBMITTED");

  const evidence = [...input.evidence, ...input.complaintIds.map((id) => ({ description: `关联投诉 ${id}` }))];
  const base = { unitId: input.unitId, ground: input.ground, evidence, automatic: false, openedOn: today, openedBy: actor, state: "proposed" as const, ...(input.note ? { note: input.note } : {}) };
  const p: Proceeding =
    input.kind === "partnerRemoval" ? { kind: "partnerRemoval", ...base, partnerId: input.partnerId! } : input.kind === "clearOut" ? { kind: "clearOut", ...base } : { kind: "criticism", ...base, extensions: [] };

  let status = unit.status;
  for (const e of opened.effects) if (e.type === "setUnitStatus") status = moveUnit(status, e.status, input.ground, input.kind, ctx, today);

  tx.create(ref, p);
  appendAudit(tx, pid, `${ref.id}.open`, { at: now, actor, action: "proceeding.opened", entity: ref.path, after: { kind: p.kind, ground: p.ground, evidence, partnerId: input.partnerId ?? null }, clause: opened.clause });
  if (status !== unit.status) {
    tx.set(unitRef, { ...unit, status, statusChangedOn: today });
    appendAudit(tx, pid, `${ref.id}.unit-${status}.${now.getTime()}`, { at: now, actor, action: "unit.status", entity: unitRef.path, before: { status: unit.status }, after: { status }, clause: opened.clause });
  }
  return { proceedingId: ref.id, state: p.state, allowedEvents: allowedEventsOf(p, ctx, today) };
}
