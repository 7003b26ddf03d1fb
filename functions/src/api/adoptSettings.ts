// Callable adapter: a programme administrator adopts a settings version (use case: usecases/settingsProposal).
import { settingsProposalSchema } from "../domain/settings.js";
import { productionDeps } from "../usecases/deps.js";
import { adoptSettings as adopt } from "../usecases/settingsProposal.js";
import { requireStaff, staffActor } from "./caller.js";
import { validatedOnCall } from "./validatedOnCall.js";

export const adoptSettings = validatedOnCall("adoptSettings", settingsProposalSchema, async (req, request) =>
  adopt(productionDeps(), req, staffActor(requireStaff(request.auth, req.programmeId, "admin"))),
);
