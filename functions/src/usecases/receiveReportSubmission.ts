// A unit submitted (or, after a return, resubmitted) its periodic report (GZ-3.4.1, DG-9.1):
// clients write the state `submitted` themselves (firestore.rules), and this use case decides what
// that submission is. In ONE transaction, exactly once per event (onceInTransaction):
//   - the report machine checks the period is open and a resubmission is before the deadline;
//     a refused submission goes back to its previous state with the reason recorded;
//   - lateness against the period's deadline and missing task-book content are recorded on the
//     report (GZ-4.4a.2: late or incomplete submissions are recorded as such);
//   - the figures counted from records — enterprises transformed, the level-2 share, diagnoses
//     (GZ-2.2.4/2.2.5, DG-6.3/6.4) — are counted from the report's per-enterprise rows for the
//     enterprises the registry lists as served by the unit, replacing any number stored for them;
//   - the automatic scores are computed against the task book (DG-12) and written as the
//     evaluation draft with each dimension's explanation, keeping staff-judged scores (GZ-3.3),
//     with the task-book completion beside them (DG-9.2, with its workings);
//   - the period's ranking summary moves by this one unit on the pack's ranking basis (cost flat
//     in the number of units).
// The submission time is the report's `updatedAt`, which the rules pin to the request time.
// Issue 16.2: a report is received only for a period of the programme's cadence that exists and
// is open (domain `reportPeriodRefusal`, the rules' `periodOpen` asked again for documents the
// rules never saw); otherwise it is refused like any other submission — no evaluation, no
// ranking count. Issue 16.1: a document the decision needs that cannot be read (the report
// itself, its period, task book, evaluation…) is recorded for staff (jobProblems) under the same
// exactly-once marker, and the report is left as it is.
import type { Transaction } from "firebase-admin/firestore";
import { shanghaiDate } from "../domain/dates.js";
import { refuse, type Refusal } from "../domain/errors.js";
import { evaluationMachine } from "../domain/evaluation.machine.js";
import { complaintCounts, reportingStatus, storedDimensions } from "../domain/evaluationDraft.js";
import { periodBounds } from "../domain/periods.js";
import { reportMachine } from "../domain/report.machine.js";
import { reportMetrics, rowFigures } from "../domain/enterpriseMetrics.js";
import { missingReportFields, reportPeriodRefusal } from "../domain/reportChecks.js";
import { evaluate, type MetricValues, type ReportingStatus } from "../domain/scoring.js";
import { taskBookCompletion } from "../domain/taskBookCompletion.js";
import type { Actor, Evaluation } from "../domain/schemas/index.js";
import { appendAudit, systemActor } from "../store/audit.js";
import { collections, ids } from "../store/collections.js";
import { readRanking, writeEvaluation } from "../store/evaluations.js";
import { prepareProblems, ProblemLog } from "../store/jobProblems.js";
import { onceInTransaction } from "../store/once.js";
import { loadProgrammeContext } from "../store/programmeContext.js";
import type { Deps } from "./deps.js";
import { periodWord } from "../domain/words.js";

/** The parts of a Firestore document-written event this use case needs (so tests can replay one). */
export interface ReportWrite {
  eventId: string;
  eventTime: Date;
  programmeId: string;
  reportId: string;
  before?: Record<string, unknown>;
  after?: Record<string, unknown>;
}

export type ReportWriteOutcome = "ignored" | "replayed" | "stale" | "refused" | "evaluated" | "recorded" | "unreadable";

const millis = (v: unknown): number | undefined => (v && typeof (v as { toMillis?: unknown }).toMillis === "function" ? (v as { toMillis(): number }).toMillis() : v instanceof Date ? v.getTime() : undefined);

/** Only a client's move into `submitted` is a submission; our own follow-up writes keep the state and are ignored. */
function isSubmission(w: Pick<ReportWrite, "before" | "after">): boolean {
  return w.after?.state === "submitted" && w.before?.state !== "submitted";
}

export async function receiveReportSubmission(deps: Deps, w: ReportWrite, actor: Actor = systemActor("onReportWritten")): Promise<ReportWriteOutcome> {
  if (!isSubmission(w)) return "ignored";
  let outcome: ReportWriteOutcome = "stale";
  const log = new ProblemLog();
  try {
    const fresh = await onceInTransaction(deps.db, w.eventId, deps.clock(), async (tx) => {
      const submission = await gatherSubmission(tx, deps, w);
      // Another write came after this event (staff decided, the unit edited again): that one counts.
      if (submission) outcome = decideSubmission(tx, submission, actor);
    });
    return fresh ? outcome : "replayed";
  } catch (err) {
    if (!log.note(err)) throw err;
  }
  // Nothing of the decision was written; the event is marked done with the problem recorded.
  const problem = { programmeId: w.programmeId, job: "onReportWritten" as const, now: w.eventTime, actor };
  const fresh = await onceInTransaction(deps.db, w.eventId, deps.clock(), async (tx) => (await prepareProblems(tx, problem, log.notes))());
  return fresh ? "unreadable" : "replayed";
}

type Submission = NonNullable<Awaited<ReturnType<typeof gatherSubmission>>>;

/** Everything the decision needs, read before the transaction's first write. */
async function gatherSubmission(tx: Transaction, deps: Deps, w: ReportWrite) {
  const { programmeId, reportId } = w;
  const ctx = await loadProgrammeContext(programmeId, tx, deps.calendar);
  const reportRef = collections.reports(programmeId).doc(reportId);
  const report = (await tx.get(reportRef)).data();
  if (!report || report.state !== "submitted" || millis(report.updatedAt) !== millis(w.after?.updatedAt)) return undefined;
  const { unitId, periodId } = report;
  const evaluationRef = collections.evaluations(programmeId).doc(ids.evaluation(unitId, periodId));
  const period = (await tx.get(collections.periods(programmeId).doc(periodId))).data();
  const taskBook = (await tx.get(collections.taskBooks(programmeId).doc(ids.taskBook(unitId, periodBounds(periodId).year)))).data();
  const existing = (await tx.get(evaluationRef)).data();
  const summary = await readRanking(tx, programmeId, periodId);
  const complaints = (await tx.get(collections.complaints(programmeId).where("unitId", "==", unitId))).docs.map((d) => d.data());
  // Only ids are needed: which rows are the unit's own pilot enterprises.
  const served = (await tx.get(collections.enterprises(programmeId).where("servedBy", "==", unitId).select())).docs.map((d) => d.id);
  const now = report.updatedAt ?? w.eventTime;
  return { w, ctx, reportRef, report, evaluationRef, period, targets: taskBook?.targets ?? {}, existing, summary, complaints, served, now, today: shanghaiDate(now) };
}

/** Asks the report machine, then records the refusal, or the submission and the evaluation draft. */
function decideSubmission(tx: Transaction, s: Submission, actor: Actor): ReportWriteOutcome {
  const { ctx, report, w } = s;
  const audit: AuditOf = (entry) =>
    appendAudit(tx, w.programmeId, `${w.eventId}-report`, { at: s.now, actor, entity: s.reportRef.path, ...entry });
  const resubmission = w.before?.state === "returned";
  const from = resubmission ? "returned" : "draft";
  const periodRefusal = reportPeriodRefusal(report.periodId, s.period, ctx.pack);
  if (periodRefusal || !s.period) return refuseSubmission(tx, s, from, periodRefusal ?? refuse("REPORT_PERIOD_UNKNOWN", report.periodId), audit);
  // The period exists, so its own deadline counts (opened with the programme's calendar).
  const deadline = s.period.reportDeadline;
  const machineCtx = { today: s.today, pack: ctx.pack, programmeEndsOn: ctx.programme.endsOn, deadline, evaluationCloseOn: s.period.evaluationCloseOn, periodClosed: s.period.state === "closed", missingFields: [] };
  const step = reportMachine.transition(from, { type: resubmission ? "resubmit" : "submit" }, machineCtx);
  if (!step.ok) return refuseSubmission(tx, s, from, step, audit);

  const metrics = reportMetrics(report.metrics, report.enterprises, s.served);
  const { ignored } = rowFigures(report.enterprises, s.served);
  const missing = missingReportFields(report.periodId, s.targets, { metrics, lagExplanation: report.lagExplanation }, ctx.packFor(report.periodId));
  const late = step.effects.some((e) => e.type === "recordLateReport");
  const incomplete = missing.length > 0;
  tx.set(s.reportRef, { ...report, metrics, late, incomplete, missingFields: missing, submittedOn: s.today, lastRefusal: undefined });
  const flags = [late ? `逾期（截止日 ${deadline}）` : "", incomplete ? `不完整（缺：${missing.join("、")}）` : ""].filter(Boolean);
  const notCounted = ignored.length > 0 ? `；${ignored.length} 行试点企业进展不是本单位服务的企业或重复填报，未计入统计（${ignored.join("、")}）` : "";
  audit({
    action: resubmission ? "report.resubmitted" : "report.submitted",
    after: { state: "submitted", submittedOn: s.today, late, incomplete, missingFields: missing, metrics },
    clause: flags.length > 0 ? (ctx.pack.clauses.missingReport ?? step.clause) : step.clause,
    note: `${flags.length > 0 ? `报告${flags.join("，")}，已记录` : "报告按时完整提交"}${notCounted}`,
  });

  // GZ-3.4.2: an approved conclusion is final; a late resubmission does not rewrite it.
  if (s.existing && evaluationMachine.isTerminal(s.existing.state)) return "recorded";
  writeEvaluationDraft(tx, s, metrics, reportingStatus({ late, incomplete }), actor);
  return "evaluated";
}

type AuditOf = (entry: { action: string; before?: Record<string, unknown>; after?: Record<string, unknown>; clause: string; note?: string }) => void;

/** Not taken: back to where it was, with the reason for the unit (`lastRefusal`, a notification) and an audit entry. */
function refuseSubmission(tx: Transaction, s: Submission, from: "draft" | "returned", refusal: Refusal, audit: AuditOf): ReportWriteOutcome {
  const { report, w } = s;
  tx.set(s.reportRef, { ...report, state: from, lastRefusal: refusal.message });
  tx.set(collections.notifications(w.programmeId).doc(`report-refused-${w.eventId}`), { toUnitId: report.unitId, kind: "reportRefused", title: `${periodWord(report.periodId)}报告未被受理`, body: refusal.message, link: `/portal/reports/${report.periodId}`, createdAt: s.now });
  audit({ action: "report.submissionRefused", before: { state: "submitted" }, after: { state: from, code: refusal.code }, clause: s.ctx.pack.clauses.report, note: refusal.message });
  return "refused";
}

/** The automatic scores against the task book, keeping the staff-judged parts already entered. */
function writeEvaluationDraft(tx: Transaction, s: Submission, metrics: MetricValues, reporting: ReportingStatus, actor: Actor) {
  const { unitId, periodId } = s.report;
  const complaints = complaintCounts(s.complaints, periodId);
  const judged = s.existing?.judged ?? [];
  const scored = evaluate({ periodId, targets: s.targets, actuals: metrics, reporting, complaints, judged }, s.ctx.packFor(periodId).scoring);
  if (!scored.ok) throw new Error(`stored judged scores invalid for ${s.evaluationRef.path}: ${scored.message}`);
  const result = scored.value;
  const evaluation: Evaluation = {
    unitId,
    periodId,
    state: "draft",
    dimensions: storedDimensions(result),
    judged,
    total: result.total,
    band: result.band,
    passed: result.passed,
    participated: true,
    reporting,
    missingJudged: result.missingJudged,
    completion: taskBookCompletion(periodId, s.targets, metrics, s.ctx.packFor(periodId).scoring),
    inputs: { targets: s.targets, actuals: metrics, complaints },
    computedAt: s.now,
  };
  writeEvaluation(tx, s.w.programmeId, s.evaluationRef.id, evaluation, s.summary, s.existing, s.ctx.pack.ranking.basis);
  appendAudit(tx, s.w.programmeId, `${s.w.eventId}-evaluation`, {
    at: s.now,
    actor,
    action: "evaluation.computed",
    entity: s.evaluationRef.path,
    before: s.existing ? { total: s.existing.total, band: s.existing.band } : undefined,
    after: { total: result.total, band: result.band, passed: result.passed, missingJudged: result.missingJudged, completion: evaluation.completion?.percent ?? null },
    clause: s.ctx.pack.clauses.evaluation,
    note: result.complete ? `自动计分完成，待${s.ctx.pack.workGroupName}审定` : `自动计分完成，待人工评分：${result.missingJudged.join("、")}`,
  });
}
