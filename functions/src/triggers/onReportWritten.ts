// Trigger adapter: a report document was written; a client's move into `submitted` is decided by
// the use case (usecases/receiveReportSubmission), exactly once per event.
import { logger } from "firebase-functions";
import { onDocumentWritten } from "firebase-functions/v2/firestore";
import { productionDeps } from "../usecases/deps.js";
import { receiveReportSubmission } from "../usecases/receiveReportSubmission.js";

export const onReportWritten = onDocumentWritten("programmes/{programmeId}/reports/{reportId}", async (event) => {
  const outcome = await receiveReportSubmission(productionDeps(), {
    eventId: event.id,
    eventTime: new Date(event.time),
    programmeId: event.params.programmeId,
    reportId: event.params.reportId,
    before: event.data?.before?.data(),
    after: event.data?.after?.data(),
  });
  if (outcome !== "ignored") logger.info("onReportWritten", { eventId: event.id, outcome });
});
