// What may be done with a proceeding today (the admin page shows only these buttons). Computed on
// request because some guards depend on the date (a rectification deadline passing).
import type { z } from "zod";
import { shanghaiDate } from "../domain/dates.js";
import { refused } from "../domain/errors.js";
import { proceedingMachine } from "../domain/proceedings.js";
import type { proceedingAllowedEventsRequestSchema } from "../domain/schemas/workflowRequests.js";
import { collections } from "../store/collections.js";
import { loadProgrammeContext } from "../store/programmeContext.js";
import type { Deps } from "./deps.js";
import { proceedingContextOf } from "./proceedingStep.js";

export async function allowedProceedingEvents(deps: Deps, input: z.output<typeof proceedingAllowedEventsRequestSchema>) {
  const ctx = await loadProgrammeContext(input.programmeId, undefined, deps.calendar);
  const p = (await collections.proceedings(input.programmeId).doc(input.proceedingId).get()).data() ?? refused("PROCEEDING_NOT_FOUND", input.proceedingId);
  return { state: p.state, allowedEvents: proceedingMachine(p, proceedingContextOf(ctx, shanghaiDate(deps.clock()))).allowedEvents() };
}
