// Callable adapter: a unit member answers its criticism (use case: usecases/respondToCriticism).
import { respondToCriticismRequestSchema } from "../domain/schemas/index.js";
import { productionDeps } from "../usecases/deps.js";
import { respondToCriticism as respond } from "../usecases/respondToCriticism.js";
import { memberActor, requireMember } from "./caller.js";
import { validatedOnCall } from "./validatedOnCall.js";

export const respondToCriticism = validatedOnCall("respondToCriticism", respondToCriticismRequestSchema, async (req, request) => {
  const caller = requireMember(request.auth, req.programmeId);
  return respond(productionDeps(), req, { ...memberActor(caller), unitId: caller.unitId });
});
