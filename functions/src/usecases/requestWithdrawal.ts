// A unit asks to leave the programme (GZ-4.4b.1 / DG-10.1). Its uploaded written request is the
// evidence; the request opens a clear-out proposal on the ".1" ground, which staff take through
// the bureau meeting (Guangzhou) and make effective like any clear-out (no re-application).
import type { z } from "zod";
import { refused } from "../domain/errors.js";
import type { requestWithdrawalRequestSchema } from "../domain/schemas/workflowRequests.js";
import { collections } from "../store/collections.js";
import { loadProgrammeContext } from "../store/programmeContext.js";
import type { Acting, Deps } from "./deps.js";
import { proposeProceedingIn } from "./proposeProceeding.js";

export function requestWithdrawal(deps: Deps, input: z.output<typeof requestWithdrawalRequestSchema>, member: Acting & { unitId: string }) {
  const { unitId, ...actor } = member;
  const { programmeId, documentId } = input;
  const now = deps.clock();
  return deps.db.runTransaction(async (tx) => {
    const programme = await loadProgrammeContext(programmeId, tx, deps.calendar);
    const doc = (await tx.get(collections.documents(programmeId).doc(documentId))).data();
    if (!doc || doc.ownerUnitId !== unitId) refused("DOCUMENT_NOT_OWN", documentId);
    if (doc.kind !== "unitExitRequest") refused("DOCUMENT_KIND_WRONG", "“自行要求退出的申请”");
    const ground = programme.pack.clearOut.grounds.find((g) => g.endsWith(".1"))!;
    const evidence = [{ description: `牵引单位自行要求退出：${input.reason}`, documentId }];
    // One request per document: a double click opens nothing twice.
    return proposeProceedingIn(tx, programme, { kind: "clearOut", unitId, ground, evidence, complaintIds: [] }, actor, now, `withdrawal-${documentId}`);
  });
}
