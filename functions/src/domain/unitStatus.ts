// Turning a proceeding's `setUnitStatus` effect into the unit machine's events, so every status
// change of a unit is checked by unit.machine.ts. Automatic proposals (store/candidates.ts) do
// not move the unit, so a clear-out may take effect on a unit that is still "listed": the path
// then passes through clearOutProposed, exactly as if staff had opened it by hand.
import { Refused } from "./errors.js";
import type { MachineContext } from "./machine.js";
import type { ProceedingKind } from "./proceedings.js";
import type { UnitState } from "./states.js";
import { type UnitEvent, unitMachine } from "./unit.machine.js";

export function unitEventsForStatus(current: UnitState, target: UnitState, ground: string, source: ProceedingKind): UnitEvent[] {
  if (current === target) return [];
  switch (target) {
    case "criticised":
      return [{ type: "criticise", ground }];
    case "rectifying":
      return current === "criticised" ? [{ type: "startRectification", ground }] : [];
    case "clearOutProposed":
      return [{ type: "proposeClearOut", ground }];
    case "clearedOut":
      return current === "clearOutProposed" ? [{ type: "clearOutEffective", ground }] : [{ type: "proposeClearOut", ground }, { type: "clearOutEffective", ground }];
    case "qualificationCancelled":
      return [{ type: "cancelQualification", ground }];
    case "listed":
      // A dropped clear-out only undoes its own proposal; an accepted rectification only ends
      // the criticism. Neither may wipe a status that another proceeding set.
      if (source === "clearOut") return current === "clearOutProposed" ? [{ type: "clearOutDropped", ground }] : [];
      if (source === "criticism") return current === "criticised" || current === "rectifying" ? [{ type: "rectificationAccepted", ground }] : [];
      return [];
    default:
      return [];
  }
}

/** Moves a unit's status towards `target`, one checked unit-machine event at a time; throws Refused. */
export function moveUnitStatus(current: UnitState, target: UnitState, ground: string, source: ProceedingKind, ctx: MachineContext): UnitState {
  let status = current;
  for (const event of unitEventsForStatus(current, target, ground, source)) {
    const t = unitMachine.transition(status, event, ctx);
    if (!t.ok) throw new Refused(t);
    status = t.next;
  }
  return status;
}
