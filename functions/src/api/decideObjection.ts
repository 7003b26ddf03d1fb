// Callable adapter: staff decide an objection to an open notice (use case: usecases/decideObjection).
import { decideObjectionRequestSchema } from "../domain/schemas/index.js";
import { decideObjection as decide } from "../usecases/decideObjection.js";
import { productionDeps } from "../usecases/deps.js";
import { requireStaff, staffActor } from "./caller.js";
import { validatedOnCall } from "./validatedOnCall.js";

export const decideObjection = validatedOnCall("decideObjection", decideObjectionRequestSchema, async (req, request) =>
  decide(productionDeps(), req, staffActor(requireStaff(request.auth, req.programmeId)), { webBase: process.env.WEB_BASE_URL }),
);
