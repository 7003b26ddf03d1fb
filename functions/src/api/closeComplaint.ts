// Callable adapter: staff close a complaint (use case: usecases/closeComplaint).
import { closeComplaintRequestSchema } from "../domain/schemas/index.js";
import { closeComplaint as close } from "../usecases/closeComplaint.js";
import { productionDeps } from "../usecases/deps.js";
import { requireStaff, staffActor } from "./caller.js";
import { validatedOnCall } from "./validatedOnCall.js";

export const closeComplaint = validatedOnCall("closeComplaint", closeComplaintRequestSchema, async (req, request) =>
  close(productionDeps(), req, staffActor(requireStaff(request.auth, req.programmeId))),
);
