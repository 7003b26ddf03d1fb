// Staff close a complaint, stating whether it was effectively resolved. One not effectively
// resolved counts against its partner (DG-16.2); reaching the pack's threshold proposes the
// partner's removal in the same transaction. A complaint is closed once: a second close is
// refused, so nothing is counted twice.
import type { z } from "zod";
import { shanghaiDate } from "../domain/dates.js";
import { refuse, refused } from "../domain/errors.js";
import { complaintClause } from "../domain/feedback.js";
import type { Actor } from "../domain/schemas/index.js";
import type { closeComplaintRequestSchema } from "../domain/schemas/workflowRequests.js";
import { appendAudit } from "../store/audit.js";
import { collections } from "../store/collections.js";
import { loadProgrammeContext } from "../store/programmeContext.js";
import type { Deps } from "./deps.js";
import { requireOpenProgramme } from "./openProgramme.js";
import { countPartnerFeedback } from "./partnerFeedback.js";

export function closeComplaint(deps: Deps, input: z.output<typeof closeComplaintRequestSchema>, actor: Actor) {
  const { programmeId, complaintId, effectivelyResolved, resolution } = input;
  const now = deps.clock();
  return deps.db.runTransaction(async (tx) => {
    const ctx = await loadProgrammeContext(programmeId, tx, deps.calendar);
    requireOpenProgramme(ctx, now);
    const ref = collections.complaints(programmeId).doc(complaintId);
    const complaint = (await tx.get(ref)).data() ?? refused("COMPLAINT_NOT_FOUND", complaintId);
    if (complaint.status === "closed") refused("ALREADY_DECIDED", refuse("COMPLAINT_CLOSED").message);
    const closedOn = input.closedOn ?? shanghaiDate(now);
    if (closedOn < complaint.receivedOn) refused("CLOSED_BEFORE_RECEIVED");
    const proposals =
      complaint.partnerId && !effectivelyResolved ? await countPartnerFeedback(tx, programmeId, ctx.pack, complaint.unitId, [{ partnerId: complaint.partnerId, unresolvedComplaintId: ref.id }], now) : [];
    tx.set(ref, { ...complaint, status: "closed", effectivelyResolved, closedOn, resolution });
    appendAudit(tx, programmeId, `${ref.id}.closed`, {
      at: now,
      actor,
      action: "complaint.closed",
      entity: ref.path,
      before: { status: "open" },
      after: { status: "closed", effectivelyResolved, resolution },
      clause: complaintClause(ctx.pack),
    });
    return { complaintId: ref.id, proposals };
  });
}
