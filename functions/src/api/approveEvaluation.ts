// Callable adapter: staff of the programme approve an evaluation (use case: usecases/approveEvaluation).
import { approveEvaluationRequestSchema } from "../domain/schemas/requests.js";
import { approveEvaluation as approve } from "../usecases/approveEvaluation.js";
import { productionDeps } from "../usecases/deps.js";
import { requireStaff, staffActor } from "./caller.js";
import { validatedOnCall } from "./validatedOnCall.js";

export const approveEvaluation = validatedOnCall("approveEvaluation", approveEvaluationRequestSchema, async (req, request) =>
  approve(productionDeps(), req, staffActor(requireStaff(request.auth, req.programmeId))),
);
