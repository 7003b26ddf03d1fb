// Staff open a criticism (GZ-4.4a), clear-out (GZ-4.4b / DG-10) or partner removal (DG-16) on a
// ground the programme's pack lists, with evidence; it starts as a proposal staff then decide.
// A unit's own exit request opens a clear-out proposal the same way (usecases/requestWithdrawal).
// The domain's `decideOpening` decides whether the ground is one the pack lists and the evidence
// suffices; the referenced unit, partner, complaints and documents must exist and belong together.
import type { Transaction } from "firebase-admin/firestore";
import type { z } from "zod";
import { shanghaiDate } from "../domain/dates.js";
import { Refused, refused } from "../domain/errors.js";
import { decideOpening, type ProceedingKind, proceedingMachine } from "../domain/proceedings.js";
import type { Actor, Proceeding } from "../domain/schemas/index.js";
import type { openProceedingCallSchema } from "../domain/schemas/workflowRequests.js";
import { moveUnitStatus } from "../domain/unitStatus.js";
import { appendAudit } from "../store/audit.js";
import { collections } from "../store/collections.js";
import { loadProgrammeContext, type ProgrammeContext } from "../store/programmeContext.js";
import type { Deps } from "./deps.js";
import { requireOpenProgramme } from "./openProgramme.js";
import { proceedingContextOf } from "./proceedingStep.js";
import { notifyClearOutProposed } from "../store/unitNotifications.js";

interface ProposalInput {
  kind: ProceedingKind;
  unitId: string;
  partnerId?: string;
  ground: string;
  evidence: { description: string; documentId?: string }[];
  complaintIds: string[];
  note?: string;
}

export function proposeProceeding(deps: Deps, input: z.output<typeof openProceedingCallSchema>, actor: Actor) {
  const now = deps.clock();
  return deps.db.runTransaction(async (tx) => {
    const { programmeId: _p, ...proposal } = input;
    return proposeProceedingIn(tx, await loadProgrammeContext(input.programmeId, tx, deps.calendar), proposal, actor, now);
  });
}

/** Inside the caller's transaction, before its first write. `proceedingId`: a fixed id, so a repeated request opens nothing twice. */
export async function proposeProceedingIn(tx: Transaction, programme: ProgrammeContext, input: ProposalInput, actor: Actor, now: Date, proceedingId?: string) {
  const pid = programme.programmeId;
  const ctx = proceedingContextOf(programme, shanghaiDate(now));
  requireOpenProgramme(programme, now);
  // The pack decides first: a ground or procedure it does not list is refused whatever the records say.
  const opened = decideOpening(input, programme.pack);
  if (!opened.ok) throw new Refused(opened);

  const unitRef = collections.units(pid).doc(input.unitId);
  const unit = (await tx.get(unitRef)).data() ?? refused("UNIT_NOT_FOUND", input.unitId);
  await checkReferences(tx, pid, input);
  const ref = proceedingId ? collections.proceedings(pid).doc(proceedingId) : collections.proceedings(pid).doc();
  if (proceedingId && (await tx.get(ref)).exists) refused("ALREADY_SUBMITTED");

  const p = proposal(input, actor, ctx.today);
  let status = unit.status;
  for (const e of opened.effects) if (e.type === "setUnitStatus") status = moveUnitStatus(status, e.status, input.ground, input.kind, ctx);

  tx.create(ref, p);
  if (p.kind === "clearOut") notifyClearOutProposed(tx, pid, ref.id, p, now);
  appendAudit(tx, pid, `${ref.id}.open`, { at: now, actor, action: "proceeding.opened", entity: ref.path, after: { kind: p.kind, ground: p.ground, evidence: p.evidence, partnerId: input.partnerId ?? null }, clause: opened.clause });
  if (status !== unit.status) {
    tx.set(unitRef, { ...unit, status, statusChangedOn: ctx.today });
    appendAudit(tx, pid, `${ref.id}.unit-${status}.${now.getTime()}`, { at: now, actor, action: "unit.status", entity: unitRef.path, before: { status: unit.status }, after: { status }, clause: opened.clause });
  }
  return { proceedingId: ref.id, state: p.state, allowedEvents: proceedingMachine(p, ctx).allowedEvents() };
}

/** The partner (whatever the kind, when one is named), complaints and evidence documents named must exist and belong to the unit. */
async function checkReferences(tx: Transaction, pid: string, input: ProposalInput) {
  if (input.kind === "partnerRemoval" && !input.partnerId) refused("PARTNER_REQUIRED", "取消合作伙伴须指定");
  if (input.partnerId) {
    const partner = (await tx.get(collections.partners(pid).doc(input.partnerId))).data();
    if (!partner || partner.unitId !== input.unitId) refused("PARTNER_NOT_FOUND", `partnerId：${input.partnerId}`);
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
}

/** The new proceeding, proposed; linked complaints are listed in its evidence. */
function proposal(input: ProposalInput, openedBy: Actor, today: string): Proceeding {
  const evidence = [...input.evidence, ...input.complaintIds.map((id) => ({ description: `关联投诉 ${id}` }))];
  const base = { unitId: input.unitId, ground: input.ground, evidence, automatic: false, openedOn: today, openedBy, state: "proposed" as const, ...(input.note ? { note: input.note } : {}) };
  if (input.kind === "partnerRemoval") return { kind: "partnerRemoval", ...base, partnerId: input.partnerId! };
  if (input.kind === "clearOut") return { kind: "clearOut", ...base };
  return { kind: "criticism", ...base, extensions: [] };
}
