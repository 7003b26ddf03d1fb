// Callable adapter: staff move a proceeding (use case: usecases/applyProceedingEvent).
import { proceedingEventCallSchema } from "../domain/schemas/index.js";
import { applyProceedingEvent } from "../usecases/applyProceedingEvent.js";
import { productionDeps } from "../usecases/deps.js";
import { requireStaff, staffActor } from "./caller.js";
import { validatedOnCall } from "./validatedOnCall.js";

export const proceedingEvent = validatedOnCall("proceedingEvent", proceedingEventCallSchema, async (req, request) =>
  applyProceedingEvent(productionDeps(), req, staffActor(requireStaff(request.auth, req.programmeId))),
);
