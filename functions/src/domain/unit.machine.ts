// Unit status (GZ-1.2 / DG-2): listed → criticised → rectifying → clear-out proposed → cleared out;
// an unrectified criticism → qualification cancelled (GZ-4.3b); or withdrawn (listing annulled). The proceedings drive these steps through their
// `setUnitStatus` effects; the store validates each such step with this table.
import { refuse } from "./errors.js";
import { defineMachine, type MachineContext, requireText } from "./machine.js";
import type { UnitState } from "./states.js";

export type UnitEvent =
  | { type: "criticise"; ground: string }
  | { type: "startRectification"; ground: string }
  | { type: "rectificationAccepted"; ground: string }
  | { type: "proposeClearOut"; ground: string }
  | { type: "clearOutDropped"; ground: string }
  | { type: "clearOutEffective"; ground: string }
  | { type: "cancelQualification"; ground: string }
  | { type: "withdraw"; reason: string };

const active = ["listed", "criticised", "rectifying"] as const satisfies readonly UnitState[];

export const unitMachine = defineMachine<UnitState, UnitEvent, MachineContext>("牵引单位", {
  criticise: [
    {
      from: active,
      to: "criticised",
      clause: (_ctx, e) => e.ground,
      check: (_s, e, ctx) =>
        ctx.pack.criticismGrounds.length === 0
          ? refuse("PROCEDURE_NOT_IN_POLICY", "通报批评")
          : ctx.pack.criticismGrounds.includes(e.ground)
            ? undefined
            : refuse("GROUND_NOT_IN_POLICY", e.ground),
    },
  ],
  startRectification: [{ from: ["criticised"], to: "rectifying", clause: (_c, e) => e.ground }],
  rectificationAccepted: [{ from: ["criticised", "rectifying"], to: "listed", clause: (_c, e) => e.ground }],
  proposeClearOut: [
    {
      from: active,
      to: "clearOutProposed",
      clause: (_c, e) => e.ground,
      check: (_s, e, ctx) => (ctx.pack.clearOut.grounds.includes(e.ground) ? undefined : refuse("GROUND_NOT_IN_POLICY", e.ground)),
    },
  ],
  clearOutDropped: [{ from: ["clearOutProposed"], to: "listed", clause: (_c, e) => e.ground }],
  clearOutEffective: [
    {
      from: ["clearOutProposed"],
      to: "clearedOut",
      // The ban, suspension and announcement are effects of the clear-out proceeding
      // (clearOut.machine.ts `takeEffect`); this table only keeps the unit's status in step, so
      // carrying out both never bans or announces twice.
      clause: (_c, e) => e.ground,
    },
  ],
  // GZ-4.3b 取消牵引单位资格: its own outcome of an unrectified criticism, not a clear-out (no ban).
  cancelQualification: [
    {
      from: ["criticised", "rectifying"],
      to: "qualificationCancelled",
      clause: (_c, e) => e.ground,
      check: (_s, e, ctx) => (ctx.pack.clauses.rectificationOverdue === e.ground ? undefined : refuse("PROCEDURE_NOT_IN_POLICY", "取消牵引单位资格")),
    },
  ],
  withdraw: [
    {
      from: active,
      to: "withdrawn",
      clause: (ctx) => ctx.pack.clauses.listing,
      check: (_s, e) => requireText(e.reason, "REASON_REQUIRED"),
    },
  ],
}, ["clearedOut", "qualificationCancelled", "withdrawn"]);
