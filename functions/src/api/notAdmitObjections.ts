// Callable adapter: programme staff set aside junk objections in bulk with one reason (不予受理;
// use case: usecases/notAdmitObjections).
import { notAdmitObjectionsRequestSchema } from "../domain/schemas/index.js";
import { productionDeps } from "../usecases/deps.js";
import { notAdmitObjections as notAdmit } from "../usecases/notAdmitObjections.js";
import { requireStaff, staffActor } from "./caller.js";
import { validatedOnCall } from "./validatedOnCall.js";

export const notAdmitObjections = validatedOnCall("notAdmitObjections", notAdmitObjectionsRequestSchema, async (req, request) =>
  notAdmit(productionDeps(), req, staffActor(requireStaff(request.auth, req.programmeId)), { webBase: process.env.WEB_BASE_URL }),
);
