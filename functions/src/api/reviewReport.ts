// Callable adapter: staff accept or return a submitted report (use case: usecases/reviewReport).
import { reviewReportRequestSchema } from "../domain/schemas/requests.js";
import { productionDeps } from "../usecases/deps.js";
import { reviewReport as review } from "../usecases/reviewReport.js";
import { requireStaff, staffActor } from "./caller.js";
import { validatedOnCall } from "./validatedOnCall.js";

export const reviewReport = validatedOnCall("reviewReport", reviewReportRequestSchema, async (req, request) =>
  review(productionDeps(), req, staffActor(requireStaff(request.auth, req.programmeId))),
);
