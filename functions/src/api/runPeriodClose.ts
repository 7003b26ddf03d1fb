// Staff run the period close for their programme for a given day (default today, Shanghai),
// e.g. right after the deadline instead of waiting for the nightly run. Same code as the job.
import { shanghaiDate } from "../domain/dates.js";
import { runJobRequestSchema } from "../domain/schemas/requests.js";
import { closeDuePeriods } from "../jobs/periodClose.js";
import { requireStaff } from "./caller.js";
import { validatedOnCall } from "./validatedOnCall.js";

export const runPeriodClose = validatedOnCall("runPeriodClose", runJobRequestSchema, async (req, request) => {
  requireStaff(request.auth, req.programmeId);
  const now = new Date();
  return closeDuePeriods({ asOf: req.asOf ?? shanghaiDate(now), now, programmeIds: [req.programmeId] });
});
