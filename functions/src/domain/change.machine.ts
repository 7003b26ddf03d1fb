// Change application (GZ-4.6, GZ-4.7, DG-5.4, DG-13, DG-14): draft → submitted → returned /
// rejected / approved → in notice → published, or withdrawn on an upheld objection. Types the
// pack does not put on notice (e.g. DG-13 unit changes, Guangzhou partner removals under GZ-4.6.0,
// whose GZ-4.6.3 notice covers additions only) are published on approval.
import { refuse } from "./errors.js";
import type { PublishedListKind } from "./listDiff.js";
import { defineMachine, type MachineContext, requireText } from "./machine.js";
import type { ChangeType } from "./policy/schema.js";
import type { ChangeState } from "./states.js";

export interface ChangeContext extends MachineContext {
  changeType: ChangeType;
  /** Labels of required documents still missing (see missingDocuments). */
  missingDocuments: readonly string[];
}

export type ChangeEvent =
  | { type: "submit" }
  | { type: "return"; comment: string }
  | { type: "reject"; comment: string }
  | { type: "approve"; comment?: string }
  | { type: "enterNotice"; noticeId: string }
  | { type: "noticeConcluded" }
  | { type: "objectionUpheld" };

const needsNotice = (ctx: ChangeContext) => ctx.pack.noticeRequiredFor.includes(ctx.changeType);
const reviewClause = (ctx: ChangeContext) =>
  ctx.changeType === "unitInfo" ? ctx.pack.clauses.unitChange : ctx.pack.clauses.changeReview;
/** The published list a change of this type appears on once applied. */
export const publishedListOf = (t: ChangeType): PublishedListKind => (t === "catalogue" ? "catalogue" : t === "unitInfo" ? "unitChanges" : "partners");
const noticeOnly = (ctx: ChangeContext) =>
  needsNotice(ctx) ? undefined : refuse("PROCEDURE_NOT_IN_POLICY", "该类变更无需公示");

export const changeMachine = defineMachine<ChangeState, ChangeEvent, ChangeContext>("变更申请", {
  submit: [
    {
      from: ["draft", "returned"],
      to: "submitted",
      clause: (ctx) => ctx.pack.clauses.changeFiling[ctx.changeType] ?? ctx.pack.clauses.changeReview,
      check: (_s, _e, ctx) =>
        ctx.missingDocuments.length > 0 ? refuse("DOCUMENTS_MISSING", ctx.missingDocuments.join("、")) : undefined,
    },
  ],
  return: [{ from: ["submitted"], to: "returned", clause: reviewClause, check: (_s, e) => requireText(e.comment, "COMMENT_REQUIRED") }],
  reject: [{ from: ["submitted"], to: "rejected", clause: reviewClause, check: (_s, e) => requireText(e.comment, "COMMENT_REQUIRED") }],
  approve: [
    {
      from: ["submitted"],
      to: (_s, _e, ctx) => (needsNotice(ctx) ? "approved" : "published"),
      clause: reviewClause,
      effects: (_s, _e, ctx) =>
        needsNotice(ctx)
          ? [{ type: "addToNoticeBatch" }]
          : [{ type: "applyChange", list: publishedListOf(ctx.changeType) }],
    },
  ],
  enterNotice: [{ from: ["approved"], to: "inNotice", clause: (ctx) => ctx.pack.clauses.changeNotice, when: (_s, ctx) => noticeOnly(ctx) }],
  noticeConcluded: [
    {
      from: ["inNotice"],
      to: "published",
      clause: (ctx) => ctx.pack.clauses.changeNotice,
      effects: (_s, _e, ctx) => [{ type: "applyChange", list: publishedListOf(ctx.changeType) }],
    },
  ],
  objectionUpheld: [{ from: ["inNotice"], to: "withdrawn", clause: (ctx) => ctx.pack.clauses.changeNotice }],
}, ["rejected", "published", "withdrawn"]);

const reviewEvents = ["approve", "return", "reject"] as const satisfies readonly ChangeEvent["type"][];

/**
 * Staff have decided on the application's latest submission, so a second review decision is
 * "already decided": it is neither a draft (never submitted) nor in a state a review event acts
 * on. Besides the final states this covers returned (back with the unit) and approved or in
 * notice (the decision stands; what follows is the notice's).
 */
export function changeReviewDecided(state: ChangeState): boolean {
  return state !== "draft" && !reviewEvents.some((type) => changeMachine.table[type].some((rule) => rule.from.includes(state)));
}
