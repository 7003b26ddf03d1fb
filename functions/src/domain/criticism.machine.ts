// Criticism with rectification (GZ-4.4a): proposed → issued (通报批评, 限期整改) → responded →
// accepted; or overdue, where GZ-4.3b has staff decide by the facts and severity: continue the
// rectification (extend, back to issued) or cancel the qualification (取消牵引单位资格). The
// cancellation is its own outcome: the unit leaves the list and is announced, but GZ-4.3b, unlike
// GZ-4.4b, does not bar it from re-applying, so no ban. Where the facts also make a GZ-4.4b ground,
// staff may instead escalate to a clear-out on that ground. Dismissed, accepted, cancelled and
// escalated are final (an escalated matter goes on as a clear-out of its own). Where the pack
// circulates criticisms (GZ-4.4a.0), issuing publishes the 通报 and each decision on the
// rectification is added to it.
import type { WorkingDayCalendar } from "./calendar.js";
import { circulationClause } from "./circulars.js";
import type { IsoDate } from "./dates.js";
import type { ProceedingEffect } from "./effects.js";
import { refuse } from "./errors.js";
import { defineMachine, type MachineContext, requireText } from "./machine.js";
import type { CircularOutcome } from "./schemas/proceeding.js";
import type { CriticismState } from "./states.js";
import { cancellationReason } from "./words.js";

export interface CriticismContext extends MachineContext {
  /** The proceeding's ground (GZ-4.4a.1 … 6). */
  ground: string;
  calendar: WorkingDayCalendar;
  /** Current rectification deadline, once issued. */
  deadline?: IsoDate;
}

export type CriticismEvent =
  | { type: "issue"; deadline?: IsoDate }
  | { type: "dismiss"; reason: string }
  | { type: "respond"; documentId: string }
  | { type: "acceptResponse" }
  | { type: "returnResponse"; comment: string }
  | { type: "markOverdue" }
  | { type: "extend"; deadline: IsoDate }
  | { type: "cancelQualification"; reason: string }
  | { type: "escalate"; clearOutGround: string };

/** The deadline to use: the one staff set, or the pack's default rectification period. */
export function rectificationDeadline(ctx: CriticismContext, chosen?: IsoDate): IsoDate {
  return chosen ?? ctx.calendar.deadline(ctx.today, ctx.pack.rectification.length, ctx.pack.rectification.unit);
}

const overdueClause = (ctx: CriticismContext) => ctx.pack.clauses.rectificationOverdue ?? ctx.ground;

/** GZ-4.4a.0: where the pack circulates criticisms, the decision is added to the 通报 as well. */
function toCircular(ctx: CriticismContext, outcome: Omit<CircularOutcome, "decidedOn">): ProceedingEffect[] {
  const clause = circulationClause(ctx.pack);
  return clause ? [{ type: "recordCircularOutcome", clause, outcome: { ...outcome, decidedOn: ctx.today } }] : [];
}

export const criticismMachine = defineMachine<CriticismState, CriticismEvent, CriticismContext, ProceedingEffect>("通报批评", {
  issue: [
    {
      from: ["proposed"],
      to: "issued",
      clause: (ctx) => ctx.ground,
      check: (_s, e, ctx) => (e.deadline !== undefined && e.deadline <= ctx.today ? refuse("DEADLINE_INVALID") : undefined),
      effects: (_s, e, ctx) => {
        const on = rectificationDeadline(ctx, e.deadline);
        const circulation = circulationClause(ctx.pack);
        return [
          { type: "setUnitStatus", status: "criticised" },
          { type: "publishCriticism", ground: ctx.ground },
          ...(circulation ? [{ type: "circulateCriticism", clause: circulation, deadline: on } as const] : []),
          { type: "scheduleDeadline", kind: "rectification", on },
          { type: "notifyUnit", message: `请于 ${on} 前完成整改并提交整改报告（${ctx.ground}）` },
        ];
      },
    },
  ],
  dismiss: [{ from: ["proposed"], to: "dismissed", clause: (ctx) => ctx.ground, check: (_s, e) => requireText(e.reason, "REASON_REQUIRED") }],
  respond: [
    {
      from: ["issued"],
      to: "responded",
      clause: (ctx) => ctx.ground,
      when: (_s, ctx) => (ctx.deadline !== undefined && ctx.today > ctx.deadline ? refuse("DEADLINE_PASSED", `期限 ${ctx.deadline}`) : undefined),
      check: (_s, e) => requireText(e.documentId, "EVIDENCE_REQUIRED"),
      effects: () => [{ type: "setUnitStatus", status: "rectifying" }],
    },
  ],
  acceptResponse: [
    {
      from: ["responded"],
      to: "accepted",
      clause: (ctx) => ctx.ground,
      effects: (_s, _e, ctx) => [{ type: "setUnitStatus", status: "listed" }, ...toCircular(ctx, { kind: "rectified" })],
    },
  ],
  returnResponse: [
    { from: ["responded"], to: "issued", clause: (ctx) => ctx.ground, check: (_s, e) => requireText(e.comment, "COMMENT_REQUIRED") },
  ],
  markOverdue: [
    {
      from: ["issued"],
      to: "overdue",
      clause: overdueClause,
      when: (_s, ctx) => (ctx.deadline === undefined || ctx.today <= ctx.deadline ? refuse("DEADLINE_NOT_PASSED") : undefined),
    },
  ],
  extend: [
    {
      from: ["overdue"],
      to: "issued",
      clause: overdueClause,
      check: (_s, e, ctx) => (e.deadline <= ctx.today ? refuse("DEADLINE_INVALID") : undefined),
      effects: (_s, e, ctx) => [{ type: "scheduleDeadline", kind: "rectification", on: e.deadline }, ...toCircular(ctx, { kind: "extended", extendedTo: e.deadline })],
    },
  ],
  cancelQualification: [
    {
      from: ["overdue"],
      to: "qualificationCancelled",
      clause: overdueClause,
      // 根据实际情况和情节轻重: the decision states the facts and severity it rests on.
      check: (_s, e) => requireText(e.reason, "REASON_REQUIRED"),
      effects: (_s, e, ctx) => {
        const reason = cancellationReason(ctx.ground, e.reason.trim());
        return [
          { type: "setUnitStatus", status: "qualificationCancelled", ground: overdueClause(ctx) },
          { type: "suspendPartnersAndCatalogue" },
          { type: "publishAnnouncement", outcome: "qualificationCancelled", ground: overdueClause(ctx), reason },
          { type: "notifyUnit", message: `因${reason}，依据 ${overdueClause(ctx)} 取消牵引单位资格` },
          ...toCircular(ctx, { kind: "qualificationCancelled" }),
        ];
      },
    },
  ],
  escalate: [
    {
      from: ["overdue"],
      to: "escalated",
      clause: overdueClause,
      check: (_s, e, ctx) =>
        ctx.pack.clearOut.grounds.includes(e.clearOutGround) ? undefined : refuse("GROUND_NOT_IN_POLICY", e.clearOutGround),
      effects: (_s, e, ctx) => [{ type: "openClearOut", ground: e.clearOutGround }, ...toCircular(ctx, { kind: "escalated" })],
    },
  ],
}, ["dismissed", "accepted", "qualificationCancelled", "escalated"]);
