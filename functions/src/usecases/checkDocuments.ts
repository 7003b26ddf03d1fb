// What a reviewer (or the unit preparing an application) needs to see about a target's files:
// each required document from the pack with the current version present, what is missing
// (the same list that blocks submission, GZ-4.6.1 / DG-13) and flags such as a Credit China
// report older than the pack's freshness limit counted from its stated query date.
import type { z } from "zod";
import type { Viewer } from "../domain/access.js";
import { shanghaiDate } from "../domain/dates.js";
import { isInsider } from "../domain/documents.js";
import { refused } from "../domain/errors.js";
import { documentChecklist } from "../domain/requiredDocuments.js";
import type { checkDocumentsRequestSchema } from "../domain/schemas/documents.js";
import { currentDocumentOf, currentDocuments, loadDocumentTarget } from "../store/documents.js";
import { loadProgrammeContext } from "../store/programmeContext.js";
import type { Deps } from "./deps.js";

export type CheckDocumentsInput = z.output<typeof checkDocumentsRequestSchema>;

/** For staff of the programme or a member of the target's own unit. */
export async function checkDocuments(deps: Deps, input: CheckDocumentsInput, viewer: Viewer) {
  const { programmeId } = input;
  if (!isInsider(viewer, programmeId)) refused("STAFF_OR_OWNER_ONLY");
  const target = (await loadDocumentTarget(undefined, programmeId, input.targetType, input.targetId)) ?? refused("TARGET_NOT_FOUND");
  if (viewer.role === "unitMember" && target.unitId !== viewer.unitId) refused("OWN_UNIT_ONLY");
  const ctx = await loadProgrammeContext(programmeId, undefined, deps.calendar);
  const docs = await currentDocuments(undefined, programmeId, target.type, target.id);
  const today = shanghaiDate(deps.clock());
  const pack = ctx.packOn(today);
  const list = documentChecklist(target.type === "change" ? target.changeType : undefined, docs.map(currentDocumentOf), pack, today);
  return {
    today,
    freshnessDays: pack.creditReportFreshnessDays,
    ...list,
    current: docs
      .map((d) => ({ documentId: d.id, kind: d.kind, version: d.version ?? 1, fileName: d.fileName, size: d.size, contentType: d.contentType, stamped: d.stamped, issuedOn: d.issuedOn ?? null, uploadedAt: d.uploadedAt.toISOString(), previousVersionId: d.previousVersionId ?? null, approvedAt: d.approvedAt?.toISOString() ?? null }))
      .sort((a, b) => a.kind.localeCompare(b.kind)),
  };
}
