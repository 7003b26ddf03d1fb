// Callable adapter: staff decide a change application (use case: usecases/reviewChange).
import { reviewChangeRequestSchema } from "../domain/schemas/index.js";
import { productionDeps } from "../usecases/deps.js";
import { reviewChange as review } from "../usecases/reviewChange.js";
import { requireStaff, staffActor } from "./caller.js";
import { validatedOnCall } from "./validatedOnCall.js";

export const reviewChange = validatedOnCall("reviewChange", reviewChangeRequestSchema, async (req, request) =>
  review(productionDeps(), req, staffActor(requireStaff(request.auth, req.programmeId))),
);
