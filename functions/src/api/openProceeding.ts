// Callable adapter: staff open a proceeding as a proposal (use case: usecases/proposeProceeding).
import { openProceedingCallSchema } from "../domain/schemas/index.js";
import { productionDeps } from "../usecases/deps.js";
import { proposeProceeding } from "../usecases/proposeProceeding.js";
import { requireStaff, staffActor } from "./caller.js";
import { validatedOnCall } from "./validatedOnCall.js";

export const openProceeding = validatedOnCall("openProceeding", openProceedingCallSchema, async (req, request) =>
  proposeProceeding(productionDeps(), req, staffActor(requireStaff(request.auth, req.programmeId))),
);
