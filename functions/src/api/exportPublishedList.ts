// Callable adapter: staff export a published list version as Excel (use case: usecases/exportPublishedList).
import { exportPublishedListRequestSchema } from "../domain/schemas/index.js";
import { productionDeps } from "../usecases/deps.js";
import { exportPublishedList as exportWorkbook } from "../usecases/exportPublishedList.js";
import { requireStaff, staffActor } from "./caller.js";
import { validatedOnCall } from "./validatedOnCall.js";

export const exportPublishedList = validatedOnCall("exportPublishedList", exportPublishedListRequestSchema, async (req, request) =>
  exportWorkbook(productionDeps(), req, staffActor(requireStaff(request.auth, req.programmeId))),
);
