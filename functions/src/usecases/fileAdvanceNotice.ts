// A unit reports a rename, reorganisation or restructuring of itself or a partner ahead of the
// procedure (GZ-4.8: at least 10 working days before, mainland calendar with holidays and
// make-up working days). The filing day is today in Asia/Shanghai; the last on-time day is
// computed and a late filing flagged, which the deadline sweep turns into a candidate. A partner
// named must be one of the unit's own partners, read in the transaction that records the filing.
import type { Transaction } from "firebase-admin/firestore";
import type { z } from "zod";
import { checkAdvanceNotice } from "../domain/advanceNotice.js";
import { shanghaiDate } from "../domain/dates.js";
import { refused } from "../domain/errors.js";
import type { fileAdvanceNoticeRequestSchema } from "../domain/schemas/requests.js";
import { appendAudit } from "../store/audit.js";
import { collections } from "../store/collections.js";
import { loadProgrammeContext } from "../store/programmeContext.js";
import type { Acting, Deps } from "./deps.js";
import { requireOpenProgramme } from "./openProgramme.js";

export type FileAdvanceNoticeInput = z.infer<typeof fileAdvanceNoticeRequestSchema>;

export async function fileAdvanceNotice(deps: Deps, input: FileAdvanceNoticeInput, acting: Acting & { unitId: string }) {
  if (input.subject === "partner" && !input.partnerId) refused("PARTNER_REQUIRED", "报告主体为合作伙伴时须填写");
  const { unitId, ...actor } = acting;
  const now = deps.clock();
  const filedOn = shanghaiDate(now);
  const ctx = await loadProgrammeContext(input.programmeId, undefined, deps.calendar);
  requireOpenProgramme(ctx, now);
  const clause = ctx.pack.clauses.advanceNotice;
  if (ctx.pack.advanceNoticeWorkingDays === null || !clause) refused("ADVANCE_NOTICE_NOT_IN_POLICY");
  const ref = collections.advanceNotices(input.programmeId).doc();
  return deps.db.runTransaction(async (tx) => {
    // Whose partner first: a partner of another unit is refused whatever the dates say.
    if (input.partnerId) await requireOwnPartner(tx, input.programmeId, unitId, input.partnerId);
    const check = checkAdvanceNotice(input.plannedOn, filedOn, ctx.pack, ctx.calendar);
    const outcome = { latestOnTimeFilingDate: check.latestOnTimeFilingDate, workingDaysAhead: check.workingDaysAhead, late: check.late };
    const note = check.late ? `报送逾期：应不晚于 ${check.latestOnTimeFilingDate} 报送（办理手续前 ${ctx.pack.advanceNoticeWorkingDays} 个工作日）` : "按时报送";
    tx.set(ref, {
      unitId,
      subject: input.subject,
      partnerId: input.partnerId,
      kind: input.kind,
      description: input.description,
      plannedOn: input.plannedOn,
      filedOn,
      ...outcome,
      filedAt: now,
      filedBy: actor,
      // A late filing is due for the sweep at once; an on-time one has nothing left to check.
      nextDeadlineOn: check.late ? filedOn : undefined,
      clause,
    });
    appendAudit(tx, input.programmeId, `advance-${ref.id}`, { at: now, actor, action: "advanceNotice.filed", entity: ref.path, after: { plannedOn: input.plannedOn, filedOn, ...outcome }, clause, note });
    return { id: ref.id, filedOn, ...outcome };
  });
}

/** The partner must exist in this programme and belong to this unit; refused otherwise, before anything is written. */
export async function requireOwnPartner(tx: Transaction, programmeId: string, unitId: string, partnerId: string) {
  const partner = (await tx.get(collections.partners(programmeId).doc(partnerId))).data();
  if (!partner || partner.unitId !== unitId) refused("PARTNER_NOT_FOUND", `partnerId：${partnerId}`);
}
