// Trigger adapter: a report draft was created → audited by usecases/recordReportCreated.
import { onDocumentCreated } from "firebase-functions/v2/firestore";
import { logger } from "firebase-functions";
import { productionDeps } from "../usecases/deps.js";
import { recordReportCreated } from "../usecases/recordReportCreated.js";

export const onReportCreated = onDocumentCreated("programmes/{programmeId}/reports/{reportId}", async (event) => {
  const snap = event.data;
  const data = snap?.data();
  if (!snap || !data) return;
  const written = await recordReportCreated(productionDeps(), { eventId: event.id, eventTime: new Date(event.time), programmeId: event.params.programmeId, path: snap.ref.path, data });
  if (!written) logger.info("onReportCreated: event already recorded", { eventId: event.id });
});
