// Staff run the deadline sweep for their programme for a given day (default today, Shanghai).
import { shanghaiDate } from "../domain/dates.js";
import { runJobRequestSchema } from "../domain/schemas/requests.js";
import { sweepDeadlines } from "../jobs/deadlineSweep.js";
import { requireStaff } from "./caller.js";
import { validatedOnCall } from "./validatedOnCall.js";

export const runDeadlineSweep = validatedOnCall("runDeadlineSweep", runJobRequestSchema, async (req, request) => {
  requireStaff(request.auth, req.programmeId);
  const now = new Date();
  const [result] = await sweepDeadlines({ asOf: req.asOf ?? shanghaiDate(now), now, programmeIds: [req.programmeId] });
  return result;
});
