// Staff move a proceeding: issue a criticism with its rectification deadline, accept or return a
// response, mark it overdue, extend (GZ-4.3b), escalate to clear-out (GZ-4.3b), dismiss a
// proposal, make a clear-out effective (GZ-4.4b / DG-10), order or confirm a partner's removal
// (DG-16). The proceeding's machine decides; effects and audit are written in the same transaction.
import type { z } from "zod";
import type { Actor } from "../domain/schemas/index.js";
import type { proceedingEventCallSchema } from "../domain/schemas/workflowRequests.js";
import type { Deps } from "./deps.js";
import { runProceedingStep, type StepResult } from "./proceedingStep.js";

export function applyProceedingEvent(deps: Deps, input: z.output<typeof proceedingEventCallSchema>, actor: Actor): Promise<StepResult> {
  const { programmeId, proceedingId, event, expectedState } = input;
  return runProceedingStep(deps, { programmeId, proceedingId, event, expectedState }, actor);
}
