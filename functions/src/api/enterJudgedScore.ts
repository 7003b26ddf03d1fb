// Callable adapter: staff enter a judged score on an evaluation draft (use case: usecases/enterJudgedScore).
import { judgedScoreRequestSchema } from "../domain/schemas/requests.js";
import { productionDeps } from "../usecases/deps.js";
import { enterJudgedScore as enter } from "../usecases/enterJudgedScore.js";
import { requireStaff, staffActor } from "./caller.js";
import { validatedOnCall } from "./validatedOnCall.js";

export const enterJudgedScore = validatedOnCall("enterJudgedScore", judgedScoreRequestSchema, async (req, request) =>
  enter(productionDeps(), req, staffActor(requireStaff(request.auth, req.programmeId))),
);
