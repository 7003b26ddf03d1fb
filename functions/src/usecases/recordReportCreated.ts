// A unit member created a report draft → record it in the programme's audit log (GZ-2.1).
// Idempotent: the entry id is derived from the event id, so a redelivered event is a no-op.
import { appendAuditOnce } from "../store/audit.js";
import type { Deps } from "./deps.js";
import { loadProgrammeContext } from "../store/programmeContext.js";

/** The parts of a document-created event this use case needs (so tests can replay one). */
export interface ReportCreation {
  eventId: string;
  eventTime: Date;
  programmeId: string;
  path: string;
  data: Record<string, unknown>;
}

/** Returns false when the event was already recorded (a redelivery). */
export async function recordReportCreated(deps: Deps, { eventId, eventTime, programmeId, path, data }: ReportCreation): Promise<boolean> {
  // Rules make `updatedBy` the writer's own uid.
  const uid = typeof data.updatedBy === "string" && data.updatedBy ? data.updatedBy : "unknown";
  const { pack } = await loadProgrammeContext(programmeId, undefined, deps.calendar);
  return appendAuditOnce(programmeId, `evt-${eventId}`, {
    at: eventTime,
    actor: { uid, role: "unitMember" },
    action: "report.created",
    entity: path,
    after: { state: data.state ?? null, periodId: data.periodId ?? null, unitId: data.unitId ?? null },
    clause: pack.clauses.workGroup,
  });
}
