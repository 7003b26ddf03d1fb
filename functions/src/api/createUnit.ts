// Callable adapter: staff add a unit to the programme's list (use case: usecases/createUnit).
import { createUnitRequestSchema } from "../domain/schemas/index.js";
import { createUnit as create } from "../usecases/createUnit.js";
import { productionDeps } from "../usecases/deps.js";
import { requireStaff, staffActor } from "./caller.js";
import { validatedOnCall } from "./validatedOnCall.js";

export const createUnit = validatedOnCall("createUnit", createUnitRequestSchema, async (req, request) =>
  create(productionDeps(), req, staffActor(requireStaff(request.auth, req.programmeId))),
);
