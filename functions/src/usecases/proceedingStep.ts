// One step of a proceeding (criticism, clear-out, partner removal): read everything the step
// touches, let the proceeding's machine decide, then write the new state, every effect and the
// audit entries in the SAME transaction. Two people deciding at once: Firestore retries the
// loser's transaction, which then finds the state already moved and is refused ("already decided").
import type { Transaction } from "firebase-admin/firestore";
import { shanghaiDate } from "../domain/dates.js";
import { refuse, type Refusal, Refused, refused } from "../domain/errors.js";
import { type ProceedingContext, type ProceedingEvent, proceedingMachine } from "../domain/proceedings.js";
import type { Actor, Proceeding } from "../domain/schemas/index.js";
import { stateWord } from "../domain/words.js";
import { appendAudit } from "../store/audit.js";
import { collections } from "../store/collections.js";
import { loadProgrammeContext, type ProgrammeContext } from "../store/programmeContext.js";
import type { Deps } from "./deps.js";
import { EffectWriter, loadEffectTargets } from "./proceedingEffects.js";

/** The state's word, from the one catalogue (per proceeding kind: the same key differs between machines). */
function stateLabel(p: Proceeding): string {
  return stateWord(p.kind, p.state);
}

/** What the proceeding machines are asked with, for this programme on `today`. */
export function proceedingContextOf(ctx: ProgrammeContext, today: string): ProceedingContext {
  // Rectification lengths are the bureau's choice: the settings in force today.
  return { today, pack: ctx.packOn(today), programmeEndsOn: ctx.programme.endsOn, calendar: ctx.calendar };
}

interface StepInput {
  programmeId: string;
  proceedingId: string;
  event: ProceedingEvent;
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

export async function runProceedingStep(deps: Deps, input: StepInput, actor: Actor): Promise<StepResult> {
  const { programmeId, proceedingId, event } = input;
  const now = deps.clock();
  const today = shanghaiDate(now);
  return deps.db.runTransaction(async (tx) => {
    const ctx = proceedingContextOf(await loadProgrammeContext(programmeId, tx, deps.calendar), today);
    const { ref, p } = await loadProceeding(tx, input);
    await input.precheck?.(tx, p);
    const machine = proceedingMachine(p, ctx);
    const t = machine.transition(event);
    if (!t.ok) throw new Refused(t.code === "EVENT_NOT_ALLOWED" ? notAllowedNow(p, machine.isTerminal()) : t);

    // A clear-out that takes effect is announced in the same transaction (GZ-4.5 / DG-11).
    const moved = { ...p, state: t.next } as Proceeding;
    const announce = moved.kind === "clearOut" && moved.state === "effective" ? proceedingMachine(moved, ctx).transition({ type: "announce" }) : undefined;
    if (announce && !announce.ok) throw new Refused(announce);

    const targets = await loadEffectTargets(tx, programmeId, proceedingId, p, t.effects);
    const writer = new EffectWriter({ tx, programmeId, proceedingId, ctx, actor, now }, moved, targets);
    for (const e of t.effects) writer.apply(e, t.clause);
    let next = withEventFields(writer.proceeding, event, today);
    if (announce && next.kind === "clearOut") next = { ...next, state: announce.next as typeof next.state, effectiveOn: today, announcedOn: today };

    tx.set(ref, next);
    const audit = { at: now, actor, entity: ref.path };
    appendAudit(tx, programmeId, `${proceedingId}.${event.type}.${now.getTime()}`, { ...audit, action: `proceeding.${event.type}`, before: { state: p.state }, after: { state: t.next, ...eventDetail(event) }, clause: t.clause });
    if (announce) appendAudit(tx, programmeId, `${proceedingId}.announce`, { ...audit, action: "proceeding.announce", before: { state: t.next }, after: { state: announce.next }, clause: announce.clause });
    writer.finish();
    return { state: next.state, allowedEvents: proceedingMachine(next, ctx).allowedEvents(), clause: t.clause };
  });
}

/** The proceeding, if it exists, belongs to the acting unit and is still in the state the person saw. */
async function loadProceeding(tx: Transaction, input: StepInput) {
  const ref = collections.proceedings(input.programmeId).doc(input.proceedingId);
  const p = (await tx.get(ref)).data() ?? refused("PROCEEDING_NOT_FOUND", input.proceedingId);
  if (input.unitOnly !== undefined && p.unitId !== input.unitOnly) refused("OWN_UNIT_ONLY");
  if (input.expectedState !== undefined && input.expectedState !== p.state) refused("ALREADY_DECIDED", `当前状态：${stateLabel(p)}`);
  return { ref, p };
}

/** The event does not fit the current state: say which state, and whether the matter is already decided. */
function notAllowedNow(p: Proceeding, decided: boolean): Refusal {
  const label = stateLabel(p);
  return refuse("EVENT_NOT_ALLOWED", decided ? `当前状态：${label}，该事项已办结，请刷新后查看` : `当前状态：${label}，可能已由他人处理，请刷新后查看`);
}

function eventDetail(event: ProceedingEvent): Record<string, unknown> {
  const { type: _type, ...rest } = event as { type: string } & Record<string, unknown>;
  return rest;
}

/** What the event itself records on the proceeding (the machine's effects are written by the EffectWriter). */
function withEventFields(p: Proceeding, event: ProceedingEvent, today: string): Proceeding {
  if (p.kind === "criticism") {
    const q = { ...p };
    if (event.type === "extend") q.extensions = [...q.extensions, event.deadline];
    if (event.type === "respond") q.responseDocumentId = event.documentId;
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
