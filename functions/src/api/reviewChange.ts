// Staff decide a change application: approve, return for completion, or reject with reasons
// (GZ-4.6.2, DG-5.4, DG-13, DG-14). Approved changes join a notice batch or are published.
import { reviewChangeRequestSchema } from "../domain/schemas/index.js";
import { reviewChangeAt } from "../store/changes.js";
import { requireStaff, staffActor } from "./caller.js";
import { validatedOnCall } from "./validatedOnCall.js";

export const reviewChange = validatedOnCall("reviewChange", reviewChangeRequestSchema, async (req, request) => {
  const caller = requireStaff(request.auth, req.programmeId);
  return reviewChangeAt(req, staffActor(caller), new Date());
});
