// Period close: for each period whose report deadline has passed and that is not closed yet, every
// unit taking part (participation.ts) is looked at once, in bounded batches, each batch in its own
// transaction that also moves the job's cursor in jobRuns/periodClose_{periodId}. Each batch
// gathers the facts, asks the domain (periodClose.ts: grounds become candidates, the rank is
// frozen from the period's summary on the pack's ranking basis) and writes; then the period is
// marked closed. In that same last transaction the ranking is made final if every evaluation of
// the period is approved, and the lagging units are listed for interview (DG-8 / DG-9.2,
// finalRanking.ts); otherwise it stays provisional until the last approval (approveEvaluation). Stopped midway (maxBatches, a
// crash), the next run resumes at the cursor; a closed period is never picked again, so running
// twice changes nothing more.
// A document the job cannot read never stops it: a unit whose facts include one is
// skipped and listed in the run, the document recorded for staff (jobProblems) in the batch's own
// transaction, and the period still closes. `planPeriodClose` is the dry run: the same reads and
// decisions in read-only transactions, answering what a run would do.
import type { QueryDocumentSnapshot, Transaction } from "firebase-admin/firestore";
import type { IsoDate } from "../domain/dates.js";
import { failedEvaluationsOutside } from "../domain/failedEvaluations.js";
import { programmeClosed } from "../domain/machine.js";
import { takesPartIn } from "../domain/participation.js";
import { decideUnitClose, interviewThreshold, type UnitAtClose, type UnitClose } from "../domain/periodClose.js";
import { periodBounds } from "../domain/periods.js";
import { type DatedPeriod, type Evaluation, hasDeadline, type Period, type Unit } from "../domain/schemas/index.js";
import type { PeriodClosePlan, PeriodCloseRun, SkippedDocument } from "../domain/jobs.js";
import { appendAudit, systemActor } from "../store/audit.js";
import { auditWaitingDeadline } from "./periodDeadlines.js";
import { evaluationCloseOf } from "../domain/reportSchedule.js";
import { dateWord } from "../domain/words.js";
import { proposeCandidates, unproposed } from "../store/candidates.js";
import { collections, ids } from "../store/collections.js";
import { rankingRef } from "../store/evaluations.js";
import { prepareProblems, ProblemLog, unreadable, type ProblemContext } from "../store/jobProblems.js";
import { chunks, unitsPage } from "../store/pages.js";
import { loadProgrammeContext, type ProgrammeContext } from "../store/programmeContext.js";
import type { Deps } from "./deps.js";
import { recordProblems } from "./recordProblems.js";
import { prepareFinalRanking } from "./finalRanking.js";

export interface PeriodCloseOptions {
  asOf: IsoDate;
  /** The instant recorded on what the job writes; defaults to the start of `asOf` in Shanghai. */
  now?: Date;
  programmeIds?: string[];
  /** Only these periods (a staff run naming one); every due period when absent. */
  periodIds?: readonly string[];
  batchSize?: number;
  /** Stop after this many unit batches (to spread work, or to prove resumption in tests). */
  maxBatches?: number;
}

export type { PeriodClosePlan, PeriodCloseRun, SkippedDocument };

export interface PeriodCloseResult {
  runs: PeriodCloseRun[];
  /** Periods that ended but whose deadline waits for a year's holiday arrangement: not closed, and audited as waiting. */
  waiting: { programmeId: string; periodId: string; year: number }[];
  stoppedEarly: boolean;
  skipped: SkippedDocument[];
}

/** 00:00 of a day in Shanghai: what the jobs record as "now" when run for a past or future day. */
export const dayStart = (asOf: IsoDate) => new Date(`${asOf}T00:00:00+08:00`);
const JOB = "periodClose";
const ACTOR = systemActor(JOB);

type Closing = { deps: Deps; ctx: ProgrammeContext; period: DatedPeriod; now: Date; asOf: IsoDate; batchSize: number; skipped: SkippedDocument[] };

export async function closeDuePeriods(deps: Deps, opts: PeriodCloseOptions): Promise<PeriodCloseResult> {
  const now = opts.now ?? dayStart(opts.asOf);
  const budget = { left: opts.maxBatches ?? Infinity };
  const result: PeriodCloseResult = { runs: [], waiting: [], stoppedEarly: false, skipped: [] };
  for (const programmeId of opts.programmeIds ?? (await allProgrammeIds())) {
    const log = new ProblemLog();
    const found = await duePeriods(deps, programmeId, opts, log);
    for (const period of found?.waiting ?? []) result.waiting.push(await recordWaiting(found!.ctx, period, now));
    for (const period of found?.due ?? []) {
      const c: Closing = { deps, ctx: found!.ctx, period, now, asOf: opts.asOf, batchSize: opts.batchSize ?? 100, skipped: result.skipped };
      try {
        const run = await closePeriod(c, budget);
        result.runs.push(run);
        if (run.state !== "done") result.stoppedEarly = true;
      } catch (err) {
        // The period's own record or its job run cannot be read: noted; the other periods go on.
        if (!log.note(err)) throw err;
      }
      if (result.stoppedEarly) break;
    }
    await recordProblems(deps, { programmeId, job: JOB, now, actor: ACTOR, clause: found?.ctx.pack.clauses.report }, log.notes);
    result.skipped.push(...log.notes.map((n) => ({ programmeId, ...n })));
    if (result.stoppedEarly) break;
  }
  return result;
}

/** The dry run: what `closeDuePeriods` would do with the same options, read in read-only transactions; writes nothing. */
export async function planPeriodClose(deps: Deps, opts: PeriodCloseOptions): Promise<{ periods: PeriodClosePlan[]; skipped: SkippedDocument[] }> {
  const now = opts.now ?? dayStart(opts.asOf);
  const out: { periods: PeriodClosePlan[]; skipped: SkippedDocument[] } = { periods: [], skipped: [] };
  for (const programmeId of opts.programmeIds ?? (await allProgrammeIds())) {
    const log = new ProblemLog();
    const found = await duePeriods(deps, programmeId, opts, log);
    for (const period of found?.due ?? []) {
      try {
        out.periods.push(await planPeriod({ deps, ctx: found!.ctx, period, now, asOf: opts.asOf, batchSize: opts.batchSize ?? 100, skipped: [] }, log));
      } catch (err) {
        if (!log.note(err)) throw err;
      }
    }
    out.skipped.push(...log.notes.map((n) => ({ programmeId, ...n })));
  }
  return out;
}

const allProgrammeIds = async () => (await collections.programmes().get()).docs.map((d) => d.id);

/**
 * The programme (none once it has ended, GZ-5.2 / DG-18: its periods stay as they are), its
 * periods due by `asOf`, oldest first, and the ended ones whose deadline is still unknown.
 */
async function duePeriods(deps: Deps, programmeId: string, opts: PeriodCloseOptions, log: ProblemLog): Promise<{ ctx: ProgrammeContext; due: DatedPeriod[]; waiting: Period[] } | undefined> {
  let ctx: ProgrammeContext;
  try {
    ctx = await loadProgrammeContext(programmeId, undefined, deps.calendar);
  } catch (err) {
    if (log.note(err)) return undefined;
    throw err;
  }
  if (programmeClosed({ today: opts.asOf, pack: ctx.pack, programmeEndsOn: ctx.programme.endsOn })) return undefined;
  const named = (await collections.periods(programmeId).where("state", "in", ["open", "closing"]).get()).docs
    .map((d) => log.read(d))
    .filter((p): p is Period => p !== unreadable)
    .filter((p) => !opts.periodIds || opts.periodIds.includes(p.id))
    .sort((a, b) => (a.id < b.id ? -1 : 1));
  const due = named.filter(hasDeadline).filter((p) => evaluationCloseOf(p) < opts.asOf);
  const waiting = named.filter((p) => !hasDeadline(p) && p.end < opts.asOf);
  return { ctx, due, waiting };
}

/** A period that ended but cannot close: its deadline waits for a holiday arrangement. Said once in the audit. */
async function recordWaiting(ctx: ProgrammeContext, period: Period, now: Date) {
  const waiting = { periodId: period.id, year: period.deadlinePendingYear ?? 0 };
  await auditWaitingDeadline(ctx.programmeId, ctx.pack.clauses.report, waiting, now, ACTOR);
  return { programmeId: ctx.programmeId, ...waiting };
}

const runRefOf = (c: Closing) => collections.jobRuns(c.ctx.programmeId).doc(`periodClose_${c.period.id}`);
const periodRefOf = (c: Closing) => collections.periods(c.ctx.programmeId).doc(c.period.id);

async function closePeriod(c: Closing, budget: { left: number }): Promise<PeriodCloseRun> {
  await startClosing(c);
  for (;;) {
    const state = (await runRefOf(c).get()).data()!;
    if (state.state === "done" || budget.left <= 0) return summary(c, state);
    budget.left--;
    if (!(await closeUnitBatch(c))) break;
  }
  await finishClosing(c);
  return summary(c, (await runRefOf(c).get()).data()!);
}

/** The first run for a period creates its cursor and moves the period to `closing`. */
async function startClosing(c: Closing) {
  const { programmeId, pack } = c.ctx;
  const [runRef, periodRef] = [runRefOf(c), periodRefOf(c)];
  await c.deps.db.runTransaction(async (tx) => {
    const runSnap = await tx.get(runRef);
    const periodSnap = await tx.get(periodRef);
    if (runSnap.exists) return;
    tx.set(runRef, { job: "periodClose", asOf: c.asOf, periodId: c.period.id, state: "running", batches: 0, processed: 0, proposed: 0, errors: [], updatedAt: c.now });
    tx.set(periodRef, { ...periodSnap.data()!, state: "closing" });
    appendAudit(tx, programmeId, `periodClose-${c.period.id}-start`, { at: c.now, actor: ACTOR, action: "period.closing", entity: periodRef.path, before: { state: c.period.state }, after: { state: "closing" }, clause: pack.clauses.report, note: `评价截止日 ${dateWord(evaluationCloseOf(c.period))} 已过，开始关账` });
  });
}

/** One batch of units: gather the facts, ask the domain, write; false when no units were left. */
async function closeUnitBatch(c: Closing): Promise<boolean> {
  const { programmeId } = c.ctx;
  const { more, skipped } = await c.deps.db.runTransaction(async (tx) => {
    // A log per attempt: a retried transaction notes (and records) afresh.
    const log = new ProblemLog();
    const run = (await tx.get(runRefOf(c))).data()!;
    const page = await decidePage(tx, c, run.cursor, log);
    if (!page) return { more: false, skipped: [] };
    const writeProblems = await prepareProblems(tx, problemContext(c), log.notes);
    const proposed = await proposeCandidates(tx, programmeId, page.proposals, c.now, ACTOR);

    // Writes only from here on (a transaction reads everything first).
    writeProblems();
    for (const d of page.decided) writeUnitClose(tx, c, d);
    const errors = [...run.errors, ...log.notes.map((n) => ({ item: n.path, message: n.reason }))];
    tx.set(runRefOf(c), { ...run, cursor: page.last, batches: run.batches + 1, processed: run.processed + page.decided.length, proposed: run.proposed + proposed.length, errors, updatedAt: c.now });
    return { more: page.full, skipped: log.notes };
  });
  c.skipped.push(...skipped.map((n) => ({ programmeId, ...n })));
  return more;
}

const problemContext = (c: Closing): ProblemContext => ({ programmeId: c.ctx.programmeId, job: JOB, now: c.now, actor: ACTOR, clause: c.ctx.pack.clauses.report });

/** The units of one page after `cursor` that take part, with what the domain decides for each (reads only). */
async function decidePage(tx: Transaction, c: Closing, cursor: string | undefined, log: ProblemLog) {
  const { programmeId } = c.ctx;
  const page = await tx.get(unitsPage(programmeId, cursor, c.batchSize));
  if (page.empty) return undefined;
  const units = await gatherUnits(tx, c, page.docs, log);
  const summary = log.read(await tx.get(rankingRef(programmeId, c.period.id)));
  const ranking = summary === unreadable ? undefined : (summary?.counts ?? {});
  // The period is closed with the settings in force for it (lowest-ranked count, reporting ratios).
  const periodPack = c.ctx.packFor(c.period.id);
  const threshold = interviewThreshold(ranking, periodPack);
  const decided = units.map((u) => ({ ...u, ...decideUnitClose(u, c.period, ranking, threshold, periodPack) }));
  const proposals = decided.flatMap((d) => d.candidates.map((candidate) => ({ candidate, unitId: d.unitId, scope: c.period.id })));
  return { decided, proposals, last: page.docs[page.docs.length - 1]!.id, full: page.size === c.batchSize };
}

/** The dry run of one period: every page from the job's cursor, decided in read-only transactions. */
async function planPeriod(c: Closing, log: ProblemLog): Promise<PeriodClosePlan> {
  const { programmeId } = c.ctx;
  const plan: PeriodClosePlan = { programmeId, periodId: c.period.id, state: c.period.state, reportDeadline: c.period.reportDeadline, units: 0, candidates: [], interviews: [], awaitingApproval: 0 };
  const run = log.read(await runRefOf(c).get());
  if (run === unreadable || run?.state === "done") return plan;
  let cursor = run?.cursor;
  const lagging: string[] = [];
  let unapproved = 0;
  for (;;) {
    const step = await c.deps.db.runTransaction(
      async (tx) => {
        const page = await decidePage(tx, c, cursor, log);
        return page && { page, fresh: await unproposed(tx, programmeId, page.proposals) };
      },
      { readOnly: true },
    );
    if (!step) return { ...plan, interviews: unapproved === 0 ? lagging : [], awaitingApproval: unapproved };
    plan.units += step.page.decided.length;
    plan.candidates.push(...step.fresh.map(({ input, ref }) => ({ proceedingId: ref.id, unitId: input.unitId, proceeding: input.candidate.proceeding, clause: input.candidate.clause })));
    lagging.push(...step.page.decided.filter((d) => d.lagging).map((d) => d.unitId));
    unapproved += step.page.decided.filter((d) => d.evaluation && d.evaluation.state !== "approved").length;
    // DG-9.2: the lagging units are listed only on a final ranking (every evaluation approved).
    if (!step.page.full) return { ...plan, interviews: unapproved === 0 ? lagging : [], awaitingApproval: unapproved };
    cursor = step.page.last;
  }
}

/**
 * The facts of the page's units that take part in the period: report, evaluation, task book,
 * failures. A unit whose facts include a document that cannot be read is left out (noted): no
 * decision is taken on facts the job could not see.
 */
async function gatherUnits(tx: Transaction, c: Closing, docs: QueryDocumentSnapshot<Unit>[], log: ProblemLog): Promise<UnitAtClose[]> {
  const { programmeId } = c.ctx;
  const periodId = c.period.id;
  const units = docs.flatMap((d) => {
    const unit = log.read(d);
    return unit !== unreadable && takesPartIn(unit, periodId) ? [{ id: d.id, name: unit.name }] : [];
  });
  if (units.length === 0) return [];
  const unitIds = units.map((u) => u.id);
  const year = periodBounds(periodId).year;
  const reports = await tx.getAll(...unitIds.map((u) => collections.reports(programmeId).doc(ids.report(u, periodId))));
  const evaluations = await tx.getAll(...unitIds.map((u) => collections.evaluations(programmeId).doc(ids.evaluation(u, periodId))));
  const taskBooks = await tx.getAll(...unitIds.map((u) => collections.taskBooks(programmeId).doc(ids.taskBook(u, year))));
  const history = await unitHistory(tx, programmeId, unitIds, periodId, log);
  return units.flatMap((u, i) => {
    const report = log.read(reports[i]!);
    const evaluation = log.read(evaluations[i]!);
    const taskBook = log.read(taskBooks[i]!);
    if (report === unreadable || evaluation === unreadable || taskBook === unreadable || history.blocked.has(u.id)) return [];
    return [{ unitId: u.id, unitName: u.name, report, evaluation, targets: taskBook?.targets ?? {}, failedEvaluationsBefore: history.failedBefore.get(u.id) ?? 0, failedEnterprises: history.failedEnterprises.get(u.id) ?? [] }];
  });
}

/** The units' failed evaluations of other periods and failed pilot acceptances; `blocked`: units with one that cannot be read. */
async function unitHistory(tx: Transaction, programmeId: string, unitIds: string[], periodId: string, log: ProblemLog) {
  const blocked = new Set<string>();
  const failedEvaluations: Evaluation[] = [];
  const failedEnterprises = new Map<string, UnitAtClose["failedEnterprises"][number][]>();
  for (const part of chunks(unitIds)) {
    for (const d of (await tx.get(collections.evaluations(programmeId).where("unitId", "in", part).where("passed", "==", false))).docs) {
      const e = log.read(d);
      // Found by its unitId, so the raw field names the unit even when the rest does not parse.
      if (e === unreadable) blocked.add(String(d.get("unitId")));
      else failedEvaluations.push(e);
    }
    for (const d of (await tx.get(collections.enterprises(programmeId).where("servedBy", "in", part).where("acceptance", "==", "failed"))).docs) {
      const e = log.read(d);
      if (e === unreadable) blocked.add(String(d.get("servedBy")));
      else failedEnterprises.set(e.servedBy, [...(failedEnterprises.get(e.servedBy) ?? []), { enterpriseId: d.id, enterpriseName: e.name, decidedOn: e.acceptanceDecidedOn }]);
    }
  }
  return { blocked, failedBefore: failedEvaluationsOutside(failedEvaluations, periodId), failedEnterprises };
}

function writeUnitClose(tx: Transaction, c: Closing, d: UnitAtClose & UnitClose) {
  const { programmeId, pack } = c.ctx;
  const periodId = c.period.id;
  const { unitId, report, evaluation, candidates, rank, lagging } = d;
  if (evaluation && evaluation.rank !== rank) {
    const { rank: _old, ...rest } = evaluation;
    const next: Evaluation = rank === undefined ? rest : { ...rest, rank };
    tx.set(collections.evaluations(programmeId).doc(ids.evaluation(unitId, periodId)), next);
  }
  appendAudit(tx, programmeId, `periodClose-${periodId}-${unitId}`, {
    at: c.now,
    actor: ACTOR,
    action: "period.unitClosed",
    entity: collections.reports(programmeId).doc(ids.report(unitId, periodId)).path,
    after: {
      report: report ? { state: report.state, late: report.late, incomplete: report.incomplete } : "missing",
      evaluation: evaluation ? { total: evaluation.total, state: evaluation.state, passed: evaluation.passed, rank } : null,
      candidates: candidates.map((x) => x.clause),
      lagging,
    },
    clause: candidates[0]?.clause ?? pack.clauses.report,
    note: candidates.length ? candidates.flatMap((x) => x.evidence).join("；") : undefined,
  });
}

/** Every unit done: the period is closed (its ranking final if every evaluation is approved) and the run marked done, once. */
async function finishClosing(c: Closing) {
  const { programmeId, pack } = c.ctx;
  const [runRef, periodRef] = [runRefOf(c), periodRefOf(c)];
  await c.deps.db.runTransaction(async (tx) => {
    const run = (await tx.get(runRef)).data()!;
    const current = (await tx.get(periodRef)).data()!;
    if (run.state === "done") return;
    const ranking = await prepareFinalRanking(tx, c.ctx, { periodId: c.period.id, periodClosed: true, now: c.now, actor: ACTOR });
    const standing = ranking.decision?.final === false ? `排名暂定（${ranking.decision.reason}），全部审定后确定` : "排名已确定";
    tx.set(periodRef, { ...current, state: "closed", closedAt: c.now, nextDeadlineOn: undefined });
    ranking.write();
    tx.set(runRef, { ...run, state: "done", updatedAt: c.now });
    appendAudit(tx, programmeId, `periodClose-${c.period.id}-done`, {
      at: c.now,
      actor: ACTOR,
      action: "period.closed",
      entity: periodRef.path,
      before: { state: current.state },
      after: { state: "closed", units: run.processed, proposed: run.proposed, batches: run.batches },
      clause: pack.clauses.report,
      note: `已关账：处理 ${run.processed} 家单位，提出 ${run.proposed} 项候选，${standing}`,
    });
  });
}

function summary(c: Closing, run: { state: string; batches: number; processed: number; proposed: number }): PeriodCloseRun {
  return { programmeId: c.ctx.programmeId, periodId: c.period.id, state: run.state === "done" ? "done" : "running", batches: run.batches, processed: run.processed, proposed: run.proposed };
}
