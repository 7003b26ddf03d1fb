// Deadline sweep, chronograph style: records carry `nextDeadlineOn`, the sweep takes the due
// ones, acts, and moves or clears the date. First it opens the period that began today and
// counts deadlines that waited for a year's holiday arrangement (periodDeadlines.ts).
//   - periods: report deadline approaching → an in-app reminder to every unit taking part that has
//     not submitted (GZ-3.4.1, DG-9.1), one notification per unit and reminder day (fixed ids);
//   - criticisms: rectification deadline approaching → a reminder to the unit 5 and 1 working days
//     before (one notification per proceeding, deadline and reminder day: fixed ids); passed
//     without an accepted response → overdue through the criticism machine, the unit is told, and
//     staff are told they must extend or start a clear-out (GZ-4.3b);
//   - advance-notice filings flagged late → checked against GZ-4.8's 10 working days and
//     proposed as a criticism candidate where the pack has that ground.
// A date the holiday calendar cannot judge (beyond its covered years) is not guessed: the item
// is skipped and the refusal is recorded in Chinese in the job run and the audit log. A document
// the sweep cannot read is skipped the same way — a unit whose record or report does
// not parse gets no reminder — and recorded for staff (jobProblems) before the run is marked done.
// `planDeadlineSweep` is the dry run: the same reads and decisions, in read-only transactions.
import { criticismMachine } from "../domain/criticism.machine.js";
import type { IsoDate } from "../domain/dates.js";
import { DomainError } from "../domain/errors.js";
import { takesPartIn } from "../domain/participation.js";
import { awaitsSubmission } from "../domain/report.machine.js";
import { type DueReminder, dueReportReminder, reportReminderText } from "../domain/reportSchedule.js";
import type { SweepPlan, SweepResult } from "../domain/jobs.js";
import { type DatedPeriod, hasDeadline, type Period } from "../domain/schemas/index.js";
import { appendAudit, appendAuditOnce, systemActor } from "../store/audit.js";
import { proposeCandidates, unproposed } from "../store/candidates.js";
import { collections, ids } from "../store/collections.js";
import { ProblemLog, unreadable } from "../store/jobProblems.js";
import { unitsPage } from "../store/pages.js";
import { loadProgrammeContext, type ProgrammeContext } from "../store/programmeContext.js";
import { dayStart } from "./closeDuePeriods.js";
import type { Deps } from "./deps.js";
import { dateWord, groundWord } from "../domain/words.js";
import { dueRectificationReminder, rectificationOverdueNotice, rectificationReminder } from "../domain/proceedingNotices.js";
import { auditWaitingDeadline, openCurrentPeriod, settlePendingDeadlines } from "./periodDeadlines.js";
import { filingCandidates } from "./advanceNoticeCandidates.js";
import { recordProblems } from "./recordProblems.js";

export interface SweepOptions {
  asOf: IsoDate;
  now?: Date;
  programmeIds?: string[];
  batchSize?: number;
}

export type { SweepPlan, SweepResult };

const JOB = "deadlineSweep";
const ACTOR = systemActor(JOB);

/** One programme's sweep; `plan` is present in a dry run, which fills it instead of writing. */
type Sweep = { deps: Deps; ctx: ProgrammeContext; asOf: IsoDate; now: Date; batchSize: number; log: ProblemLog; plan?: SweepPlan };

const readOnly = (s: Sweep) => (s.plan ? { readOnly: true as const } : undefined);

export async function sweepDeadlines(deps: Deps, opts: SweepOptions): Promise<SweepResult[]> {
  return (await sweepAll(deps, opts, false)).map((x) => x.result);
}

/** The dry run: what `sweepDeadlines` would do with the same options; writes nothing. */
export async function planDeadlineSweep(deps: Deps, opts: SweepOptions): Promise<SweepPlan[]> {
  return (await sweepAll(deps, opts, true)).map((x) => x.plan!);
}

async function sweepAll(deps: Deps, opts: SweepOptions, dry: boolean) {
  const now = opts.now ?? dayStart(opts.asOf);
  const programmeIds = opts.programmeIds ?? (await collections.programmes().get()).docs.map((d) => d.id);
  const out: { result: SweepResult; plan?: SweepPlan }[] = [];
  for (const programmeId of programmeIds) {
    const log = new ProblemLog();
    const plan: SweepPlan | undefined = dry ? { programmeId, asOf: opts.asOf, alreadyRun: false, reminders: [], overdue: [], candidates: [], errors: [] } : undefined;
    let ctx: ProgrammeContext;
    try {
      ctx = await loadProgrammeContext(programmeId, undefined, deps.calendar);
    } catch (err) {
      // The programme's own record cannot be read: nothing of it can be judged today.
      if (!log.note(err)) throw err;
      const errors = log.notes.map((n) => ({ item: n.path, message: n.reason }));
      if (plan) plan.errors = errors;
      else await recordProblems(deps, { programmeId, job: JOB, now, actor: ACTOR }, log.notes);
      out.push({ result: { programmeId, asOf: opts.asOf, reminders: 0, overdue: 0, proposed: 0, errors, alreadyRun: false }, plan });
      continue;
    }
    out.push({ result: await sweepProgramme({ deps, ctx, asOf: opts.asOf, now, batchSize: opts.batchSize ?? 100, log, plan }), plan });
  }
  return out;
}

async function sweepProgramme(s: Sweep): Promise<SweepResult> {
  const { programmeId } = s.ctx;
  const { asOf, now, log, plan } = s;
  const runRef = collections.jobRuns(programmeId).doc(`deadlineSweep_${asOf}`);
  const done = log.read(await runRef.get());
  // Run twice for the same day: the first run's record stands and nothing more happens.
  if (done !== unreadable && done?.state === "done") {
    if (plan) plan.alreadyRun = true;
    return { programmeId, asOf, reminders: 0, overdue: 0, proposed: 0, errors: done.errors, alreadyRun: true };
  }

  const result: SweepResult = { programmeId, asOf, reminders: 0, overdue: 0, proposed: 0, errors: [], alreadyRun: false };
  /**
   * Runs one item; a date the calendar cannot judge, or a document that cannot be read, is recorded
   * (citing the clause the item is checked under) and the sweep goes on.
   */
  const attempt = async (item: string, clause: string, work: () => Promise<void>) => {
    try {
      await work();
    } catch (err) {
      if (log.note(err)) return;
      if (!(err instanceof DomainError)) throw err;
      result.errors.push({ item, message: err.message });
      if (!plan) await appendAuditOnce(programmeId, `sweep-${asOf}-refused-${item.replace(/[^\w.-]/g, "_")}`, { at: now, actor: ACTOR, action: "job.itemRefused", entity: item, clause, note: `期限检查未执行：${err.message}` });
    }
  };

  const clauses = s.ctx.pack.clauses;
  if (!plan) await attempt(collections.periods(programmeId).path, clauses.report, () => preparePeriods(s));
  let batches = 0;
  const periods = (await collections.periods(programmeId).where("nextDeadlineOn", "<=", asOf).get()).docs.map((d) => log.read(d)).filter((p): p is Period => p !== unreadable).filter(hasDeadline);
  for (const period of periods.filter((p) => p.state === "open")) {
    await attempt(collections.periods(programmeId).doc(period.id).path, clauses.report, async () => {
      const r = await remindPeriod(s, period);
      result.reminders += r.sent;
      batches += r.batches;
    });
  }
  const dueProceedings = (await collections.proceedings(programmeId).where("nextDeadlineOn", "<", asOf).get()).docs;
  for (const doc of dueProceedings) {
    const p = log.read(doc);
    if (p === unreadable || p.kind !== "criticism") continue;
    await attempt(doc.ref.path, clauses.rectificationOverdue ?? clauses.report, async () => {
      if (await markOverdue(s, doc.id)) result.overdue++;
    });
  }
  // Issued criticisms whose rectification deadline is near (one equality filter: no composite index).
  const issued = (await collections.proceedings(programmeId).where("state", "==", "issued").get()).docs;
  for (const doc of issued) {
    const p = log.read(doc);
    if (p === unreadable || p.kind !== "criticism" || !p.rectificationDeadline) continue;
    // The deadline was set under the criticism's own ground (限期整改).
    await attempt(doc.ref.path, p.ground, async () => {
      if (await remindRectification(s, doc.id)) result.reminders++;
    });
  }
  const dueFilings = (await collections.advanceNotices(programmeId).where("nextDeadlineOn", "<=", asOf).get()).docs;
  for (const doc of dueFilings) {
    await attempt(doc.ref.path, clauses.advanceNotice ?? clauses.unitChange, async () => {
      result.proposed += await checkFiling(s, doc.id);
    });
  }

  result.errors.push(...log.notes.map((n) => ({ item: n.path, message: n.reason })));
  if (plan) {
    plan.errors = result.errors;
    return result;
  }
  // Recorded before the run is marked done: a crash in between leaves the day to be swept again.
  await recordProblems(s.deps, { programmeId, job: JOB, now, actor: ACTOR, clause: s.ctx.pack.clauses.report }, log.notes);
  await runRef.set({ job: "deadlineSweep", asOf, state: "done", batches, processed: result.reminders + result.overdue, proposed: result.proposed, errors: result.errors, updatedAt: now });
  return result;
}

/**
 * Before any reminder: the period that began today is opened, deadlines that waited for a holiday
 * arrangement entered since are counted, and those still waiting are said once in the audit.
 */
async function preparePeriods(s: Sweep) {
  const { programmeId } = s.ctx;
  await openCurrentPeriod(s.deps, programmeId, s.asOf, s.now, ACTOR);
  const { waiting } = await settlePendingDeadlines(s.deps, programmeId, s.now, ACTOR);
  for (const w of waiting) await auditWaitingDeadline(programmeId, s.ctx.pack.clauses.report, w, s.now, ACTOR);
}

/** Reminders for one period, a batch of units per transaction, then the period's next reminder day. */
async function remindPeriod(s: Sweep, period: DatedPeriod) {
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
      s.log.merge(page.notes);
      s.plan?.reminders.push(...page.reminded.map((unitId) => ({ periodId: period.id, unitId })));
      if (page.size < s.batchSize || !page.last) break;
      cursor = page.last;
    }
  }
  if (s.plan) return { sent, batches };
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
async function remindBatch(s: Sweep, period: DatedPeriod, due: DueReminder, cursor: string | undefined) {
  const { programmeId } = s.ctx;
  const text = reportReminderText(period.id, period.reportDeadline, period.evaluationCloseOn, due.workingDaysLeft);
  return s.deps.db.runTransaction(async (tx) => {
    const log = new ProblemLog(); // per attempt
    const units = await tx.get(unitsPage(programmeId, cursor, s.batchSize));
    const last = units.docs[units.docs.length - 1]?.id;
    const taking = units.docs.filter((u) => {
      const unit = log.read(u);
      return unit !== unreadable && takesPartIn(unit, period.id);
    });
    if (taking.length === 0) return { size: units.size, last, sent: 0, reminded: [] as string[], notes: log.notes };
    const reports = await tx.getAll(...taking.map((u) => collections.reports(programmeId).doc(ids.report(u.id, period.id))));
    const notes = taking.map((u) => collections.notifications(programmeId).doc(`remind_${period.id}_${u.id}_${due.remindOn}`));
    const existing = await tx.getAll(...notes);
    const reminded: string[] = [];
    taking.forEach((u, i) => {
      const report = log.read(reports[i]!);
      if (report === unreadable || !awaitsSubmission(report?.state) || existing[i]!.exists) return;
      reminded.push(u.id);
      if (!s.plan) tx.create(notes[i]!, { toUnitId: u.id, kind: "reportReminder", title: text.title, body: text.body, link: `/portal/reports/${period.id}`, createdAt: s.now });
    });
    return { size: units.size, last, sent: reminded.length, reminded, notes: log.notes };
  }, readOnly(s));
}

/** GZ-4.4a: the unit is reminded of its rectification deadline 5 and 1 working days before; the id makes it once. */
async function remindRectification(s: Sweep, proceedingId: string): Promise<boolean> {
  const { programmeId } = s.ctx;
  return s.deps.db.runTransaction(async (tx) => {
    const p = (await tx.get(collections.proceedings(programmeId).doc(proceedingId))).data();
    if (!p || p.kind !== "criticism" || p.state !== "issued" || !p.rectificationDeadline) return false;
    const due = dueRectificationReminder(p.rectificationDeadline, s.asOf, s.ctx.calendar);
    if (!due) return false;
    const n = rectificationReminder(proceedingId, p.ground, p.rectificationDeadline, due);
    const ref = collections.notifications(programmeId).doc(n.id);
    if ((await tx.get(ref)).exists) return false;
    if (!s.plan) tx.create(ref, { toUnitId: p.unitId, kind: "proceeding", title: n.title, body: n.body, link: `/portal/proceedings/${proceedingId}`, createdAt: s.now });
    return true;
  }, readOnly(s));
}

/** GZ-4.3b: rectification deadline passed without an accepted response. */
async function markOverdue(s: Sweep, proceedingId: string): Promise<boolean> {
  const { programmeId, pack } = s.ctx;
  const overdue = await s.deps.db.runTransaction(async (tx) => {
    const ref = collections.proceedings(programmeId).doc(proceedingId);
    const p = (await tx.get(ref)).data();
    if (!p || p.kind !== "criticism" || !p.nextDeadlineOn || p.nextDeadlineOn >= s.asOf) return false;
    if (p.state !== "issued") {
      // Responded, accepted, escalated …: nothing is due any more.
      if (!s.plan) tx.set(ref, { ...p, nextDeadlineOn: undefined });
      return false;
    }
    const deadline = p.rectificationDeadline ?? p.nextDeadlineOn;
    const step = criticismMachine.transition(p.state, { type: "markOverdue" }, { today: s.asOf, pack, programmeEndsOn: s.ctx.programme.endsOn, ground: p.ground, calendar: s.ctx.calendar, deadline });
    if (!step.ok) return false;
    if (s.plan) return true;
    const unitName = (await tx.get(collections.units(programmeId).doc(p.unitId))).data()?.name ?? p.unitId;
    tx.set(ref, { ...p, state: step.next, nextDeadlineOn: undefined });
    tx.set(collections.notifications(programmeId).doc(`overdue_${proceedingId}_${deadline}`), {
      toStaff: true,
      kind: "rectificationOverdue",
      title: `整改逾期：${unitName}`,
      body: `通报批评（${groundWord(p.ground)}）的整改期限 ${dateWord(deadline)} 已过，未有通过的整改报告。请根据实际情况和情节轻重决定继续整改（延长期限）或取消牵引单位资格（${step.clause}）。`,
      link: `/admin/proceedings/${proceedingId}`,
      createdAt: s.now,
    });
    const told = rectificationOverdueNotice(proceedingId, p.ground, deadline, step.clause, pack.workGroupName);
    tx.set(collections.notifications(programmeId).doc(told.id), { toUnitId: p.unitId, kind: "proceeding", title: told.title, body: told.body, link: `/portal/proceedings/${proceedingId}`, createdAt: s.now });
    appendAudit(tx, programmeId, `overdue-${proceedingId}-${deadline}`, { at: s.now, actor: ACTOR, action: "criticism.overdue", entity: ref.path, before: { state: p.state }, after: { state: step.next, deadline }, clause: step.clause });
    return true;
  }, readOnly(s));
  if (overdue) s.plan?.overdue.push(proceedingId);
  return overdue;
}

/** GZ-4.8: a filing flagged late becomes a criticism candidate where the pack has that ground. */
async function checkFiling(s: Sweep, filingId: string): Promise<number> {
  const { programmeId } = s.ctx;
  const none = { proposed: 0, planned: [] as SweepPlan["candidates"] };
  const r = await s.deps.db.runTransaction(async (tx) => {
    const ref = collections.advanceNotices(programmeId).doc(filingId);
    const f = (await tx.get(ref)).data();
    if (!f || !f.nextDeadlineOn || f.nextDeadlineOn > s.asOf) return none;
    const inputs = await filingCandidates(tx, s.ctx, filingId, f, s.asOf);
    if (s.plan) {
      const planned = (await unproposed(tx, programmeId, inputs)).map(({ input, ref: at }) => ({ proceedingId: at.id, unitId: input.unitId, clause: input.candidate.clause }));
      return { proposed: planned.length, planned };
    }
    const proposed = await proposeCandidates(tx, programmeId, inputs, s.now, ACTOR);
    tx.set(ref, { ...f, nextDeadlineOn: undefined });
    appendAudit(tx, programmeId, `advance-check-${filingId}`, {
      at: s.now,
      actor: ACTOR,
      action: "advanceNotice.checked",
      entity: ref.path,
      after: { late: f.late, latestOnTimeFilingDate: f.latestOnTimeFilingDate, proposed },
      clause: s.ctx.pack.clauses.advanceNotice ?? undefined,
    });
    return { proposed: proposed.length, planned: [] };
  }, readOnly(s));
  s.plan?.candidates.push(...r.planned);
  return r.proposed;
}

