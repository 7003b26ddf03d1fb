// Staff move a proceeding: issue a criticism with its rectification deadline, accept or return a
// response, mark it overdue, extend (GZ-4.3b), escalate to clear-out (GZ-4.3b), dismiss a
// proposal, make a clear-out effective (GZ-4.4b / DG-10), order or confirm a partner's removal
// (DG-16). The domain machine decides; effects and audit are written in the same transaction.
import { proceedingEventCallSchema } from "../domain/schemas/index.js";
import { runProceedingStep } from "../store/proceedingSteps.js";
import { requireStaff, staffActor } from "./caller.js";
import { validatedOnCall } from "./validatedOnCall.js";

export const proceedingEvent = validatedOnCall("proceedingEvent", proceedingEventCallSchema, async (req, request) => {
  const caller = requireStaff(request.auth, req.programmeId);
  return runProceedingStep({ programmeId: req.programmeId, proceedingId: req.proceedingId, event: req.event, actor: staffActor(caller), now: new Date(), expectedState: req.expectedState });
});
