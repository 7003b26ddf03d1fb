// Staff record the bureau meeting (局务会) on a clear-out: date, minutes, confirmed or not
// (GZ-4.4b.9: required in Guangzhou before a clear-out takes effect; allowed in Dongguan).
import type { z } from "zod";
import { refused } from "../domain/errors.js";
import type { Actor } from "../domain/schemas/index.js";
import type { recordBureauMeetingRequestSchema } from "../domain/schemas/requests.js";
import { collections } from "../store/collections.js";
import type { Deps } from "./deps.js";
import { runProceedingStep, type StepResult } from "./proceedingStep.js";

export function recordBureauMeeting(deps: Deps, input: z.output<typeof recordBureauMeetingRequestSchema>, actor: Actor): Promise<StepResult> {
  const { programmeId, proceedingId, heldOn, minutesDocumentId, decision } = input;
  return runProceedingStep(
    deps,
    {
      programmeId,
      proceedingId,
      event: { type: "recordBureauMeeting", heldOn, minutesDocumentId, decision },
      precheck: async (tx, p) => {
        if (p.kind !== "clearOut") refused("PROCEEDING_KIND_WRONG", "局务会审议只适用于清退程序");
        const doc = (await tx.get(collections.documents(programmeId).doc(minutesDocumentId))).data();
        if (!doc) refused("DOCUMENT_NOT_FOUND", minutesDocumentId);
        if (doc.kind !== "meetingMinutes") refused("DOCUMENT_KIND_WRONG", "“局务会会议纪要”");
      },
    },
    actor,
  );
}
