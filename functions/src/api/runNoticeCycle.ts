// Staff run the notice job for their programme now, or for a given date (GZ-4.6.3, DG-14).
import { shanghaiDate } from "../domain/dates.js";
import { runNoticeCycleRequestSchema } from "../domain/schemas/index.js";
import { runNoticeCycleFor } from "../store/notices.js";
import { requireStaff, staffActor } from "./caller.js";
import { validatedOnCall } from "./validatedOnCall.js";

export const runNoticeCycle = validatedOnCall("runNoticeCycle", runNoticeCycleRequestSchema, async (req, request) => {
  const caller = requireStaff(request.auth, req.programmeId);
  const now = new Date();
  const outcomes = await runNoticeCycleFor(req.programmeId, req.asOf ?? shanghaiDate(now), now, staffActor(caller));
  return { outcomes };
});
