// Callable adapter: a programme administrator runs the notice cycle of the programme for today or
// an earlier day (Shanghai), or asks what it would do (dry run)
// (use case: usecases/manualJobRuns).
import { runNoticeCycleRequestSchema } from "../domain/schemas/index.js";
import { productionDeps } from "../usecases/deps.js";
import { runNoticeCycleManually } from "../usecases/manualJobRuns.js";
import { requireStaff, staffActor } from "./caller.js";
import { validatedOnCall } from "./validatedOnCall.js";

export const runNoticeCycle = validatedOnCall("runNoticeCycle", runNoticeCycleRequestSchema, async (req, request) => {
  const actor = staffActor(requireStaff(request.auth, req.programmeId, "admin"));
  return runNoticeCycleManually(productionDeps(), req, actor);
});
