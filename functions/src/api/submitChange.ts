// Callable adapter: a unit member submits its drafted change application (use case: usecases/submitChange).
import { submitChangeRequestSchema } from "../domain/schemas/index.js";
import { productionDeps } from "../usecases/deps.js";
import { submitChange as submit } from "../usecases/submitChange.js";
import { memberActor, requireMember } from "./caller.js";
import { validatedOnCall } from "./validatedOnCall.js";

export const submitChange = validatedOnCall("submitChange", submitChangeRequestSchema, async (req, request) => {
  const caller = requireMember(request.auth, req.programmeId);
  return submit(productionDeps(), req, { ...memberActor(caller), unitId: caller.unitId });
});
