// A unit member created a report draft → record it in the programme's audit log (GZ-2.1).
// Idempotent: the entry id is derived from the event id, so a redelivered event is a no-op.
import { onDocumentCreated } from "firebase-functions/v2/firestore";
import { logger } from "firebase-functions";
import { appendAuditOnce } from "../store/audit.js";

export const onReportCreated = onDocumentCreated("programmes/{programmeId}/reports/{reportId}", async (event) => {
  const snap = event.data;
  if (!snap) return;
  const data = snap.data();
  if (!data) return;
  // Rules make `updatedBy` the writer's own uid.
  const uid = typeof data.updatedBy === "string" && data.updatedBy ? data.updatedBy : "unknown";
  const written = await appendAuditOnce(event.params.programmeId, `evt-${event.id}`, {
    at: new Date(event.time),
    actor: { uid, role: "unitMember" },
    action: "report.created",
    entity: snap.ref.path,
    after: { state: data.state ?? null, periodId: data.periodId ?? null, unitId: data.unitId ?? null },
    clause: "GZ-2.1",
  });
  if (!written) logger.info("onReportCreated: event already recorded", { eventId: event.id });
});
