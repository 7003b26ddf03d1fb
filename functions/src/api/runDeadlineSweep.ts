// Callable adapter: a programme administrator runs the deadline sweep of the programme for today
// or an earlier day (Shanghai), or asks what it would do (dry run)
// (use case: usecases/manualJobRuns).
import { runJobRequestSchema } from "../domain/schemas/requests.js";
import { productionDeps } from "../usecases/deps.js";
import { runDeadlineSweepManually } from "../usecases/manualJobRuns.js";
import { requireStaff, staffActor } from "./caller.js";
import { validatedOnCall } from "./validatedOnCall.js";

export const runDeadlineSweep = validatedOnCall("runDeadlineSweep", runJobRequestSchema, async (req, request) => {
  const actor = staffActor(requireStaff(request.auth, req.programmeId, "admin"));
  return runDeadlineSweepManually(productionDeps(), req, actor);
});
