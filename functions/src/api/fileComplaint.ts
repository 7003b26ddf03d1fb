// Callable adapter: staff record a complaint (use case: usecases/fileComplaint).
import { fileComplaintRequestSchema } from "../domain/schemas/index.js";
import { productionDeps } from "../usecases/deps.js";
import { fileComplaint as file } from "../usecases/fileComplaint.js";
import { requireStaff, staffActor } from "./caller.js";
import { validatedOnCall } from "./validatedOnCall.js";

export const fileComplaint = validatedOnCall("fileComplaint", fileComplaintRequestSchema, async (req, request) =>
  file(productionDeps(), req, staffActor(requireStaff(request.auth, req.programmeId))),
);
