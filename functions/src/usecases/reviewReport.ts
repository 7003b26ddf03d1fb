// Staff accept a submitted report or return it with reasons per field (GZ-3.4.1, DG-9.1). The
// decision claims the report by its state inside the transaction: of two staff deciding at once,
// one wins and the other is told it was already decided. A returned report can be resubmitted by
// the unit until the deadline (report machine, enforced by receiveReportSubmission).
import type { z } from "zod";
import { shanghaiDate } from "../domain/dates.js";
import { refuse, Refused, refused } from "../domain/errors.js";
import { reportMachine, reportReviewDecided } from "../domain/report.machine.js";
import { reportDeadlineOf } from "../domain/reportSchedule.js";
import type { Actor } from "../domain/schemas/index.js";
import type { reviewReportRequestSchema } from "../domain/schemas/requests.js";
import { appendAudit } from "../store/audit.js";
import { collections } from "../store/collections.js";
import { loadProgrammeContext } from "../store/programmeContext.js";
import type { Deps } from "./deps.js";
import { dateWord, deadlineWord, periodWord } from "../domain/words.js";

export type ReviewReportInput = z.output<typeof reviewReportRequestSchema>;

export async function reviewReport(deps: Deps, input: ReviewReportInput, actor: Actor) {
  const { programmeId, reportId } = input;
  const now = deps.clock();
  return deps.db.runTransaction(async (tx) => {
    const ctx = await loadProgrammeContext(programmeId, tx, deps.calendar);
    const ref = collections.reports(programmeId).doc(reportId);
    const report = (await tx.get(ref)).data() ?? refused("REPORT_NOT_FOUND", reportId);
    if (reportReviewDecided(report.state)) throw new Refused(refuse("ALREADY_DECIDED", `报告已${report.state === "accepted" ? "通过" : "退回"}`));
    const period = (await tx.get(collections.periods(programmeId).doc(report.periodId))).data();

    const comment = input.comment?.trim() || input.reasons.map((r) => `${r.field}：${r.reason}`).join("；");
    const event = input.decision === "accept" ? { type: "accept" as const } : { type: "return" as const, comment };
    const deadline = reportDeadlineOf(period, report.periodId, ctx.packFor(report.periodId), ctx.calendar);
    const step = reportMachine.transition(report.state, event, { today: shanghaiDate(now), pack: ctx.pack, programmeEndsOn: ctx.programme.endsOn, deadline, evaluationCloseOn: period?.evaluationCloseOn, periodClosed: period?.state === "closed", missingFields: [] });
    if (!step.ok) throw new Refused(step);

    const cycle = report.returnedCount;
    const returned = step.next === "returned";
    tx.set(ref, { ...report, state: step.next, reviewComment: comment || undefined, reviewReasons: input.reasons, reviewedBy: actor, reviewedAt: now, returnedCount: returned ? cycle + 1 : cycle });
    for (const effect of step.effects) {
      if (effect.type !== "notifyUnit") continue;
      tx.set(collections.notifications(programmeId).doc(`report-returned-${reportId}-${cycle}`), {
        toUnitId: report.unitId,
        kind: "reportReturned",
        title: `${periodWord(report.periodId)}报告被退回`,
        // Opens the report form in the portal (and from the e-mail): the reasons are shown there.
        link: `/portal/reports/${report.periodId}`,
        body: deadline && period?.evaluationCloseOn ? `${effect.message}。请在 ${dateWord(deadline)}（含）前修改后重新提交；报送截止日后至评价截止日 ${dateWord(period.evaluationCloseOn)} 前重新提交的，记为逾期报送。` : deadline ? `${effect.message}。请在 ${dateWord(deadline)}（含）前修改后重新提交。` : `${effect.message}。请修改后重新提交（报送截止日${deadlineWord({ deadlinePendingYear: period?.deadlinePendingYear })}）。`,
        createdAt: now,
      });
    }
    appendAudit(tx, programmeId, `review-${reportId}-${cycle}`, {
      at: now,
      actor,
      action: returned ? "report.returned" : "report.accepted",
      entity: ref.path,
      before: { state: report.state },
      after: { state: step.next, reasons: input.reasons, comment: comment || undefined },
      clause: step.clause,
    });
    return { reportId, state: step.next, deadline };
  });
}
