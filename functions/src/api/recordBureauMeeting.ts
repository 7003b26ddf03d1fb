// Staff record the bureau meeting (局务会) on a clear-out: date, minutes, confirmed or not
// (GZ-4.4b.9: required in Guangzhou before a clear-out takes effect; allowed in Dongguan).
import { recordBureauMeetingRequestSchema } from "../domain/schemas/index.js";
import { collections } from "../store/collections.js";
import { runProceedingStep } from "../store/proceedingSteps.js";
import { requireStaff, staffActor } from "./caller.js";
import { validatedOnCall } from "./validatedOnCall.js";
import { refused } from "../domain/errors.js";

export const recordBureauMeeting = validatedOnCall("recordBureauMeeting", recordBureauMeetingRequestSchema, async (req, request) => {
  const caller = requireStaff(request.auth, req.programmeId);
  return runProceedingStep({
    programmeId: req.programmeId,
    proceedingId: req.proceedingId,
    event: { type: "recordBureauMeeting", heldOn: req.heldOn, minutesDocumentId: req.minutesDocumentId, decision: req.decision },
    actor: staffActor(caller),
    now: new Date(),
    precheck: async (tx, p) => {
      if (p.kind !== "clearOut") refused("PROCEEDING_KIND_WRONG", "局务会审议只适用于清退程序");
      const doc = (await tx.get(collections.documents(req.programmeId).doc(req.minutesDocumentId))).data();
      if (!doc) refused("DOCUMENT_NOT_FOUND", req.minutesDocumentId);
      if (doc.kind !== "meetingMinutes") refused("DOCUMENT_KIND_WRONG", "“局务会会议纪要”");
    },
  });
});
