// What a reviewer (or the unit preparing an application) needs to see about a target's files:
// each required document from the pack with the current version present, what is missing
// (the same list that blocks submission, GZ-4.6.1 / DG-13) and flags such as a Credit China
// report older than the pack's freshness limit counted from its stated query date.
import { documentErrors } from "../domain/documents.js";
import { checkDocumentsRequestSchema } from "../domain/schemas/documents.js";
import { documentChecks, loadDocumentTarget } from "../store/documents.js";
import { requireSignedIn } from "./caller.js";
import { fail } from "./errors.js";
import { validatedOnCall } from "./validatedOnCall.js";

export const checkDocuments = validatedOnCall("checkDocuments", checkDocumentsRequestSchema, async (req, request) => {
  const caller = requireSignedIn(request.auth);
  const staff = Boolean(caller.claims.staff?.[req.programmeId]);
  const unitId = caller.claims.unit?.programmeId === req.programmeId ? caller.claims.unit.unitId : undefined;
  if (!staff && !unitId) fail("permission-denied", "只有本专项工作小组成员或该事项所属单位可以查看材料清单。");
  const target = await loadDocumentTarget(undefined, req.programmeId, req.targetType, req.targetId);
  if (!target) fail("not-found", documentErrors.TARGET_NOT_FOUND, "TARGET_NOT_FOUND");
  if (!staff && target.unitId !== unitId) fail("permission-denied", "只能查看本单位事项的材料清单。");
  return documentChecks(req.programmeId, target, new Date());
});
