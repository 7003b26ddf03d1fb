// Staff open a criticism (GZ-4.4a), clear-out (GZ-4.4b / DG-10) or partner removal (DG-16) on a
// ground the programme's pack lists, with evidence; it starts as a proposal staff then decide.
import { openProceedingCallSchema } from "../domain/schemas/index.js";
import { db } from "../store/admin.js";
import { openProceedingInTx } from "../store/openProceeding.js";
import { requireStaff, staffActor } from "./caller.js";
import { validatedOnCall } from "./validatedOnCall.js";

export const openProceeding = validatedOnCall("openProceeding", openProceedingCallSchema, async (req, request) => {
  const caller = requireStaff(request.auth, req.programmeId);
  const now = new Date();
  return db.runTransaction((tx) => openProceedingInTx(tx, req, staffActor(caller), now));
});
