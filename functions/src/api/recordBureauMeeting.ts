// Callable adapter: staff record the bureau meeting on a clear-out (use case: usecases/recordBureauMeeting).
import { recordBureauMeetingRequestSchema } from "../domain/schemas/index.js";
import { productionDeps } from "../usecases/deps.js";
import { recordBureauMeeting as record } from "../usecases/recordBureauMeeting.js";
import { requireStaff, staffActor } from "./caller.js";
import { validatedOnCall } from "./validatedOnCall.js";

export const recordBureauMeeting = validatedOnCall("recordBureauMeeting", recordBureauMeetingRequestSchema, async (req, request) =>
  record(productionDeps(), req, staffActor(requireStaff(request.auth, req.programmeId))),
);
