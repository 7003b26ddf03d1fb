// Callable adapter: a programme administrator runs the period close of the programme for today or
// an earlier day (Shanghai), for every due period or the one named, or asks what it would do
// (dry run) — e.g. right after the deadline instead of waiting for the nightly run
// (use case: usecases/manualJobRuns).
import { runPeriodCloseRequestSchema } from "../domain/schemas/requests.js";
import { productionDeps } from "../usecases/deps.js";
import { runPeriodCloseManually } from "../usecases/manualJobRuns.js";
import { requireStaff, staffActor } from "./caller.js";
import { validatedOnCall } from "./validatedOnCall.js";

export const runPeriodClose = validatedOnCall("runPeriodClose", runPeriodCloseRequestSchema, async (req, request) => {
  const actor = staffActor(requireStaff(request.auth, req.programmeId, "admin"));
  return runPeriodCloseManually(productionDeps(), req, actor);
});
