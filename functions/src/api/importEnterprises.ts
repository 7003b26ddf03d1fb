// Callable adapter: staff import pilot enterprises from an Excel file (use case: usecases/importEnterprises).
import { importEnterprisesRequestSchema } from "../domain/schemas/index.js";
import { productionDeps } from "../usecases/deps.js";
import { importEnterprises as importFile } from "../usecases/importEnterprises.js";
import { requireStaff, staffActor } from "./caller.js";
import { validatedOnCall } from "./validatedOnCall.js";

export const importEnterprises = validatedOnCall("importEnterprises", importEnterprisesRequestSchema, async (req, request) =>
  importFile(productionDeps(), req, staffActor(requireStaff(request.auth, req.programmeId))),
);
