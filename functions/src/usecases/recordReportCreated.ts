// A unit member created a report draft → record it in the programme's audit log (GZ-2.1).
// Idempotent: the entry id is derived from the event id, so a redelivered event is a no-op.
// Issue 16.2: a report created for a period that does not exist, is not open, or does not fit the
// programme's cadence (admin-written or legacy: the rules refuse such a write from a client) is
// refused with the reason. A draft keeps it in `lastRefusal`, its unit is notified, and a
// `report.refused` entry is written, in the same transaction; a report created already submitted
// is refused by receiveReportSubmission (onReportWritten fires for it too), so here the creation
// entry only notes why. Issue 16.1: a document it cannot read (the programme, the period, the
// report) is recorded for staff (jobProblems); the creation is still recorded.
import type { Transaction } from "firebase-admin/firestore";
import { Refused, type Refusal } from "../domain/errors.js";
import { isPeriodId } from "../domain/periods.js";
import { reportPeriodRefusal } from "../domain/reportChecks.js";
import type { Report } from "../domain/schemas/index.js";
import { appendAudit, auditRef, isAlreadyExists, systemActor } from "../store/audit.js";
import { collections } from "../store/collections.js";
import { prepareProblems, ProblemLog, unreadable } from "../store/jobProblems.js";
import { loadProgrammeContext, type ProgrammeContext } from "../store/programmeContext.js";
import { periodWord } from "../domain/words.js";
import type { Deps } from "./deps.js";

/** The parts of a document-created event this use case needs (so tests can replay one). */
export interface ReportCreation {
  eventId: string;
  eventTime: Date;
  programmeId: string;
  path: string;
  data: Record<string, unknown>;
}

const JOB = "onReportCreated";

/** Returns false when the event was already recorded (a redelivery). */
export async function recordReportCreated(deps: Deps, c: ReportCreation): Promise<boolean> {
  try {
    return await deps.db.runTransaction(async (tx) => {
      if ((await tx.get(auditRef(c.programmeId, `evt-${c.eventId}`))).exists) return false;
      const log = new ProblemLog(); // per attempt
      const facts = await readFacts(tx, deps, c, log);
      const writeProblems = await prepareProblems(tx, { programmeId: c.programmeId, job: JOB, now: c.eventTime, actor: systemActor(JOB) }, log.notes);

      // Writes only from here on.
      writeProblems();
      // Rules make `updatedBy` the writer's own uid.
      const uid = typeof c.data.updatedBy === "string" && c.data.updatedBy ? c.data.updatedBy : "unknown";
      appendAudit(tx, c.programmeId, `evt-${c.eventId}`, {
        at: c.eventTime,
        actor: { uid, role: "unitMember" },
        action: "report.created",
        entity: c.path,
        after: { state: c.data.state ?? null, periodId: c.data.periodId ?? null, unitId: c.data.unitId ?? null },
        ...(facts.ctx ? { clause: facts.ctx.pack.clauses.workGroup } : {}),
        ...(facts.refusal ? { note: `该报告所属期次不可报送：${facts.refusal.message}` } : {}),
      });
      if (facts.refusal && facts.ctx && facts.report && c.data.state === "draft") markRefusedDraft(tx, c, facts.ctx, facts.report, facts.refusal);
      return true;
    });
  } catch (err) {
    // Two deliveries at once: the other one created the entry first.
    if (isAlreadyExists(err)) return false;
    throw err;
  }
}

/** The programme, the report as stored now, and why its period cannot take a report (if it cannot). */
async function readFacts(tx: Transaction, deps: Deps, c: ReportCreation, log: ProblemLog): Promise<{ ctx?: ProgrammeContext; report?: Report; refusal?: Refusal }> {
  let ctx: ProgrammeContext;
  try {
    ctx = await loadProgrammeContext(c.programmeId, tx, deps.calendar);
  } catch (err) {
    // No programme, or one that cannot be read: the creation is still recorded.
    if (log.note(err) || err instanceof Refused) return {};
    throw err;
  }
  const periodId = typeof c.data.periodId === "string" ? c.data.periodId : String(c.data.periodId);
  const period = isPeriodId(periodId) ? log.read(await tx.get(collections.periods(c.programmeId).doc(periodId))) : undefined;
  // A period that cannot be read is recorded, not judged.
  const refusal = period === unreadable ? undefined : reportPeriodRefusal(periodId, period, ctx.pack);
  // The report is read only when a draft is to be marked: the usual creation does not contend with
  // the submission trigger, which writes the report.
  if (!refusal || c.data.state !== "draft") return { ctx, refusal };
  const report = log.read(await tx.get(collections.reports(c.programmeId).doc(c.path.split("/").pop()!)));
  return { ctx, report: report === unreadable ? undefined : report, refusal };
}

/** A draft for a period that cannot take a report: the reason stays on it and its unit is told, once. */
function markRefusedDraft(tx: Transaction, c: ReportCreation, ctx: ProgrammeContext, report: Report, refusal: Refusal) {
  if (report.state !== "draft" || report.lastRefusal === refusal.message) return;
  const ref = collections.reports(c.programmeId).doc(c.path.split("/").pop()!);
  tx.set(ref, { ...report, lastRefusal: refusal.message });
  tx.set(collections.notifications(c.programmeId).doc(`report-refused-${c.eventId}`), { toUnitId: report.unitId, kind: "reportRefused", title: `${periodWord(report.periodId)}报告不能报送`, body: refusal.message, link: `/portal/reports/${report.periodId}`, createdAt: c.eventTime });
  appendAudit(tx, c.programmeId, `evt-${c.eventId}-refused`, {
    at: c.eventTime,
    actor: systemActor(JOB),
    action: "report.refused",
    entity: ref.path,
    before: { state: "draft" },
    after: { state: "draft", code: refusal.code },
    clause: ctx.pack.clauses.report,
    note: refusal.message,
  });
}
