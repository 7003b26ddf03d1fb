// Callable adapter: staff put one pilot enterprise on the list (use case: usecases/registerEnterprise).
import { registerEnterpriseRequestSchema } from "../domain/schemas/index.js";
import { productionDeps } from "../usecases/deps.js";
import { registerEnterprise as register } from "../usecases/registerEnterprise.js";
import { requireStaff, staffActor } from "./caller.js";
import { validatedOnCall } from "./validatedOnCall.js";

export const registerEnterprise = validatedOnCall("registerEnterprise", registerEnterpriseRequestSchema, async (req, request) =>
  register(productionDeps(), req, staffActor(requireStaff(request.auth, req.programmeId))),
);
