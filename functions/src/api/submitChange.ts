// A unit member submits its drafted change application (GZ-4.6.1, DG-13, DG-14). Clients may
// only draft (firestore.rules); submission checks the required documents here and assigns the
// review batch (GZ-4.7, DG-15).
import { submitChangeRequestSchema } from "../domain/schemas/index.js";
import { submitChangeAt } from "../store/changes.js";
import { memberActor, requireMember } from "./caller.js";
import { validatedOnCall } from "./validatedOnCall.js";

export const submitChange = validatedOnCall("submitChange", submitChangeRequestSchema, async (req, request) => {
  const caller = requireMember(request.auth, req.programmeId);
  return submitChangeAt(req.programmeId, req.changeId, caller.unitId, memberActor(caller), new Date());
});
