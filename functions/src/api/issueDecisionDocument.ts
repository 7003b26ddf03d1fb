// Callable adapter: staff produce a decision's formal document as a PDF (use case:
// usecases/issueDecisionDocument). The verification link printed in it points at WEB_BASE_URL.
import { issueDecisionDocumentRequestSchema } from "../domain/schemas/documents.js";
import { productionDeps } from "../usecases/deps.js";
import { issueDecisionDocument as issue } from "../usecases/issueDecisionDocument.js";
import { requireStaff, staffActor } from "./caller.js";
import { validatedOnCall } from "./validatedOnCall.js";

/** The web app's origin: configured (WEB_BASE_URL), else the project's default Hosting site. */
export function webBase(env: NodeJS.ProcessEnv = process.env): string {
  return env.WEB_BASE_URL ?? `https://${env.GCLOUD_PROJECT ?? "demo-traction"}.web.app`;
}

export const issueDecisionDocument = validatedOnCall("issueDecisionDocument", issueDecisionDocumentRequestSchema, async (req, request) =>
  issue(productionDeps(), { ...req, webBase: webBase() }, staffActor(requireStaff(request.auth, req.programmeId))),
);
