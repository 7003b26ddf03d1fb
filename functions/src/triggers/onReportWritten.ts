// A unit submitted (or, after a return, resubmitted) its periodic report (GZ-3.4.1, DG-9.1):
// clients write the state `submitted` themselves (firestore.rules), and this trigger decides what
// that submission is. In ONE transaction, exactly once per event (onceInTransaction):
//   - the report machine checks the period is open and a resubmission is before the deadline;
//     a refused submission goes back to its previous state with the reason recorded;
//   - lateness against the period's deadline and missing task-book content are recorded on the
//     report (GZ-4.4a.2: late or incomplete submissions are recorded as such);
//   - the automatic scores are computed against the task book (DG-12) and written as the
//     evaluation draft with each dimension's explanation, keeping staff-judged scores (GZ-3.3);
//   - the period's ranking summary moves by this one unit (cost flat in the number of units).
// The submission time is the report's `updatedAt`, which the rules pin to the request time.
import { logger } from "firebase-functions";
import { onDocumentWritten } from "firebase-functions/v2/firestore";
import { shanghaiDate } from "../domain/dates.js";
import { DomainError } from "../domain/errors.js";
import { reportingStatus, storedDimensions } from "../domain/evaluationDraft.js";
import { reportDeadline } from "../domain/periods.js";
import { periodBounds } from "../domain/periods.js";
import { reportMachine } from "../domain/report.machine.js";
import { missingReportFields } from "../domain/reportChecks.js";
import { evaluate } from "../domain/scoring.js";
import type { Evaluation } from "../domain/schemas/index.js";
import { appendAudit, systemActor } from "../store/audit.js";
import { collections, ids } from "../store/collections.js";
import { readRanking, writeEvaluation } from "../store/evaluations.js";
import { onceInTransaction } from "../store/once.js";
import { loadProgrammeContext } from "../store/programmeContext.js";

/** The parts of a Firestore document-written event this handler needs (so tests can replay one). */
export interface ReportWrite {
  eventId: string;
  eventTime: Date;
  programmeId: string;
  reportId: string;
  before?: Record<string, unknown>;
  after?: Record<string, unknown>;
}

export type ReportWriteOutcome = "ignored" | "replayed" | "stale" | "refused" | "evaluated" | "recorded";

const millis = (v: unknown): number | undefined => (v && typeof (v as { toMillis?: unknown }).toMillis === "function" ? (v as { toMillis(): number }).toMillis() : v instanceof Date ? v.getTime() : undefined);

/** Only a client's move into `submitted` is a submission; our own follow-up writes keep the state and are ignored. */
export function isSubmission(w: Pick<ReportWrite, "before" | "after">): boolean {
  return w.after?.state === "submitted" && w.before?.state !== "submitted";
}

export async function handleReportWritten(w: ReportWrite): Promise<ReportWriteOutcome> {
  if (!isSubmission(w)) return "ignored";
  const actor = systemActor("onReportWritten");
  let outcome: ReportWriteOutcome = "stale";
  const fresh = await onceInTransaction(w.eventId, async (tx) => {
    const { programmeId, reportId } = w;
    const ctx = await loadProgrammeContext(programmeId, tx);
    const reportRef = collections.reports(programmeId).doc(reportId);
    const report = (await tx.get(reportRef)).data();
    // Another write came after this event (staff decided, the unit edited again): that one counts.
    if (!report || report.state !== "submitted" || millis(report.updatedAt) !== millis(w.after?.updatedAt)) return;

    const { unitId, periodId } = report;
    const bounds = periodBounds(periodId);
    const evaluationId = ids.evaluation(unitId, periodId);
    const evaluationRef = collections.evaluations(programmeId).doc(evaluationId);
    const period = (await tx.get(collections.periods(programmeId).doc(periodId))).data();
    const taskBook = (await tx.get(collections.taskBooks(programmeId).doc(ids.taskBook(unitId, bounds.year)))).data();
    const existing = (await tx.get(evaluationRef)).data();
    const summary = await readRanking(tx, programmeId, periodId);
    const complaints = (await tx.get(collections.complaints(programmeId).where("unitId", "==", unitId))).docs
      .map((d) => d.data())
      .filter((c) => c.receivedOn >= bounds.start && c.receivedOn <= bounds.end);

    const now = report.updatedAt ?? w.eventTime;
    const today = shanghaiDate(now);
    const entity = reportRef.path;
    const resubmission = w.before?.state === "returned";

    let deadline: string;
    try {
      deadline = period?.reportDeadline ?? reportDeadline(periodId, ctx.pack, ctx.calendar);
    } catch (err) {
      if (!(err instanceof DomainError)) throw err;
      // e.g. a deadline in a year the holiday calendar does not cover yet: say so, do not guess.
      appendAudit(tx, programmeId, `${w.eventId}-report`, { at: now, actor, action: "report.notEvaluated", entity, clause: ctx.pack.clauses.report, note: `无法确定报送截止日，未计算评价：${err.message}` });
      outcome = "recorded";
      return;
    }

    const machineCtx = { today, pack: ctx.pack, programmeEndsOn: ctx.programme.endsOn, deadline, periodClosed: period?.state === "closed", missingFields: [] };
    const step = reportMachine.transition(resubmission ? "returned" : "draft", { type: resubmission ? "resubmit" : "submit" }, machineCtx);
    if (!step.ok) {
      // Not taken: back to where it was, with the reason for the unit and an audit entry.
      const back = resubmission ? "returned" : "draft";
      tx.set(reportRef, { ...report, state: back, lastRefusal: step.message });
      tx.set(collections.notifications(programmeId).doc(`report-refused-${w.eventId}`), {
        toUnitId: unitId,
        kind: "reportRefused",
        title: `${periodId} 报告未被受理`,
        body: step.message,
        createdAt: now,
      });
      appendAudit(tx, programmeId, `${w.eventId}-report`, { at: now, actor, action: "report.submissionRefused", entity, before: { state: "submitted" }, after: { state: back }, clause: ctx.pack.clauses.report, note: step.message });
      outcome = "refused";
      return;
    }

    const targets = taskBook?.targets ?? {};
    const missing = missingReportFields(periodId, targets, report, { requireLagExplanation: ctx.pack.clauses.progressLag !== null });
    const late = step.effects.some((e) => e.type === "recordLateReport");
    const incomplete = missing.length > 0;
    const reporting = reportingStatus({ late, incomplete });
    const complaintCounts = { received: complaints.length, closed: complaints.filter((c) => c.status === "closed").length };

    tx.set(reportRef, { ...report, late, incomplete, missingFields: missing, submittedOn: today, lastRefusal: undefined });
    const flags = [late ? `逾期（截止日 ${deadline}）` : "", incomplete ? `不完整（缺：${missing.join("、")}）` : ""].filter(Boolean);
    appendAudit(tx, programmeId, `${w.eventId}-report`, {
      at: now,
      actor,
      action: resubmission ? "report.resubmitted" : "report.submitted",
      entity,
      after: { state: "submitted", submittedOn: today, late, incomplete, missingFields: missing },
      clause: flags.length > 0 ? (ctx.pack.clauses.missingReport ?? step.clause) : step.clause,
      note: flags.length > 0 ? `报告${flags.join("，")}，已记录` : "报告按时完整提交",
    });

    if (existing?.state === "approved") {
      // GZ-3.4.2: an approved conclusion is final; a late resubmission does not rewrite it.
      outcome = "recorded";
      return;
    }
    const judged = existing?.judged ?? [];
    const scored = evaluate({ periodId, targets, actuals: report.metrics, reporting, complaints: complaintCounts, judged }, ctx.pack.scoring);
    if (!scored.ok) throw new Error(`stored judged scores invalid for ${evaluationRef.path}: ${scored.message}`);
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
      inputs: { targets, actuals: report.metrics, complaints: complaintCounts },
      computedAt: now,
    };
    writeEvaluation(tx, programmeId, evaluationId, evaluation, summary, existing?.total);
    appendAudit(tx, programmeId, `${w.eventId}-evaluation`, {
      at: now,
      actor,
      action: "evaluation.computed",
      entity: evaluationRef.path,
      before: existing ? { total: existing.total, band: existing.band } : undefined,
      after: { total: result.total, band: result.band, passed: result.passed, missingJudged: result.missingJudged },
      clause: ctx.pack.clauses.evaluation,
      note: result.complete ? "自动计分完成，待工作小组审定" : `自动计分完成，待人工评分：${result.missingJudged.join("、")}`,
    });
    outcome = "evaluated";
  });
  return fresh ? outcome : "replayed";
}

export const onReportWritten = onDocumentWritten("programmes/{programmeId}/reports/{reportId}", async (event) => {
  const outcome = await handleReportWritten({
    eventId: event.id,
    eventTime: new Date(event.time),
    programmeId: event.params.programmeId,
    reportId: event.params.reportId,
    before: event.data?.before?.data(),
    after: event.data?.after?.data(),
  });
  if (outcome !== "ignored") logger.info("onReportWritten", { eventId: event.id, outcome });
});
