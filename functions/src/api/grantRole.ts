// Callable adapter: an administrator of the programme grants or removes a role (use case: usecases/grantRole).
import { grantRoleRequestSchema } from "../domain/schemas/roles.js";
import { productionDeps } from "../usecases/deps.js";
import { grantRole as grant } from "../usecases/grantRole.js";
import { requireStaff, staffActor } from "./caller.js";
import { validatedOnCall } from "./validatedOnCall.js";

export const grantRole = validatedOnCall("grantRole", grantRoleRequestSchema, async (req, request) =>
  grant(productionDeps(), req, staffActor(requireStaff(request.auth, req.programmeId, "admin"))),
);
