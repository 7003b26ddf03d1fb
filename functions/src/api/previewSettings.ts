// Callable adapter: staff (reviewers too) preview a proposed settings version (use case: usecases/settingsProposal).
import { settingsProposalSchema } from "../domain/settings.js";
import { productionDeps } from "../usecases/deps.js";
import { previewSettings as preview } from "../usecases/settingsProposal.js";
import { requireStaff } from "./caller.js";
import { validatedOnCall } from "./validatedOnCall.js";

export const previewSettings = validatedOnCall("previewSettings", settingsProposalSchema, async (req, request) => {
  requireStaff(request.auth, req.programmeId);
  return preview(productionDeps(), req);
});
