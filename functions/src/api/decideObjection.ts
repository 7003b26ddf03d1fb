// Staff decide an objection: upheld (its item will be withdrawn at close) or dismissed
// (GZ-4.6.3, DG-14). Audited; a second decision on the same objection is refused.
import { shanghaiDate } from "../domain/dates.js";
import { decideObjectionRequestSchema } from "../domain/schemas/index.js";
import { decideObjectionAt } from "../store/notices.js";
import { requireStaff, staffActor } from "./caller.js";
import { validatedOnCall } from "./validatedOnCall.js";

export const decideObjection = validatedOnCall("decideObjection", decideObjectionRequestSchema, async (req, request) => {
  const caller = requireStaff(request.auth, req.programmeId);
  const now = new Date();
  return decideObjectionAt(req, staffActor(caller), shanghaiDate(now), now);
});
