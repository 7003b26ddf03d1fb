// Callable adapter: staff record an interview of a low-ranked unit (DG-9.2; use case: usecases/recordInterview).
import { recordInterviewRequestSchema } from "../domain/schemas/index.js";
import { productionDeps } from "../usecases/deps.js";
import { recordInterview as record } from "../usecases/recordInterview.js";
import { requireStaff, staffActor } from "./caller.js";
import { validatedOnCall } from "./validatedOnCall.js";

export const recordInterview = validatedOnCall("recordInterview", recordInterviewRequestSchema, async (req, request) =>
  record(productionDeps(), req, staffActor(requireStaff(request.auth, req.programmeId))),
);
