// Callable adapter: staff record a rename / restructuring the unit did not report ahead (GZ-4.8;
// use case: usecases/recordUnfiledChange).
import { recordUnfiledChangeRequestSchema } from "../domain/schemas/index.js";
import { productionDeps } from "../usecases/deps.js";
import { recordUnfiledChange as record } from "../usecases/recordUnfiledChange.js";
import { requireStaff, staffActor } from "./caller.js";
import { validatedOnCall } from "./validatedOnCall.js";

export const recordUnfiledChange = validatedOnCall("recordUnfiledChange", recordUnfiledChangeRequestSchema, async (req, request) =>
  record(productionDeps(), req, staffActor(requireStaff(request.auth, req.programmeId))),
);
