// Callable adapter: a short-lived download link for the owning unit and the programme's staff
// (use case: usecases/issueDownloadLink, which audits every call).
import { viewerFromClaims } from "../domain/documents.js";
import { getDocumentDownloadRequestSchema } from "../domain/schemas/documents.js";
import { productionDeps } from "../usecases/deps.js";
import { issueDownloadLink } from "../usecases/issueDownloadLink.js";
import { memberActor, requireSignedIn, staffActor } from "./caller.js";
import { validatedOnCall } from "./validatedOnCall.js";

export const getDocumentDownload = validatedOnCall("getDocumentDownload", getDocumentDownloadRequestSchema, async (req, request) => {
  const caller = requireSignedIn(request.auth);
  const viewer = viewerFromClaims(caller.claims, req.programmeId);
  const headers = request.rawRequest.headers;
  const host = headers["x-forwarded-host"] ?? headers.host;
  return issueDownloadLink(productionDeps(), { ...req, host: host === undefined ? undefined : String(host) }, { viewer, actor: viewer.role === "staff" ? staffActor(caller) : memberActor(caller) });
});
