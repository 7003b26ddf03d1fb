// Callable adapter: a target's document checklist for staff or the owning unit (use case:
// usecases/checkDocuments).
import { viewerFromClaims } from "../domain/documents.js";
import { checkDocumentsRequestSchema } from "../domain/schemas/documents.js";
import { checkDocuments as check } from "../usecases/checkDocuments.js";
import { productionDeps } from "../usecases/deps.js";
import { requireSignedIn } from "./caller.js";
import { validatedOnCall } from "./validatedOnCall.js";

export const checkDocuments = validatedOnCall("checkDocuments", checkDocumentsRequestSchema, async (req, request) =>
  check(productionDeps(), req, viewerFromClaims(requireSignedIn(request.auth).claims, req.programmeId)),
);
