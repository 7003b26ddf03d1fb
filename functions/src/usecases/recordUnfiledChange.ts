// Staff record a rename, reorganisation or restructuring that the unit carried out, or is about
// to, without reporting it ahead as GZ-4.8 requires (learnt from the business register, the unit's
// own papers, a site visit ...). The record is an advance-notice entry with no filing; the
// criticism candidate it raises (GZ-4.4a.4 未及时报告说明) is proposed at once, as the deadline sweep
// proposes one for a late filing, so staff need not wait for tomorrow's sweep to decide it.
// One record per unit, subject, kind and procedure day: a second click is refused, not doubled.
import type { z } from "zod";
import { checkAdvanceNotice } from "../domain/advanceNotice.js";
import { dateWord } from "../domain/words.js";
import { shanghaiDate } from "../domain/dates.js";
import { refused } from "../domain/errors.js";
import type { recordUnfiledChangeRequestSchema } from "../domain/schemas/requests.js";
import type { AdvanceNotice } from "../domain/schemas/index.js";
import { appendAudit } from "../store/audit.js";
import { proposeCandidates } from "../store/candidates.js";
import { collections } from "../store/collections.js";
import { loadProgrammeContext } from "../store/programmeContext.js";
import { filingCandidates } from "./advanceNoticeCandidates.js";
import type { Acting, Deps } from "./deps.js";
import { requireOwnPartner } from "./fileAdvanceNotice.js";
import { requireOpenProgramme } from "./openProgramme.js";

export type RecordUnfiledChangeInput = z.infer<typeof recordUnfiledChangeRequestSchema>;

export async function recordUnfiledChange(deps: Deps, input: RecordUnfiledChangeInput, actor: Acting) {
  if (input.subject === "partner" && !input.partnerId) refused("PARTNER_REQUIRED", "报告主体为合作伙伴时须填写");
  const now = deps.clock();
  const today = shanghaiDate(now);
  const ctx = await loadProgrammeContext(input.programmeId, undefined, deps.calendar);
  requireOpenProgramme(ctx, now);
  const clause = ctx.pack.clauses.advanceNotice;
  if (ctx.pack.advanceNoticeWorkingDays === null || !clause) refused("ADVANCE_NOTICE_NOT_IN_POLICY");
  // Until the last on-time day has passed the unit may still report in time: nothing to record.
  const { latestOnTimeFilingDate } = checkAdvanceNotice(input.procedureOn, input.procedureOn, ctx.pack, ctx.calendar);
  if (today <= latestOnTimeFilingDate) refused("ADVANCE_NOTICE_NOT_YET_DUE", `最迟报送日期为 ${dateWord(latestOnTimeFilingDate)}`);
  const who = input.subject === "partner" ? `partner-${input.partnerId}` : "unit";
  const ref = collections.advanceNotices(input.programmeId).doc(`unfiled_${input.unitId}_${who}_${input.kind}_${input.procedureOn}`);
  return deps.db.runTransaction(async (tx) => {
    const unit = (await tx.get(collections.units(input.programmeId).doc(input.unitId))).data();
    if (!unit) refused("UNIT_NOT_FOUND", `unitId：${input.unitId}`);
    if (input.partnerId) await requireOwnPartner(tx, input.programmeId, input.unitId, input.partnerId);
    if ((await tx.get(ref)).exists) refused("UNFILED_CHANGE_RECORDED");
    const record: AdvanceNotice = {
      unitId: input.unitId,
      subject: input.subject,
      ...(input.partnerId ? { partnerId: input.partnerId } : {}),
      kind: input.kind,
      description: input.description,
      plannedOn: input.procedureOn,
      latestOnTimeFilingDate,
      late: true,
      recordedBy: actor,
      recordedAt: now,
      source: input.source,
      clause,
    };
    const proposed = await proposeCandidates(tx, input.programmeId, await filingCandidates(tx, ctx, ref.id, record, today), now, actor);
    tx.create(ref, record);
    const note = `未于 ${dateWord(latestOnTimeFilingDate)} 前报送（办理手续前 ${ctx.pack.advanceNoticeWorkingDays} 个工作日）；信息来源：${input.source}`;
    appendAudit(tx, input.programmeId, `advance-${ref.id}`, { at: now, actor, action: "advanceNotice.unfiledRecorded", entity: ref.path, after: { plannedOn: input.procedureOn, latestOnTimeFilingDate, late: true, proposed }, clause, note });
    return { id: ref.id, latestOnTimeFilingDate, proposed };
  });
}
