// Callable adapter: staff export a period's evaluations and ranking (use case: usecases/exportPeriod).
import { exportPeriodRequestSchema } from "../domain/schemas/requests.js";
import { productionDeps } from "../usecases/deps.js";
import { exportPeriod as exportWorkbook } from "../usecases/exportPeriod.js";
import { requireStaff, staffActor } from "./caller.js";
import { validatedOnCall } from "./validatedOnCall.js";

export const exportPeriod = validatedOnCall("exportPeriod", exportPeriodRequestSchema, async (req, request) =>
  exportWorkbook(productionDeps(), req, staffActor(requireStaff(request.auth, req.programmeId))),
);
