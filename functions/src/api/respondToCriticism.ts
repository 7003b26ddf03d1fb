// A unit member answers its criticism with a rectification report (GZ-4.4a), before the deadline.
// The report is uploaded first (documents/{id}, kind rectificationReport, owned by the unit).
import { respondToCriticismRequestSchema } from "../domain/schemas/index.js";
import { collections } from "../store/collections.js";
import { runProceedingStep } from "../store/proceedingSteps.js";
import { memberActor, requireMember } from "./caller.js";
import { validatedOnCall } from "./validatedOnCall.js";
import { refused } from "../domain/errors.js";

export const respondToCriticism = validatedOnCall("respondToCriticism", respondToCriticismRequestSchema, async (req, request) => {
  const caller = requireMember(request.auth, req.programmeId);
  return runProceedingStep({
    programmeId: req.programmeId,
    proceedingId: req.proceedingId,
    event: { type: "respond", documentId: req.documentId },
    actor: memberActor(caller),
    now: new Date(),
    unitOnly: caller.unitId,
    precheck: async (tx, p) => {
      if (p.kind !== "criticism") refused("PROCEEDING_KIND_WRONG", "只能对通报批评提交整改报告");
      const doc = (await tx.get(collections.documents(req.programmeId).doc(req.documentId))).data();
      if (!doc || doc.ownerUnitId !== caller.unitId) refused("DOCUMENT_NOT_OWN", req.documentId);
      if (doc.kind !== "rectificationReport") refused("DOCUMENT_KIND_WRONG", "“整改报告”");
    },
  });
});
