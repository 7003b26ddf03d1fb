// Staff close a complaint, stating whether it was effectively resolved. One not effectively
// resolved counts against its partner (DG-16.2); reaching the pack's threshold proposes the
// partner's removal in the same transaction. A complaint is closed once: a second close is
// refused, so nothing is counted twice.
import { shanghaiDate } from "../domain/dates.js";
import { refuse, Refused, refused } from "../domain/errors.js";
import { complaintClause } from "../domain/feedback.js";
import { closeComplaintRequestSchema } from "../domain/schemas/index.js";
import { db } from "../store/admin.js";
import { appendAudit, systemActor } from "../store/audit.js";
import { collections } from "../store/collections.js";
import { countPartnerFeedback } from "../store/partnerFeedback.js";
import { loadProgrammeContext } from "../store/programmeContext.js";
import { requireStaff, staffActor } from "./caller.js";
import { requireOpenProgramme } from "./openProgramme.js";
import { validatedOnCall } from "./validatedOnCall.js";

export const closeComplaint = validatedOnCall("closeComplaint", closeComplaintRequestSchema, async (req, request) => {
  const caller = requireStaff(request.auth, req.programmeId);
  const now = new Date();
  const actor = staffActor(caller);
  return db.runTransaction(async (tx) => {
    const ctx = await loadProgrammeContext(req.programmeId, tx);
    requireOpenProgramme(ctx, now);
    const { pack } = ctx;
    const ref = collections.complaints(req.programmeId).doc(req.complaintId);
    const complaint = (await tx.get(ref)).data();
    if (!complaint) refused("COMPLAINT_NOT_FOUND", req.complaintId);
    if (complaint.status === "closed") throw new Refused(refuse("ALREADY_DECIDED", refuse("COMPLAINT_CLOSED").message));
    const closedOn = req.closedOn ?? shanghaiDate(now);
    if (closedOn < complaint.receivedOn) refused("CLOSED_BEFORE_RECEIVED");
    const proposals =
      complaint.partnerId && !req.effectivelyResolved
        ? await countPartnerFeedback(tx, req.programmeId, pack, complaint.unitId, [{ partnerId: complaint.partnerId, unresolvedComplaintId: ref.id }], now, systemActor("partnerFeedback"))
        : [];
    const closed = { ...complaint, status: "closed" as const, effectivelyResolved: req.effectivelyResolved, closedOn, resolution: req.resolution };
    tx.set(ref, closed);
    appendAudit(tx, req.programmeId, `${ref.id}.closed`, {
      at: now,
      actor,
      action: "complaint.closed",
      entity: ref.path,
      before: { status: "open" },
      after: { status: "closed", effectivelyResolved: req.effectivelyResolved, resolution: req.resolution },
      clause: complaintClause(pack),
    });
    return { complaintId: ref.id, proposals };
  });
});
