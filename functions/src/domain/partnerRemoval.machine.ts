// Partner removal (DG-16): proposed → ordered (责令牵引单位取消合作) → removed (相应变更), or dismissed.
// Ordered, the partner is still on the published list (the unit has yet to end the cooperation);
// confirmed removed, it is marked removed and 作相应变更: it leaves the published partner list
// through a new version that names the proceeding and its ground — unless it already left
// (e.g. through the unit's own DG-14 removal application), when there is nothing to publish.
import type { ProceedingEffect } from "./effects.js";
import { defineMachine, type MachineContext, requireText } from "./machine.js";
import type { PartnerRemovalState } from "./states.js";

export interface PartnerRemovalContext extends MachineContext {
  ground: string;
}

export type PartnerRemovalEvent = { type: "order" } | { type: "dismiss"; reason: string } | { type: "confirmRemoved" };

export const partnerRemovalMachine = defineMachine<PartnerRemovalState, PartnerRemovalEvent, PartnerRemovalContext, ProceedingEffect>("取消合作伙伴", {
  order: [
    {
      from: ["proposed"],
      to: "ordered",
      clause: (ctx) => ctx.ground,
      effects: (_s, _e, ctx) => [
        { type: "setPartnerStatus", status: "removalOrdered" },
        { type: "notifyUnit", message: `请取消与该合作伙伴的合作并办理相应变更（${ctx.ground}）` },
      ],
    },
  ],
  dismiss: [{ from: ["proposed"], to: "dismissed", clause: (ctx) => ctx.ground, check: (_s, e) => requireText(e.reason, "REASON_REQUIRED") }],
  confirmRemoved: [
    {
      from: ["ordered"],
      to: "removed",
      clause: (ctx) => ctx.ground,
      effects: () => [{ type: "setPartnerStatus", status: "removed" }, { type: "publishPartnerList" }],
    },
  ],
}, ["dismissed", "removed"]);
