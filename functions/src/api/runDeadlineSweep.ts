// Callable adapter: staff run the deadline sweep for their programme for a given day (default
// today, Shanghai).
import { shanghaiDate } from "../domain/dates.js";
import { runJobRequestSchema } from "../domain/schemas/requests.js";
import { productionDeps } from "../usecases/deps.js";
import { sweepDeadlines } from "../usecases/sweepDeadlines.js";
import { requireStaff } from "./caller.js";
import { validatedOnCall } from "./validatedOnCall.js";

export const runDeadlineSweep = validatedOnCall("runDeadlineSweep", runJobRequestSchema, async (req, request) => {
  requireStaff(request.auth, req.programmeId);
  const deps = productionDeps();
  const now = deps.clock();
  const [result] = await sweepDeadlines(deps, { asOf: req.asOf ?? shanghaiDate(now), now, programmeIds: [req.programmeId] });
  return result;
});
