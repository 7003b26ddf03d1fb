// Deadline sweep (daily, Asia/Shanghai), chronograph style: records carry `nextDeadlineOn`, the
// sweep takes the due ones, acts, and moves or clears the date.
//   - periods: report deadline approaching → an in-app reminder to every unit that has not
//     submitted (GZ-3.4.1, DG-9.1), one notification per unit and reminder day (fixed ids);
//   - criticisms: rectification deadline passed without an accepted response → overdue through
//     the criticism machine, and staff are told they must extend or start a clear-out (GZ-4.3b);
//   - advance-notice filings flagged late → checked against GZ-4.8's 10 working days and
//     proposed as a criticism candidate where the pack has that ground.
// A date the holiday calendar cannot judge (beyond its covered years) is not guessed: the item
// is skipped and the refusal is recorded in Chinese in the job run and the audit log.
import { onSchedule } from "firebase-functions/v2/scheduler";
import { logger } from "firebase-functions";
import { criticismMachine } from "../domain/criticism.machine.js";
import { shanghaiDate, type IsoDate } from "../domain/dates.js";
import { DomainError } from "../domain/errors.js";
import { advanceNoticeGrounds } from "../domain/grounds.js";
import { dueReportReminder, reportReminderText } from "../domain/reportSchedule.js";
import type { JobRun, Period } from "../domain/schemas/index.js";
import { db } from "../store/admin.js";
import { appendAudit, appendAuditOnce, systemActor } from "../store/audit.js";
import { proposeCandidates } from "../store/candidates.js";
import { collections, ids } from "../store/collections.js";
import { unitsPage } from "../store/pages.js";
import { loadProgrammeContext, type ProgrammeContext } from "../store/programmeContext.js";
import { dayStart } from "./periodClose.js";

export interface SweepOptions {
  asOf: IsoDate;
  now?: Date;
  programmeIds?: string[];
  batchSize?: number;
}

export interface SweepResult {
  programmeId: string;
  asOf: IsoDate;
  reminders: number;
  overdue: number;
  proposed: number;
  errors: JobRun["errors"];
  alreadyRun: boolean;
}

const ACTOR = systemActor("deadlineSweep");

export async function sweepDeadlines(opts: SweepOptions): Promise<SweepResult[]> {
  const now = opts.now ?? dayStart(opts.asOf);
  const programmeIds = opts.programmeIds ?? (await collections.programmes().get()).docs.map((d) => d.id);
  const out: SweepResult[] = [];
  for (const programmeId of programmeIds) out.push(await sweepProgramme(await loadProgrammeContext(programmeId), opts.asOf, now, opts.batchSize ?? 100));
  return out;
}

async function sweepProgramme(ctx: ProgrammeContext, asOf: IsoDate, now: Date, batchSize: number): Promise<SweepResult> {
  const { programmeId } = ctx;
  const runRef = collections.jobRuns(programmeId).doc(`deadlineSweep_${asOf}`);
  const done = (await runRef.get()).data();
  // Run twice for the same day: the first run's record stands and nothing more happens.
  if (done?.state === "done") return { programmeId, asOf, reminders: 0, overdue: 0, proposed: 0, errors: done.errors, alreadyRun: true };

  const result: SweepResult = { programmeId, asOf, reminders: 0, overdue: 0, proposed: 0, errors: [], alreadyRun: false };
  const refused = async (item: string, err: unknown) => {
    if (!(err instanceof DomainError)) throw err;
    result.errors.push({ item, message: err.message });
    await appendAuditOnce(programmeId, `sweep-${asOf}-refused-${item.replace(/[^\w.-]/g, "_")}`, { at: now, actor: ACTOR, action: "job.itemRefused", entity: item, note: `期限检查未执行：${err.message}` });
  };

  let batches = 0;
  const periods = (await collections.periods(programmeId).where("nextDeadlineOn", "<=", asOf).get()).docs.map((d) => d.data());
  for (const period of periods.filter((p) => p.state === "open")) {
    try {
      const r = await remindPeriod(ctx, period, asOf, now, batchSize);
      result.reminders += r.sent;
      batches += r.batches;
    } catch (err) {
      await refused(collections.periods(programmeId).doc(period.id).path, err);
    }
  }

  const dueProceedings = (await collections.proceedings(programmeId).where("nextDeadlineOn", "<", asOf).get()).docs;
  for (const doc of dueProceedings.filter((d) => d.data().kind === "criticism")) {
    try {
      if (await markOverdue(ctx, doc.id, asOf, now)) result.overdue++;
    } catch (err) {
      await refused(doc.ref.path, err);
    }
  }

  const dueFilings = (await collections.advanceNotices(programmeId).where("nextDeadlineOn", "<=", asOf).get()).docs;
  for (const doc of dueFilings) {
    try {
      result.proposed += await checkFiling(ctx, doc.id, asOf, now);
    } catch (err) {
      await refused(doc.ref.path, err);
    }
  }

  await runRef.set({ job: "deadlineSweep", asOf, state: "done", batches, processed: result.reminders + result.overdue, proposed: result.proposed, errors: result.errors, updatedAt: now });
  return result;
}

/** Reminders for one period, a batch of units per transaction; notification ids make it idempotent. */
async function remindPeriod(ctx: ProgrammeContext, period: Period, asOf: IsoDate, now: Date, batchSize: number) {
  const { programmeId } = ctx;
  const due = dueReportReminder(period.reportDeadline, asOf, ctx.calendar);
  let sent = 0;
  let batches = 0;
  if (due.remindOn) {
    const text = reportReminderText(period.id, period.reportDeadline, due.workingDaysLeft);
    let cursor: string | undefined;
    for (;;) {
      const page = await db.runTransaction(async (tx) => {
        const units = await tx.get(unitsPage(programmeId, cursor, batchSize));
        const active = units.docs.filter((u) => ["listed", "criticised", "rectifying"].includes(u.data().status));
        if (active.length === 0) return { size: units.size, last: units.docs[units.docs.length - 1]?.id, sent: 0 };
        const reports = await tx.getAll(...active.map((u) => collections.reports(programmeId).doc(ids.report(u.id, period.id))));
        const notes = active.map((u) => collections.notifications(programmeId).doc(`remind_${period.id}_${u.id}_${due.remindOn}`));
        const existing = await tx.getAll(...notes);
        let n = 0;
        active.forEach((u, i) => {
          const state = reports[i]!.data()?.state;
          if (state === "submitted" || state === "accepted" || existing[i]!.exists) return;
          tx.create(notes[i]!, { toUnitId: u.id, kind: "reportReminder", title: text.title, body: text.body, link: `/portal/reports/${period.id}`, createdAt: now });
          n++;
        });
        return { size: units.size, last: units.docs[units.docs.length - 1]?.id, sent: n };
      });
      batches++;
      sent += page.sent;
      if (page.size < batchSize || !page.last) break;
      cursor = page.last;
    }
  }
  await db.runTransaction(async (tx) => {
    const ref = collections.periods(programmeId).doc(period.id);
    const current = (await tx.get(ref)).data();
    if (!current || current.nextDeadlineOn !== period.nextDeadlineOn) return;
    tx.set(ref, { ...current, nextDeadlineOn: due.next });
    if (due.remindOn) {
      appendAudit(tx, programmeId, `remind-${period.id}-${due.remindOn}`, { at: now, actor: ACTOR, action: "report.remindersSent", entity: ref.path, after: { remindOn: due.remindOn, sent, next: due.next ?? null }, clause: ctx.pack.clauses.report });
    }
  });
  return { sent, batches };
}

/** GZ-4.3b: rectification deadline passed without an accepted response. */
async function markOverdue(ctx: ProgrammeContext, proceedingId: string, asOf: IsoDate, now: Date): Promise<boolean> {
  const { programmeId, pack } = ctx;
  return db.runTransaction(async (tx) => {
    const ref = collections.proceedings(programmeId).doc(proceedingId);
    const p = (await tx.get(ref)).data();
    if (!p || p.kind !== "criticism" || !p.nextDeadlineOn || p.nextDeadlineOn >= asOf) return false;
    if (p.state !== "issued") {
      // Responded, accepted, escalated …: nothing is due any more.
      tx.set(ref, { ...p, nextDeadlineOn: undefined });
      return false;
    }
    const deadline = p.rectificationDeadline ?? p.nextDeadlineOn;
    const step = criticismMachine.transition(p.state, { type: "markOverdue" }, { today: asOf, pack, programmeEndsOn: ctx.programme.endsOn, ground: p.ground, calendar: ctx.calendar, deadline });
    if (!step.ok) return false;
    tx.set(ref, { ...p, state: step.next, nextDeadlineOn: undefined });
    tx.set(collections.notifications(programmeId).doc(`overdue_${proceedingId}_${deadline}`), {
      toStaff: true,
      kind: "rectificationOverdue",
      title: `整改逾期：牵引单位 ${p.unitId}`,
      body: `通报批评（${p.ground}）的整改期限 ${deadline} 已过，未有通过的整改报告。请决定继续整改（延长期限）或启动清退程序（${step.clause}）。`,
      link: `/admin/proceedings/${proceedingId}`,
      createdAt: now,
    });
    appendAudit(tx, programmeId, `overdue-${proceedingId}-${deadline}`, { at: now, actor: ACTOR, action: "criticism.overdue", entity: ref.path, before: { state: p.state }, after: { state: step.next, deadline }, clause: step.clause });
    return true;
  });
}

/** GZ-4.8: a filing flagged late becomes a criticism candidate where the pack has that ground. */
async function checkFiling(ctx: ProgrammeContext, filingId: string, asOf: IsoDate, now: Date): Promise<number> {
  const { programmeId, pack, calendar } = ctx;
  return db.runTransaction(async (tx) => {
    const ref = collections.advanceNotices(programmeId).doc(filingId);
    const f = (await tx.get(ref)).data();
    if (!f || !f.nextDeadlineOn || f.nextDeadlineOn > asOf) return 0;
    const subject = f.subject === "partner" && f.partnerId ? (await tx.get(collections.partners(programmeId).doc(f.partnerId))).data() : (await tx.get(collections.units(programmeId).doc(f.unitId))).data();
    const subjectName = subject?.name ?? f.unitId;
    const candidates = advanceNoticeGrounds([{ unitId: f.unitId, subjectName, procedureOn: f.plannedOn, filedOn: f.filedOn }], asOf, pack, calendar);
    const proposed = await proposeCandidates(tx, programmeId, candidates.map((candidate) => ({ candidate, unitId: f.unitId, scope: `advance-${filingId}` })), now, ACTOR);
    tx.set(ref, { ...f, nextDeadlineOn: undefined });
    appendAudit(tx, programmeId, `advance-check-${filingId}`, {
      at: now,
      actor: ACTOR,
      action: "advanceNotice.checked",
      entity: ref.path,
      after: { late: f.late, latestOnTimeFilingDate: f.latestOnTimeFilingDate, proposed },
      clause: pack.clauses.advanceNotice ?? undefined,
    });
    return proposed.length;
  });
}

export const deadlineSweep = onSchedule({ schedule: "every day 07:00", timeZone: "Asia/Shanghai" }, async (event) => {
  const asOf = shanghaiDate(new Date(event.scheduleTime));
  const results = await sweepDeadlines({ asOf, now: new Date() });
  logger.info("deadlineSweep", { asOf, results });
});
