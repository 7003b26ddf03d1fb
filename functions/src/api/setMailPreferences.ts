// Callable adapter: a unit member sets their own e-mail address and reminder kinds
// (use case: usecases/setMailPreferences).
import { setMailPreferencesRequestSchema } from "../domain/schemas/mail.js";
import { productionDeps } from "../usecases/deps.js";
import { setMailPreferences as set } from "../usecases/setMailPreferences.js";
import { memberActor, requireMember } from "./caller.js";
import { validatedOnCall } from "./validatedOnCall.js";

export const setMailPreferences = validatedOnCall("setMailPreferences", setMailPreferencesRequestSchema, async (req, request) => {
  const caller = requireMember(request.auth, req.programmeId);
  return set(productionDeps(), req, { ...memberActor(caller), unitId: caller.unitId });
});
