// Callable adapter: staff record an annual award (DG-5.7; use case: usecases/recordAward).
import { recordAwardRequestSchema } from "../domain/schemas/index.js";
import { productionDeps } from "../usecases/deps.js";
import { recordAward as record } from "../usecases/recordAward.js";
import { requireStaff, staffActor } from "./caller.js";
import { validatedOnCall } from "./validatedOnCall.js";

export const recordAward = validatedOnCall("recordAward", recordAwardRequestSchema, async (req, request) =>
  record(productionDeps(), req, staffActor(requireStaff(request.auth, req.programmeId))),
);
