// Deadline sweep, chronograph style: records carry `nextDeadlineOn`, the sweep takes the due
// ones, acts, and moves or clears the date.
//   - periods: report deadline approaching → an in-app reminder to every unit taking part that has
//     not submitted (GZ-3.4.1, DG-9.1), one notification per unit and reminder day (fixed ids);
//   - criticisms: rectification deadline passed without an accepted response → overdue through
//     the criticism machine, and staff are told they must extend or start a clear-out (GZ-4.3b);
//   - advance-notice filings flagged late → checked against GZ-4.8's 10 working days and
//     proposed as a criticism candidate where the pack has that ground.
// A date the holiday calendar cannot judge (beyond its covered years) is not guessed: the item
// is skipped and the refusal is recorded in Chinese in the job run and the audit log.
import { criticismMachine } from "../domain/criticism.machine.js";
import type { IsoDate } from "../domain/dates.js";
import { DomainError } from "../domain/errors.js";
import { advanceNoticeGrounds } from "../domain/grounds.js";
import { takesPartIn } from "../domain/participation.js";
import { awaitsSubmission } from "../domain/report.machine.js";
import { type DueReminder, dueReportReminder, reportReminderText } from "../domain/reportSchedule.js";
import type { JobRun, Period } from "../domain/schemas/index.js";
import { appendAudit, appendAuditOnce, systemActor } from "../store/audit.js";
import { proposeCandidates } from "../store/candidates.js";
import { collections, ids } from "../store/collections.js";
import { unitsPage } from "../store/pages.js";
import { loadProgrammeContext, type ProgrammeContext } from "../store/programmeContext.js";
import { dayStart } from "./closeDuePeriods.js";
import type { Deps } from "./deps.js";
import { dateWord, groundWord } from "../domain/words.js";

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

type Sweep = { deps: Deps; ctx: ProgrammeContext; asOf: IsoDate; now: Date; batchSize: number };

export async function sweepDeadlines(deps: Deps, opts: SweepOptions): Promise<SweepResult[]> {
  const now = opts.now ?? dayStart(opts.asOf);
  const programmeIds = opts.programmeIds ?? (await collections.programmes().get()).docs.map((d) => d.id);
  const out: SweepResult[] = [];
  for (const programmeId of programmeIds) {
    const ctx = await loadProgrammeContext(programmeId, undefined, deps.calendar);
    out.push(await sweepProgramme({ deps, ctx, asOf: opts.asOf, now, batchSize: opts.batchSize ?? 100 }));
  }
  return out;
}

async function sweepProgramme(s: Sweep): Promise<SweepResult> {
  const { programmeId } = s.ctx;
  const { asOf, now } = s;
  const runRef = collections.jobRuns(programmeId).doc(`deadlineSweep_${asOf}`);
  const done = (await runRef.get()).data();
  // Run twice for the same day: the first run's record stands and nothing more happens.
  if (done?.state === "done") return { programmeId, asOf, reminders: 0, overdue: 0, proposed: 0, errors: done.errors, alreadyRun: true };

  const result: SweepResult = { programmeId, asOf, reminders: 0, overdue: 0, proposed: 0, errors: [], alreadyRun: false };
  /** Runs one item; a date the calendar cannot judge is recorded and the sweep goes on. */
  const attempt = async (item: string, work: () => Promise<void>) => {
    try {
      await work();
    } catch (err) {
      if (!(err instanceof DomainError)) throw err;
      result.errors.push({ item, message: err.message });
      await appendAuditOnce(programmeId, `sweep-${asOf}-refused-${item.replace(/[^\w.-]/g, "_")}`, { at: now, actor: ACTOR, action: "job.itemRefused", entity: item, note: `期限检查未执行：${err.message}` });
    }
  };

  let batches = 0;
  const periods = (await collections.periods(programmeId).where("nextDeadlineOn", "<=", asOf).get()).docs.map((d) => d.data());
  for (const period of periods.filter((p) => p.state === "open")) {
    await attempt(collections.periods(programmeId).doc(period.id).path, async () => {
      const r = await remindPeriod(s, period);
      result.reminders += r.sent;
      batches += r.batches;
    });
  }
  const dueProceedings = (await collections.proceedings(programmeId).where("nextDeadlineOn", "<", asOf).get()).docs;
  for (const doc of dueProceedings.filter((d) => d.data().kind === "criticism")) {
    await attempt(doc.ref.path, async () => {
      if (await markOverdue(s, doc.id)) result.overdue++;
    });
  }
  const dueFilings = (await collections.advanceNotices(programmeId).where("nextDeadlineOn", "<=", asOf).get()).docs;
  for (const doc of dueFilings) {
    await attempt(doc.ref.path, async () => {
      result.proposed += await checkFiling(s, doc.id);
    });
  }

  await runRef.set({ job: "deadlineSweep", asOf, state: "done", batches, processed: result.reminders + result.overdue, proposed: result.proposed, errors: result.errors, updatedAt: now });
  return result;
}

/** Reminders for one period, a batch of units per transaction, then the period's next reminder day. */
async function remindPeriod(s: Sweep, period: Period) {
  const { programmeId } = s.ctx;
  const due = dueReportReminder(period.reportDeadline, s.asOf, s.ctx.calendar);
  let sent = 0;
  let batches = 0;
  if (due.remindOn) {
    let cursor: string | undefined;
    for (;;) {
      const page = await remindBatch(s, period, due, cursor);
      batches++;
      sent += page.sent;
      if (page.size < s.batchSize || !page.last) break;
      cursor = page.last;
    }
  }
  await s.deps.db.runTransaction(async (tx) => {
    const ref = collections.periods(programmeId).doc(period.id);
    const current = (await tx.get(ref)).data();
    if (!current || current.nextDeadlineOn !== period.nextDeadlineOn) return;
    tx.set(ref, { ...current, nextDeadlineOn: due.next });
    if (due.remindOn) {
      appendAudit(tx, programmeId, `remind-${period.id}-${due.remindOn}`, { at: s.now, actor: ACTOR, action: "report.remindersSent", entity: ref.path, after: { remindOn: due.remindOn, sent, next: due.next ?? null }, clause: s.ctx.pack.clauses.report });
    }
  });
  return { sent, batches };
}

/** One page of units: a reminder to each unit taking part that still owes its report; ids make it idempotent. */
async function remindBatch(s: Sweep, period: Period, due: DueReminder, cursor: string | undefined) {
  const { programmeId } = s.ctx;
  const text = reportReminderText(period.id, period.reportDeadline, due.workingDaysLeft);
  return s.deps.db.runTransaction(async (tx) => {
    const units = await tx.get(unitsPage(programmeId, cursor, s.batchSize));
    const last = units.docs[units.docs.length - 1]?.id;
    const taking = units.docs.filter((u) => takesPartIn(u.data(), period.id));
    if (taking.length === 0) return { size: units.size, last, sent: 0 };
    const reports = await tx.getAll(...taking.map((u) => collections.reports(programmeId).doc(ids.report(u.id, period.id))));
    const notes = taking.map((u) => collections.notifications(programmeId).doc(`remind_${period.id}_${u.id}_${due.remindOn}`));
    const existing = await tx.getAll(...notes);
    let sent = 0;
    taking.forEach((u, i) => {
      if (!awaitsSubmission(reports[i]!.data()?.state) || existing[i]!.exists) return;
      tx.create(notes[i]!, { toUnitId: u.id, kind: "reportReminder", title: text.title, body: text.body, link: `/portal/reports/${period.id}`, createdAt: s.now });
      sent++;
    });
    return { size: units.size, last, sent };
  });
}

/** GZ-4.3b: rectification deadline passed without an accepted response. */
async function markOverdue(s: Sweep, proceedingId: string): Promise<boolean> {
  const { programmeId, pack } = s.ctx;
  return s.deps.db.runTransaction(async (tx) => {
    const ref = collections.proceedings(programmeId).doc(proceedingId);
    const p = (await tx.get(ref)).data();
    if (!p || p.kind !== "criticism" || !p.nextDeadlineOn || p.nextDeadlineOn >= s.asOf) return false;
    if (p.state !== "issued") {
      // Responded, accepted, escalated …: nothing is due any more.
      tx.set(ref, { ...p, nextDeadlineOn: undefined });
      return false;
    }
    const deadline = p.rectificationDeadline ?? p.nextDeadlineOn;
    const step = criticismMachine.transition(p.state, { type: "markOverdue" }, { today: s.asOf, pack, programmeEndsOn: s.ctx.programme.endsOn, ground: p.ground, calendar: s.ctx.calendar, deadline });
    if (!step.ok) return false;
    const unitName = (await tx.get(collections.units(programmeId).doc(p.unitId))).data()?.name ?? p.unitId;
    tx.set(ref, { ...p, state: step.next, nextDeadlineOn: undefined });
    tx.set(collections.notifications(programmeId).doc(`overdue_${proceedingId}_${deadline}`), {
      toStaff: true,
      kind: "rectificationOverdue",
      title: `整改逾期：${unitName}`,
      body: `通报批评（${groundWord(p.ground)}）的整改期限 ${dateWord(deadline)} 已过，未有通过的整改报告。请决定继续整改（延长期限）或启动清退程序（${step.clause}）。`,
      link: `/admin/proceedings/${proceedingId}`,
      createdAt: s.now,
    });
    appendAudit(tx, programmeId, `overdue-${proceedingId}-${deadline}`, { at: s.now, actor: ACTOR, action: "criticism.overdue", entity: ref.path, before: { state: p.state }, after: { state: step.next, deadline }, clause: step.clause });
    return true;
  });
}

/** GZ-4.8: a filing flagged late becomes a criticism candidate where the pack has that ground. */
async function checkFiling(s: Sweep, filingId: string): Promise<number> {
  const { programmeId, pack, calendar } = s.ctx;
  return s.deps.db.runTransaction(async (tx) => {
    const ref = collections.advanceNotices(programmeId).doc(filingId);
    const f = (await tx.get(ref)).data();
    if (!f || !f.nextDeadlineOn || f.nextDeadlineOn > s.asOf) return 0;
    const subject = f.subject === "partner" && f.partnerId ? (await tx.get(collections.partners(programmeId).doc(f.partnerId))).data() : (await tx.get(collections.units(programmeId).doc(f.unitId))).data();
    const subjectName = subject?.name ?? f.unitId;
    const candidates = advanceNoticeGrounds([{ unitId: f.unitId, subjectName, procedureOn: f.plannedOn, filedOn: f.filedOn }], s.asOf, pack, calendar);
    const proposed = await proposeCandidates(tx, programmeId, candidates.map((candidate) => ({ candidate, unitId: f.unitId, scope: `advance-${filingId}` })), s.now, ACTOR);
    tx.set(ref, { ...f, nextDeadlineOn: undefined });
    appendAudit(tx, programmeId, `advance-check-${filingId}`, {
      at: s.now,
      actor: ACTOR,
      action: "advanceNotice.checked",
      entity: ref.path,
      after: { late: f.late, latestOnTimeFilingDate: f.latestOnTimeFilingDate, proposed },
      clause: pack.clauses.advanceNotice ?? undefined,
    });
    return proposed.length;
  });
}
