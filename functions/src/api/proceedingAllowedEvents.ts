// Callable adapter: what staff may do with a proceeding today (use case: usecases/allowedProceedingEvents).
import { proceedingAllowedEventsRequestSchema } from "../domain/schemas/index.js";
import { allowedProceedingEvents } from "../usecases/allowedProceedingEvents.js";
import { productionDeps } from "../usecases/deps.js";
import { requireStaff } from "./caller.js";
import { validatedOnCall } from "./validatedOnCall.js";

export const proceedingAllowedEvents = validatedOnCall("proceedingAllowedEvents", proceedingAllowedEventsRequestSchema, async (req, request) => {
  requireStaff(request.auth, req.programmeId);
  return allowedProceedingEvents(productionDeps(), req);
});
