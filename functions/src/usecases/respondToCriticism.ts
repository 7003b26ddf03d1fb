// A unit member answers its criticism with a rectification report (GZ-4.4a), before the deadline.
// The report is uploaded first (documents/{id}, kind rectificationReport, owned by the unit).
import type { z } from "zod";
import { refused } from "../domain/errors.js";
import type { respondToCriticismRequestSchema } from "../domain/schemas/workflowRequests.js";
import { collections } from "../store/collections.js";
import type { Acting, Deps } from "./deps.js";
import { runProceedingStep, type StepResult } from "./proceedingStep.js";

export function respondToCriticism(deps: Deps, input: z.output<typeof respondToCriticismRequestSchema>, member: Acting & { unitId: string }): Promise<StepResult> {
  const { unitId, ...actor } = member;
  const { programmeId, proceedingId, documentId } = input;
  return runProceedingStep(
    deps,
    {
      programmeId,
      proceedingId,
      event: { type: "respond", documentId },
      unitOnly: unitId,
      precheck: async (tx, p) => {
        if (p.kind !== "criticism") refused("PROCEEDING_KIND_WRONG", "只能对通报批评提交整改报告");
        const doc = (await tx.get(collections.documents(programmeId).doc(documentId))).data();
        if (!doc || doc.ownerUnitId !== unitId) refused("DOCUMENT_NOT_OWN", documentId);
        if (doc.kind !== "rectificationReport") refused("DOCUMENT_KIND_WRONG", "“整改报告”");
      },
    },
    actor,
  );
}
