// What may be done with a proceeding today (the admin page shows only these buttons). Computed on
// request because some guards depend on the date (a rectification deadline passing).
import { shanghaiDate } from "../domain/dates.js";
import { proceedingAllowedEventsRequestSchema } from "../domain/schemas/index.js";
import { collections } from "../store/collections.js";
import { allowedEventsOf } from "../store/proceedingSteps.js";
import { loadProgrammeContext } from "../store/programmeContext.js";
import { requireStaff } from "./caller.js";
import { validatedOnCall } from "./validatedOnCall.js";
import { refused } from "../domain/errors.js";

export const proceedingAllowedEvents = validatedOnCall("proceedingAllowedEvents", proceedingAllowedEventsRequestSchema, async (req, request) => {
  requireStaff(request.auth, req.programmeId);
  const ctx = await loadProgrammeContext(req.programmeId);
  const p = (await collections.proceedings(req.programmeId).doc(req.proceedingId).get()).data();
  if (!p) refused("PROCEEDING_NOT_FOUND", req.proceedingId);
  return { state: p.state, allowedEvents: allowedEventsOf(p, ctx, shanghaiDate(new Date())) };
});
