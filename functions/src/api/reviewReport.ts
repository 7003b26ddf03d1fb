// Staff accept a submitted report or return it with reasons per field (GZ-3.4.1, DG-9.1). The
// decision claims the report by its state inside the transaction: of two staff deciding at once,
// one wins and the other is told it was already decided. A returned report can be resubmitted by
// the unit until the deadline (report machine, enforced by onReportWritten).
import { shanghaiDate } from "../domain/dates.js";
import { refuse, Refused, refused } from "../domain/errors.js";
import { reportMachine } from "../domain/report.machine.js";
import { reviewReportRequestSchema } from "../domain/schemas/requests.js";
import { db } from "../store/admin.js";
import { appendAudit } from "../store/audit.js";
import { collections } from "../store/collections.js";
import { loadProgrammeContext } from "../store/programmeContext.js";
import { requireStaff, staffActor } from "./caller.js";
import { validatedOnCall } from "./validatedOnCall.js";
import { reportDeadline } from "../domain/periods.js";

export const reviewReport = validatedOnCall("reviewReport", reviewReportRequestSchema, async (req, request) => {
  const caller = requireStaff(request.auth, req.programmeId);
  const actor = staffActor(caller);
  const now = new Date();
  const today = shanghaiDate(now);
  return db.runTransaction(async (tx) => {
    const ctx = await loadProgrammeContext(req.programmeId, tx);
    const ref = collections.reports(req.programmeId).doc(req.reportId);
    const report = (await tx.get(ref)).data() ?? refused("REPORT_NOT_FOUND", req.reportId);
    if (report.state === "accepted" || report.state === "returned") throw new Refused(refuse("ALREADY_DECIDED", `报告已${report.state === "accepted" ? "通过" : "退回"}`));
    const period = (await tx.get(collections.periods(req.programmeId).doc(report.periodId))).data();

    const comment = req.comment?.trim() || req.reasons.map((r) => `${r.field}：${r.reason}`).join("；");
    const event = req.decision === "accept" ? { type: "accept" as const } : { type: "return" as const, comment };
    const deadline = period?.reportDeadline ?? reportDeadline(report.periodId, ctx.pack, ctx.calendar);
    const step = reportMachine.transition(report.state, event, { today, pack: ctx.pack, programmeEndsOn: ctx.programme.endsOn, deadline, periodClosed: period?.state === "closed", missingFields: [] });
    if (!step.ok) throw new Refused(step);

    const cycle = report.returnedCount;
    const returned = step.next === "returned";
    tx.set(ref, {
      ...report,
      state: step.next,
      reviewComment: comment || undefined,
      reviewReasons: req.reasons,
      reviewedBy: actor,
      reviewedAt: now,
      returnedCount: returned ? cycle + 1 : cycle,
    });
    for (const effect of step.effects) {
      if (effect.type === "notifyUnit") {
        tx.set(collections.notifications(req.programmeId).doc(`report-returned-${req.reportId}-${cycle}`), {
          toUnitId: report.unitId,
          kind: "reportReturned",
          title: `${report.periodId} 报告被退回`,
          body: `${effect.message}。请在 ${deadline}（含）前修改后重新提交。`,
          createdAt: now,
        });
      }
    }
    appendAudit(tx, req.programmeId, `review-${req.reportId}-${cycle}`, {
      at: now,
      actor,
      action: returned ? "report.returned" : "report.accepted",
      entity: ref.path,
      before: { state: report.state },
      after: { state: step.next, reasons: req.reasons, comment: comment || undefined },
      clause: step.clause,
    });
    return { reportId: req.reportId, state: step.next, deadline };
  });
});
