// Callable adapter: staff (reviewers too) export the what-if of a proposed settings version as Excel (use case: usecases/settingsProposal).
import { exportWhatIfRequestSchema } from "../domain/settings.js";
import { productionDeps } from "../usecases/deps.js";
import { exportWhatIf as exportWorkbook } from "../usecases/settingsProposal.js";
import { requireStaff, staffActor } from "./caller.js";
import { validatedOnCall } from "./validatedOnCall.js";

export const exportWhatIf = validatedOnCall("exportWhatIf", exportWhatIfRequestSchema, async (req, request) =>
  exportWorkbook(productionDeps(), req, staffActor(requireStaff(request.auth, req.programmeId))),
);
