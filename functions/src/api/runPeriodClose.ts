// Callable adapter: staff run the period close for their programme for a given day (default
// today, Shanghai), e.g. right after the deadline instead of waiting for the nightly run.
import { shanghaiDate } from "../domain/dates.js";
import { runJobRequestSchema } from "../domain/schemas/requests.js";
import { closeDuePeriods } from "../usecases/closeDuePeriods.js";
import { productionDeps } from "../usecases/deps.js";
import { requireStaff } from "./caller.js";
import { validatedOnCall } from "./validatedOnCall.js";

export const runPeriodClose = validatedOnCall("runPeriodClose", runJobRequestSchema, async (req, request) => {
  requireStaff(request.auth, req.programmeId);
  const deps = productionDeps();
  const now = deps.clock();
  return closeDuePeriods(deps, { asOf: req.asOf ?? shanghaiDate(now), now, programmeIds: [req.programmeId] });
});
