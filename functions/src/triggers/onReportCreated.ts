// A unit member created a report draft → record it in the programme's audit log.
// Idempotent: the entry id is derived from the event id, so a redelivered event is a no-op.
import { onDocumentCreated } from "firebase-functions/v2/firestore";
import { logger } from "firebase-functions";
import { appendAuditOnce } from "../store/audit.js";

export const onReportCreated = onDocumentCreated("programmes/{programmeId}/reports/{reportId}", async (event) => {
  const snap = event.data;
  if (!snap) return;
  const data = snap.data();
  const createdBy = typeof data.createdBy === "string" ? data.createdBy : "unknown";
  const written = await appendAuditOnce(event.params.programmeId, `evt-${event.id}`, {
    actor: { type: "user", uid: createdBy },
    action: "report.created",
    subject: snap.ref.path,
    after: { status: data.status ?? null, periodId: data.periodId ?? null, unitId: data.unitId ?? null },
    clause: "GZ-2.1",
  });
  if (!written) logger.info("onReportCreated: event already recorded", { eventId: event.id });
});
