// Clear-out (GZ-4.4b / DG-10): proposed → bureau meeting confirms (GZ-4.4b.9) → effective →
// announced (GZ-4.5 / DG-11). Where the pack makes the meeting optional (Dongguan) a proposal
// may take effect directly, and a meeting may still be recorded; where the pack has no meeting at
// all, none can be recorded and the proposal takes effect directly. Dismissed, dropped (the meeting
// did not confirm) and announced are final.
import { refuse } from "./errors.js";
import { defineMachine, type MachineContext, requireText } from "./machine.js";
import type { IsoDate } from "./dates.js";
import type { ProceedingEffect } from "./effects.js";
import type { ClearOutState } from "./states.js";
import { dateWord, groundWord } from "./words.js";

export interface ClearOutContext extends MachineContext {
  ground: string;
  /** Plain-language reason shown in the announcement (DG-11: name and reason). */
  reason: string;
}

export type ClearOutEvent =
  | { type: "recordBureauMeeting"; heldOn: IsoDate; minutesDocumentId: string; decision: "confirmed" | "rejected" }
  | { type: "dismiss"; reason: string }
  | { type: "takeEffect" }
  | { type: "announce" };

const meetingClause = (ctx: ClearOutContext) => ctx.pack.clauses.bureauMeeting ?? ctx.ground;

export const clearOutMachine = defineMachine<ClearOutState, ClearOutEvent, ClearOutContext, ProceedingEffect>("清退", {
  recordBureauMeeting: [
    {
      from: ["proposed"],
      to: (_s, e) => (e.decision === "confirmed" ? "confirmed" : "dropped"),
      clause: meetingClause,
      when: (_s, ctx) => (ctx.pack.clearOut.bureauMeeting === "none" ? refuse("BUREAU_MEETING_NOT_IN_POLICY") : undefined),
      check: (_s, e, ctx) =>
        !e.heldOn || !e.minutesDocumentId || e.heldOn > ctx.today ? refuse("MEETING_RECORD_REQUIRED") : undefined,
      effects: (_s, e) => (e.decision === "rejected" ? [{ type: "setUnitStatus", status: "listed" }] : []),
    },
  ],
  dismiss: [
    {
      from: ["proposed"],
      to: "dismissed",
      clause: (ctx) => ctx.ground,
      check: (_s, e) => requireText(e.reason, "REASON_REQUIRED"),
      effects: () => [{ type: "setUnitStatus", status: "listed" }],
    },
  ],
  takeEffect: [
    {
      from: ["confirmed", "proposed"],
      to: "effective",
      clause: (ctx) => ctx.ground,
      when: (s, ctx) =>
        s === "proposed" && ctx.pack.clearOut.bureauMeeting === "required"
          ? refuse("BUREAU_MEETING_REQUIRED", ctx.pack.clauses.bureauMeeting ?? undefined)
          : undefined,
      effects: (_s, _e, ctx) => [
        { type: "setUnitStatus", status: "clearedOut" },
        { type: "banUscc", ground: ctx.ground },
        { type: "suspendPartnersAndCatalogue" },
        { type: "publishAnnouncement", outcome: "clearOut", ground: ctx.ground, reason: ctx.reason },
        // Issue 18.1: the unit is told the clear-out is in effect (and mailed, if a member opted in).
        { type: "notifyUnit", message: `依据 ${ctx.ground}（${groundWord(ctx.ground)}），自 ${dateWord(ctx.today)} 起对你单位予以清退，且不得重新申请纳入。` },
      ],
    },
  ],
  announce: [{ from: ["effective"], to: "announced", clause: (ctx) => ctx.pack.clearOut.announcementClause }],
}, ["dismissed", "dropped", "announced"]);
