// Proceedings (criticism, clear-out, partner removal). Opening one: the ground must be one the
// pack's regulation lists, and it must come with evidence. Grounds raised automatically
// (grounds.ts) carry their facts as evidence; the system proposes, staff dispose. Moving one: each
// kind has its own machine; these helpers ask the right one.
import type { WorkingDayCalendar } from "./calendar.js";
import { clearOutMachine, type ClearOutEvent } from "./clearOut.machine.js";
import { criticismMachine, type CriticismEvent } from "./criticism.machine.js";
import type { ProceedingEffect } from "./effects.js";
import { type Refusal, refuse } from "./errors.js";
import type { MachineContext, Transition } from "./machine.js";
import { partnerRemovalMachine, type PartnerRemovalEvent } from "./partnerRemoval.machine.js";
import type { PolicyPack } from "./policy/schema.js";
import type { Proceeding } from "./schemas/index.js";
import { groundsOf, type ProceedingKind } from "./procedureKinds.js";
import { groundWord } from "./words.js";

export { groundsOf, proceedingKindsOf, type ProceedingKind } from "./procedureKinds.js";

export interface OpenProceedingInput {
  kind: ProceedingKind;
  ground: string;
  evidence: readonly { description: string; documentId?: string }[];
  /** GZ-4.4a.1: the complaints the criticism rests on. */
  complaintIds?: readonly string[];
}

export type OpenResult = { ok: true; next: "proposed"; effects: ProceedingEffect[]; clause: string } | Refusal;

const PROCEDURE_NAMES: Record<ProceedingKind, string> = { criticism: "通报批评", clearOut: "清退", partnerRemoval: "取消合作伙伴" };



/** May a proceeding of this kind be opened on this ground with this evidence, and what follows. */
export function decideOpening(input: OpenProceedingInput, pack: PolicyPack): OpenResult {
  const grounds = groundsOf(input.kind, pack);
  if (grounds.length === 0) return refuse("PROCEDURE_NOT_IN_POLICY", `${pack.name}未规定${PROCEDURE_NAMES[input.kind]}`);
  if (!grounds.includes(input.ground)) return refuse("GROUND_NOT_IN_POLICY", `${input.ground} 不是${PROCEDURE_NAMES[input.kind]}的情形`);
  if (input.evidence.length === 0 || input.evidence.some((e) => e.description.trim() === "")) {
    return refuse("EVIDENCE_REQUIRED", "须写明事实依据");
  }
  if (pack.ownRequestGrounds.includes(input.ground) && !input.evidence.some((e) => e.documentId)) {
    return refuse("EVIDENCE_REQUIRED", "自行要求退出须上传本人（单位）的书面申请");
  }
  if (input.ground === pack.clauses.complaintGround && (input.complaintIds ?? []).length === 0) {
    return refuse("EVIDENCE_REQUIRED", "须关联造成的试点企业投诉");
  }
  const effects: ProceedingEffect[] = input.kind === "clearOut" ? [{ type: "setUnitStatus", status: "clearOutProposed" }] : [];
  return { ok: true, next: "proposed", effects, clause: input.ground };
}

export type ProceedingEvent = CriticismEvent | ClearOutEvent | PartnerRemovalEvent;

/** What every proceeding machine is asked with; the criticism machine also counts working days. */
export interface ProceedingContext extends MachineContext {
  calendar: WorkingDayCalendar;
}

/** The proceeding's own machine (by its kind), asked about the proceeding's current state. */
interface ProceedingMachine {
  /** An event of another kind's machine is not allowed. */
  transition(event: ProceedingEvent): Transition<Proceeding["state"], ProceedingEffect>;
  /** The events allowed today: the buttons the admin page may show. */
  allowedEvents(): ProceedingEvent["type"][];
  /** Already decided: the machine declares the state final. */
  isTerminal(): boolean;
}

export function proceedingMachine(p: Proceeding, ctx: ProceedingContext): ProceedingMachine {
  const base: MachineContext = { today: ctx.today, pack: ctx.pack, programmeEndsOn: ctx.programmeEndsOn };
  if (p.kind === "criticism") {
    const c = { ...base, ground: p.ground, calendar: ctx.calendar, deadline: p.rectificationDeadline };
    return { transition: (e) => criticismMachine.transition(p.state, e as CriticismEvent, c), allowedEvents: () => criticismMachine.allowedEvents(p.state, c), isTerminal: () => criticismMachine.isTerminal(p.state) };
  }
  if (p.kind === "clearOut") {
    const c = { ...base, ground: p.ground, reason: groundWord(p.ground) };
    return { transition: (e) => clearOutMachine.transition(p.state, e as ClearOutEvent, c), allowedEvents: () => clearOutMachine.allowedEvents(p.state, c), isTerminal: () => clearOutMachine.isTerminal(p.state) };
  }
  const c = { ...base, ground: p.ground };
  return { transition: (e) => partnerRemovalMachine.transition(p.state, e as PartnerRemovalEvent, c), allowedEvents: () => partnerRemovalMachine.allowedEvents(p.state, c), isTerminal: () => partnerRemovalMachine.isTerminal(p.state) };
}
