// A unit reports a rename, reorganisation or restructuring of itself or a partner ahead of the
// procedure (GZ-4.8: at least 10 working days before, mainland calendar with holidays and
// make-up working days). The filing day is today in Asia/Shanghai; the function computes the
// last on-time day and flags a late filing, which the deadline sweep turns into a candidate.
import { checkAdvanceNotice } from "../domain/advanceNotice.js";
import { shanghaiDate } from "../domain/dates.js";
import { refuse, Refused, refused } from "../domain/errors.js";
import { fileAdvanceNoticeRequestSchema } from "../domain/schemas/requests.js";
import { db } from "../store/admin.js";
import { appendAudit } from "../store/audit.js";
import { collections } from "../store/collections.js";
import { loadProgrammeContext } from "../store/programmeContext.js";
import { memberActor, requireMember } from "./caller.js";
import { requireOpenProgramme } from "./openProgramme.js";
import { validatedOnCall } from "./validatedOnCall.js";

export const fileAdvanceNotice = validatedOnCall("fileAdvanceNotice", fileAdvanceNoticeRequestSchema, async (req, request) => {
  const caller = requireMember(request.auth, req.programmeId);
  if (req.subject === "partner" && !req.partnerId) refused("PARTNER_REQUIRED", "报告主体为合作伙伴时须填写");
  const actor = memberActor(caller);
  const now = new Date();
  const filedOn = shanghaiDate(now);
  const ctx = await loadProgrammeContext(req.programmeId);
  requireOpenProgramme(ctx, now);
  if (ctx.pack.advanceNoticeWorkingDays === null || !ctx.pack.clauses.advanceNotice) throw new Refused(refuse("ADVANCE_NOTICE_NOT_IN_POLICY"));
  const check = checkAdvanceNotice(req.plannedOn, filedOn, ctx.pack, ctx.calendar);

  const ref = collections.advanceNotices(req.programmeId).doc();
  const batch = db.batch();
  batch.set(ref, {
    unitId: caller.unitId,
    subject: req.subject,
    partnerId: req.partnerId,
    kind: req.kind,
    description: req.description,
    plannedOn: req.plannedOn,
    filedOn,
    latestOnTimeFilingDate: check.latestOnTimeFilingDate,
    workingDaysAhead: check.workingDaysAhead,
    late: check.late,
    filedAt: now,
    filedBy: actor,
    // A late filing is due for the sweep at once; an on-time one has nothing left to check.
    nextDeadlineOn: check.late ? filedOn : undefined,
    clause: ctx.pack.clauses.advanceNotice,
  });
  appendAudit(batch, req.programmeId, `advance-${ref.id}`, {
    at: now,
    actor,
    action: "advanceNotice.filed",
    entity: ref.path,
    after: { plannedOn: req.plannedOn, filedOn, latestOnTimeFilingDate: check.latestOnTimeFilingDate, workingDaysAhead: check.workingDaysAhead, late: check.late },
    clause: ctx.pack.clauses.advanceNotice,
    note: check.late ? `报送逾期：应不晚于 ${check.latestOnTimeFilingDate} 报送（办理手续前 ${ctx.pack.advanceNoticeWorkingDays} 个工作日）` : "按时报送",
  });
  await batch.commit();
  return { id: ref.id, filedOn, latestOnTimeFilingDate: check.latestOnTimeFilingDate, workingDaysAhead: check.workingDaysAhead, late: check.late };
});
