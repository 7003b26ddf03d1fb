// Period close: for each period whose report deadline has passed and that is not closed yet, every
// unit taking part (participation.ts) is looked at once, in bounded batches, each batch in its own
// transaction that also moves the job's cursor in jobRuns/periodClose_{periodId}. Each batch
// gathers the facts, asks the domain (periodClose.ts: grounds become candidates, the rank is
// frozen from the period's summary, the lowest-ranked are listed for interview where the pack
// says so, DG-9.2) and writes; then the period is marked closed. Stopped midway (maxBatches, a
// crash), the next run resumes at the cursor; a closed period is never picked again, so running
// twice changes nothing more.
import type { QueryDocumentSnapshot, Transaction } from "firebase-admin/firestore";
import type { IsoDate } from "../domain/dates.js";
import { failedEvaluationsOutside } from "../domain/failedEvaluations.js";
import { interviewNoticeId } from "../domain/interviewNotice.js";
import { programmeClosed } from "../domain/machine.js";
import { takesPartIn } from "../domain/participation.js";
import { decideUnitClose, interviewThreshold, type UnitAtClose, type UnitClose } from "../domain/periodClose.js";
import { periodBounds } from "../domain/periods.js";
import type { Evaluation, Period, Unit } from "../domain/schemas/index.js";
import { appendAudit, systemActor } from "../store/audit.js";
import { proposeCandidates } from "../store/candidates.js";
import { collections, ids } from "../store/collections.js";
import { rankingRef } from "../store/evaluations.js";
import { chunks, unitsPage } from "../store/pages.js";
import { loadProgrammeContext, type ProgrammeContext } from "../store/programmeContext.js";
import type { Deps } from "./deps.js";

export interface PeriodCloseOptions {
  asOf: IsoDate;
  /** The instant recorded on what the job writes; defaults to the start of `asOf` in Shanghai. */
  now?: Date;
  programmeIds?: string[];
  batchSize?: number;
  /** Stop after this many unit batches (to spread work, or to prove resumption in tests). */
  maxBatches?: number;
}

export interface PeriodCloseRun {
  programmeId: string;
  periodId: string;
  state: "running" | "done";
  batches: number;
  processed: number;
  proposed: number;
}

/** 00:00 of a day in Shanghai: what the jobs record as "now" when run for a past or future day. */
export const dayStart = (asOf: IsoDate) => new Date(`${asOf}T00:00:00+08:00`);
const ACTOR = systemActor("periodClose");

type Closing = { deps: Deps; ctx: ProgrammeContext; period: Period; now: Date; asOf: IsoDate; batchSize: number };

export async function closeDuePeriods(deps: Deps, opts: PeriodCloseOptions): Promise<{ runs: PeriodCloseRun[]; stoppedEarly: boolean }> {
  const now = opts.now ?? dayStart(opts.asOf);
  const budget = { left: opts.maxBatches ?? Infinity };
  const programmeIds = opts.programmeIds ?? (await collections.programmes().get()).docs.map((d) => d.id);
  const runs: PeriodCloseRun[] = [];
  for (const programmeId of programmeIds) {
    const ctx = await loadProgrammeContext(programmeId, undefined, deps.calendar);
    // GZ-5.2 / DG-18: a programme past its acceptance is read-only; its periods stay as they are.
    if (programmeClosed({ today: opts.asOf, pack: ctx.pack, programmeEndsOn: ctx.programme.endsOn })) continue;
    const due = (await collections.periods(programmeId).where("state", "in", ["open", "closing"]).get()).docs
      .map((d) => d.data())
      .filter((p) => p.reportDeadline < opts.asOf)
      .sort((a, b) => (a.id < b.id ? -1 : 1));
    for (const period of due) {
      const run = await closePeriod({ deps, ctx, period, now, asOf: opts.asOf, batchSize: opts.batchSize ?? 100 }, budget);
      runs.push(run);
      if (run.state !== "done") return { runs, stoppedEarly: true };
    }
  }
  return { runs, stoppedEarly: false };
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
    appendAudit(tx, programmeId, `periodClose-${c.period.id}-start`, { at: c.now, actor: ACTOR, action: "period.closing", entity: periodRef.path, before: { state: c.period.state }, after: { state: "closing" }, clause: pack.clauses.report, note: `报送截止日 ${c.period.reportDeadline} 已过，开始关账` });
  });
}

/** One batch of units: gather the facts, ask the domain, write; false when no units were left. */
async function closeUnitBatch(c: Closing): Promise<boolean> {
  const { programmeId } = c.ctx;
  return c.deps.db.runTransaction(async (tx) => {
    const run = (await tx.get(runRefOf(c))).data()!;
    const page = await tx.get(unitsPage(programmeId, run.cursor, c.batchSize));
    if (page.empty) return false;
    const units = await gatherUnits(tx, c, page.docs);
    const ranking = (await tx.get(rankingRef(programmeId, c.period.id))).data()?.counts ?? {};
    // The period is closed with the settings in force for it (lowest-ranked count, reporting ratios).
    const periodPack = c.ctx.packFor(c.period.id);
    const threshold = interviewThreshold(ranking, periodPack);
    const decided = units.map((u) => ({ ...u, ...decideUnitClose(u, c.period, ranking, threshold, periodPack) }));
    const proposals = decided.flatMap((d) => d.candidates.map((candidate) => ({ candidate, unitId: d.unitId, scope: c.period.id })));
    const proposed = await proposeCandidates(tx, programmeId, proposals, c.now, ACTOR);

    // Writes only from here on (a transaction reads everything first).
    for (const d of decided) writeUnitClose(tx, c, d);
    const last = page.docs[page.docs.length - 1]!.id;
    tx.set(runRefOf(c), { ...run, cursor: last, batches: run.batches + 1, processed: run.processed + units.length, proposed: run.proposed + proposed.length, updatedAt: c.now });
    return page.size === c.batchSize;
  });
}

/** The facts of the page's units that take part in the period: report, evaluation, task book, failures. */
async function gatherUnits(tx: Transaction, c: Closing, docs: QueryDocumentSnapshot<Unit>[]): Promise<UnitAtClose[]> {
  const { programmeId } = c.ctx;
  const periodId = c.period.id;
  const units = docs.filter((d) => takesPartIn(d.data(), periodId));
  if (units.length === 0) return [];
  const unitIds = units.map((u) => u.id);
  const year = periodBounds(periodId).year;
  const reports = await tx.getAll(...unitIds.map((u) => collections.reports(programmeId).doc(ids.report(u, periodId))));
  const evaluations = await tx.getAll(...unitIds.map((u) => collections.evaluations(programmeId).doc(ids.evaluation(u, periodId))));
  const taskBooks = await tx.getAll(...unitIds.map((u) => collections.taskBooks(programmeId).doc(ids.taskBook(u, year))));
  const failedEvaluations: Evaluation[] = [];
  const failedEnterprises = new Map<string, UnitAtClose["failedEnterprises"][number][]>();
  for (const part of chunks(unitIds)) {
    failedEvaluations.push(...(await tx.get(collections.evaluations(programmeId).where("unitId", "in", part).where("passed", "==", false))).docs.map((d) => d.data()));
    for (const d of (await tx.get(collections.enterprises(programmeId).where("servedBy", "in", part).where("acceptance", "==", "failed"))).docs) {
      const e = d.data();
      failedEnterprises.set(e.servedBy, [...(failedEnterprises.get(e.servedBy) ?? []), { enterpriseId: d.id, enterpriseName: e.name, decidedOn: e.acceptanceDecidedOn }]);
    }
  }
  const failedBefore = failedEvaluationsOutside(failedEvaluations, periodId);
  return units.map((u, i) => ({
    unitId: u.id,
    unitName: u.data().name,
    report: reports[i]!.data(),
    evaluation: evaluations[i]!.data(),
    targets: taskBooks[i]!.data()?.targets ?? {},
    failedEvaluationsBefore: failedBefore.get(u.id) ?? 0,
    failedEnterprises: failedEnterprises.get(u.id) ?? [],
  }));
}

function writeUnitClose(tx: Transaction, c: Closing, d: UnitAtClose & UnitClose) {
  const { programmeId, pack } = c.ctx;
  const periodId = c.period.id;
  const { unitId, report, evaluation, candidates, rank, interview } = d;
  if (evaluation && evaluation.rank !== rank) tx.set(collections.evaluations(programmeId).doc(ids.evaluation(unitId, periodId)), { ...evaluation, rank });
  if (interview) tx.set(collections.notifications(programmeId).doc(interviewNoticeId(periodId, unitId)), { ...interview, createdAt: c.now });
  appendAudit(tx, programmeId, `periodClose-${periodId}-${unitId}`, {
    at: c.now,
    actor: ACTOR,
    action: "period.unitClosed",
    entity: collections.reports(programmeId).doc(ids.report(unitId, periodId)).path,
    after: {
      report: report ? { state: report.state, late: report.late, incomplete: report.incomplete } : "missing",
      evaluation: evaluation ? { total: evaluation.total, state: evaluation.state, passed: evaluation.passed, rank } : null,
      candidates: candidates.map((x) => x.clause),
      interview: interview !== undefined,
    },
    clause: candidates[0]?.clause ?? (interview ? (pack.clauses.ranking ?? undefined) : pack.clauses.report),
    note: candidates.length ? candidates.flatMap((x) => x.evidence).join("；") : undefined,
  });
}

/** Every unit done: the period is closed and the run marked done, once. */
async function finishClosing(c: Closing) {
  const { programmeId, pack } = c.ctx;
  const [runRef, periodRef] = [runRefOf(c), periodRefOf(c)];
  await c.deps.db.runTransaction(async (tx) => {
    const run = (await tx.get(runRef)).data()!;
    const current = (await tx.get(periodRef)).data()!;
    if (run.state === "done") return;
    tx.set(periodRef, { ...current, state: "closed", closedAt: c.now, nextDeadlineOn: undefined });
    tx.set(runRef, { ...run, state: "done", updatedAt: c.now });
    appendAudit(tx, programmeId, `periodClose-${c.period.id}-done`, {
      at: c.now,
      actor: ACTOR,
      action: "period.closed",
      entity: periodRef.path,
      before: { state: current.state },
      after: { state: "closed", units: run.processed, proposed: run.proposed, batches: run.batches },
      clause: pack.clauses.report,
      note: `已关账：处理 ${run.processed} 家单位，提出 ${run.proposed} 项候选，排名已固定`,
    });
  });
}

function summary(c: Closing, run: { state: string; batches: number; processed: number; proposed: number }): PeriodCloseRun {
  return { programmeId: c.ctx.programmeId, periodId: c.period.id, state: run.state === "done" ? "done" : "running", batches: run.batches, processed: run.processed, proposed: run.proposed };
}
