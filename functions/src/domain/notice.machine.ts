// Public notice (公示, GZ-4.6.3 / DG-14): scheduled → open → closed. Objections only while open
// and within the window; the notice closes only after its full length with every objection
// decided. Its window comes from the pack's length *and unit* (noticeWindow).
import { defaultCalendar, type WorkingDayCalendar } from "./calendar.js";
import type { IsoDate } from "./dates.js";
import { refuse } from "./errors.js";
import { defineMachine, type MachineContext, requireText } from "./machine.js";
import type { PolicyPack } from "./policy/schema.js";
import type { NoticeState } from "./states.js";

export interface NoticeContext extends MachineContext {
  startsOn: IsoDate;
  endsOn: IsoDate;
  pendingObjectionIds: readonly string[];
}

export type NoticeEvent =
  | { type: "open" }
  | { type: "fileObjection" }
  | { type: "decideObjection"; objectionId: string; upheld: boolean; decision: string }
  /** Staff set aside junk objections, many at once, with one reason (不予受理). */
  | { type: "notAdmitObjections"; objectionIds: readonly string[]; reason: string }
  | { type: "close" };

/** Notice window: counted from the day after `startsOn` (Civil Code Art. 201), pack length and unit. */
export function noticeWindow(startsOn: IsoDate, pack: PolicyPack, calendar: WorkingDayCalendar = defaultCalendar()) {
  return {
    startsOn,
    endsOn: calendar.deadline(startsOn, pack.notice.length, pack.notice.unit),
    length: pack.notice.length,
    unit: pack.notice.unit,
  };
}

const clause = (ctx: NoticeContext) => ctx.pack.clauses.changeNotice;

export const noticeMachine = defineMachine<NoticeState, NoticeEvent, NoticeContext>("公示", {
  open: [
    {
      from: ["scheduled"],
      to: "open",
      clause,
      when: (_s, ctx) => (ctx.today < ctx.startsOn ? refuse("NOTICE_NOT_STARTED", `开始日期 ${ctx.startsOn}`) : undefined),
    },
  ],
  fileObjection: [
    {
      from: ["open"],
      to: "open",
      clause,
      when: (_s, ctx) => (ctx.today > ctx.endsOn ? refuse("NOTICE_ENDED", `截止日期 ${ctx.endsOn}`) : undefined),
    },
  ],
  decideObjection: [
    {
      from: ["open"],
      to: "open",
      clause,
      check: (_s, e, ctx) =>
        !ctx.pendingObjectionIds.includes(e.objectionId) ? refuse("OBJECTION_NOT_FOUND") : requireText(e.decision, "COMMENT_REQUIRED"),
    },
  ],
  notAdmitObjections: [
    {
      from: ["open"],
      to: "open",
      clause,
      check: (_s, e, ctx) => {
        const unknown = e.objectionIds.filter((id) => !ctx.pendingObjectionIds.includes(id));
        return e.objectionIds.length === 0 || unknown.length > 0 ? refuse("OBJECTION_NOT_FOUND", unknown.join("、")) : requireText(e.reason, "REASON_REQUIRED");
      },
    },
  ],
  close: [
    {
      from: ["open"],
      to: "closed",
      clause,
      when: (_s, ctx) =>
        ctx.today <= ctx.endsOn
          ? refuse("NOTICE_NOT_ENDED", `截止日期 ${ctx.endsOn}`)
          : ctx.pendingObjectionIds.length > 0
            ? refuse("OBJECTIONS_PENDING", `${ctx.pendingObjectionIds.length} 件`)
            : undefined,
      // Each item: published if no upheld objection names it, withdrawn otherwise (change machine).
    },
  ],
}, ["closed"]);
