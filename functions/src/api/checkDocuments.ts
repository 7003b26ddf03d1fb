// What a reviewer (or the unit preparing an application) needs to see about a target's files:
// each required document from the pack with the current version present, what is missing
// (the same list that blocks submission, GZ-4.6.1 / DG-13) and flags such as a Credit China
// report older than the pack's freshness limit counted from its stated query date.

import { checkDocumentsRequestSchema } from "../domain/schemas/documents.js";
import { documentChecks, loadDocumentTarget } from "../store/documents.js";
import { requireSignedIn } from "./caller.js";
import { validatedOnCall } from "./validatedOnCall.js";
import { refused } from "../domain/errors.js";

export const checkDocuments = validatedOnCall("checkDocuments", checkDocumentsRequestSchema, async (req, request) => {
  const caller = requireSignedIn(request.auth);
  const staff = Boolean(caller.claims.staff?.[req.programmeId]);
  const unitId = caller.claims.unit?.programmeId === req.programmeId ? caller.claims.unit.unitId : undefined;
  if (!staff && !unitId) refused("STAFF_OR_OWNER_ONLY");
  const target = await loadDocumentTarget(undefined, req.programmeId, req.targetType, req.targetId);
  if (!target) refused("TARGET_NOT_FOUND");
  if (!staff && target.unitId !== unitId) refused("OWN_UNIT_ONLY");
  return documentChecks(req.programmeId, target, new Date());
});
