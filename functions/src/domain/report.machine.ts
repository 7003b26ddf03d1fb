// Periodic report (GZ-3.4.1 / DG-9.1): draft → submitted → returned / accepted. Until the report
// deadline a report is on time. After it and until the evaluation close, a first submission or a
// resubmission is still accepted but recorded late (资料报送不及时, a criticism ground at close);
// after the evaluation close nothing more is accepted, and a unit that submitted nothing did not
// take part in the evaluation (a clear-out ground). An accepted report is final.
import type { IsoDate } from "./dates.js";
import { refuse } from "./errors.js";
import { defineMachine, type MachineContext, requireText } from "./machine.js";
import type { ReportState } from "./states.js";

export interface ReportContext extends MachineContext {
  /** Undefined while the deadline waits for a year's holiday arrangement: it cannot have passed unseen, since the period close waits too. */
  deadline: IsoDate | undefined;
  /** The evaluation close (last day a late report is accepted); undefined on periods without one, which accept until the deadline for resubmissions and until the close for first submissions. */
  evaluationCloseOn?: IsoDate;
  periodClosed: boolean;
  /** Labels of required fields still empty (see missingReportFields). */
  missingFields: readonly string[];
}

export type ReportEvent =
  | { type: "submit" }
  | { type: "return"; comment: string }
  | { type: "resubmit" }
  | { type: "accept" };

const pastDeadline = (ctx: ReportContext) => ctx.deadline !== undefined && ctx.today > ctx.deadline;
const pastEvaluationClose = (ctx: ReportContext) => ctx.evaluationCloseOn !== undefined && ctx.today > ctx.evaluationCloseOn;
const lateEffect = (ctx: ReportContext) => (ctx.deadline !== undefined && pastDeadline(ctx) ? [{ type: "recordLateReport" as const, deadline: ctx.deadline }] : []);
const closedForReports = (ctx: ReportContext) =>
  ctx.periodClosed ? refuse("REPORT_PERIOD_CLOSED") : pastEvaluationClose(ctx) ? refuse("REPORT_AFTER_EVALUATION_CLOSE", `评价截止日 ${ctx.evaluationCloseOn}`) : undefined;

const complete = (ctx: ReportContext) =>
  ctx.missingFields.length > 0 ? refuse("REPORT_INCOMPLETE", ctx.missingFields.join("、")) : undefined;

export const reportMachine = defineMachine<ReportState, ReportEvent, ReportContext>("报告", {
  submit: [
    {
      from: ["draft"],
      to: "submitted",
      clause: (ctx) => ctx.pack.clauses.report,
      when: (_s, ctx) => closedForReports(ctx),
      check: (_s, _e, ctx) => complete(ctx),
      effects: (_s, _e, ctx) => lateEffect(ctx),
    },
  ],
  return: [
    {
      from: ["submitted"],
      to: "returned",
      clause: (ctx) => ctx.pack.clauses.report,
      check: (_s, e) => requireText(e.comment, "COMMENT_REQUIRED"),
      effects: (_s, e) => [{ type: "notifyUnit", message: `报告被退回：${e.comment}` }],
    },
  ],
  resubmit: [
    {
      from: ["returned"],
      to: "submitted",
      clause: (ctx) => ctx.pack.clauses.report,
      // Periods without an evaluation close (opened before it existed) keep the old rule: no resubmission after the deadline.
      when: (_s, ctx) =>
        closedForReports(ctx) ?? (ctx.evaluationCloseOn === undefined && pastDeadline(ctx) ? refuse("REPORT_RESUBMIT_AFTER_DEADLINE", `截止日 ${ctx.deadline}`) : undefined),
      check: (_s, _e, ctx) => complete(ctx),
      effects: (_s, _e, ctx) => lateEffect(ctx),
    },
  ],
  accept: [{ from: ["submitted"], to: "accepted", clause: (ctx) => ctx.pack.clauses.report }],
}, ["accepted"]);

/** The states a staff review leads to, read from the table (accept, return). */
const reviewOutcomes: ReadonlySet<ReportState> = new Set(
  [...reportMachine.table.accept, ...reportMachine.table.return].flatMap((rule) => (typeof rule.to === "string" ? [rule.to] : [])),
);

/**
 * "Already decided" for a review: the report is where a staff decision leaves it (accepted, or
 * returned and waiting for the unit), so a second reviewer acting on the same submission is late.
 */
export const reportReviewDecided = (state: ReportState): boolean => reviewOutcomes.has(state);

/** The states from which the unit may still submit (submit, resubmit), read from the table. */
const submittable: ReadonlySet<ReportState> = new Set([...reportMachine.table.submit, ...reportMachine.table.resubmit].flatMap((rule) => rule.from));

/** The unit still owes the period's report: none yet, a draft, or a returned one (reminders go to these). */
export const awaitsSubmission = (state: ReportState | undefined): boolean => state === undefined || submittable.has(state);
