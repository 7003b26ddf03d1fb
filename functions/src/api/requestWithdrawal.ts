// A unit asks to leave the programme (GZ-4.4b.1 / DG-10.1). Its uploaded written request is the
// evidence; the request opens a clear-out proposal on the ".1" ground, which staff take through
// the bureau meeting (Guangzhou) and make effective like any clear-out (no re-application).
import { requestWithdrawalRequestSchema } from "../domain/schemas/index.js";
import { db } from "../store/admin.js";
import { collections } from "../store/collections.js";
import { openProceedingInTx } from "../store/openProceeding.js";
import { loadProgrammeContext } from "../store/programmeContext.js";
import { memberActor, requireMember } from "./caller.js";
import { validatedOnCall } from "./validatedOnCall.js";
import { refused } from "../domain/errors.js";

export const requestWithdrawal = validatedOnCall("requestWithdrawal", requestWithdrawalRequestSchema, async (req, request) => {
  const caller = requireMember(request.auth, req.programmeId);
  const now = new Date();
  return db.runTransaction(async (tx) => {
    const { pack } = await loadProgrammeContext(req.programmeId, tx);
    const doc = (await tx.get(collections.documents(req.programmeId).doc(req.documentId))).data();
    if (!doc || doc.ownerUnitId !== caller.unitId) refused("DOCUMENT_NOT_OWN", req.documentId);
    if (doc.kind !== "unitExitRequest") refused("DOCUMENT_KIND_WRONG", "“自行要求退出的申请”");
    const ground = pack.clearOut.grounds.find((g) => g.endsWith(".1"))!;
    // One request per document: a double click opens nothing twice.
    return openProceedingInTx(
      tx,
      { programmeId: req.programmeId, kind: "clearOut", unitId: caller.unitId, ground, evidence: [{ description: `牵引单位自行要求退出：${req.reason}`, documentId: req.documentId }], complaintIds: [] },
      memberActor(caller),
      now,
      `withdrawal-${req.documentId}`,
    );
  });
});
