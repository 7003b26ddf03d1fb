// Period close (daily, Asia/Shanghai): for each period whose report deadline has passed and that
// is not closed yet, every unit is looked at once, in bounded batches, each batch in its own
// transaction that also moves the job's cursor in jobRuns/periodClose_{periodId}:
//   - missing / never-submitted / returned / late / incomplete reports, lagging progress without
//     explanation, failed acceptances and failed evaluations become candidates (grounds.ts:
//     GZ-4.4a.2, GZ-4.4a.3, GZ-4.4a.6, GZ-4.4b.2, GZ-4.4b.3, DG-10.2, DG-10.3);
//   - the ranking is frozen: each evaluation gets its rank from the period's summary;
//   - where the pack ranks for interviews (DG-9.2), the lowest-ranked units are listed for staff;
// then the period is marked closed. Stopped midway (maxBatches, a crash), the next run resumes
// at the cursor; a closed period is never picked again, so running twice changes nothing more.
import { onSchedule } from "firebase-functions/v2/scheduler";
import { logger } from "firebase-functions";
import { shanghaiDate, type IsoDate } from "../domain/dates.js";
import { periodCloseGrounds } from "../domain/grounds.js";
import { interviewNotice, interviewNoticeId } from "../domain/interviewNotice.js";
import { programmeClosed } from "../domain/machine.js";
import { periodBounds } from "../domain/periods.js";
import { atOrBelowThreshold, lowestRankedThreshold, rankFromSummary } from "../domain/ranking.js";
import type { Period } from "../domain/schemas/index.js";
import { db } from "../store/admin.js";
import { appendAudit, systemActor } from "../store/audit.js";
import { proposeCandidates, type CandidateInput } from "../store/candidates.js";
import { collections, ids } from "../store/collections.js";
import { rankingRef } from "../store/evaluations.js";
import { chunks, unitsPage } from "../store/pages.js";
import { loadProgrammeContext, type ProgrammeContext } from "../store/programmeContext.js";

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

export const dayStart = (asOf: IsoDate) => new Date(`${asOf}T00:00:00+08:00`);
const ACTOR = systemActor("periodClose");

export async function closeDuePeriods(opts: PeriodCloseOptions): Promise<{ runs: PeriodCloseRun[]; stoppedEarly: boolean }> {
  const now = opts.now ?? dayStart(opts.asOf);
  const budget = { left: opts.maxBatches ?? Infinity };
  const programmeIds = opts.programmeIds ?? (await collections.programmes().get()).docs.map((d) => d.id);
  const runs: PeriodCloseRun[] = [];
  for (const programmeId of programmeIds) {
    const ctx = await loadProgrammeContext(programmeId);
    // GZ-5.2 / DG-18: a programme past its acceptance is read-only; its periods stay as they are.
    if (programmeClosed({ today: opts.asOf, pack: ctx.pack, programmeEndsOn: ctx.programme.endsOn })) continue;
    const due = (await collections.periods(programmeId).where("state", "in", ["open", "closing"]).get()).docs
      .map((d) => d.data())
      .filter((p) => p.reportDeadline < opts.asOf)
      .sort((a, b) => (a.id < b.id ? -1 : 1));
    for (const period of due) {
      const run = await closePeriod(ctx, period, { ...opts, now, batchSize: opts.batchSize ?? 100 }, budget);
      runs.push(run);
      if (run.state !== "done") return { runs, stoppedEarly: true };
    }
  }
  return { runs, stoppedEarly: false };
}

async function closePeriod(ctx: ProgrammeContext, period: Period, opts: PeriodCloseOptions & { now: Date; batchSize: number }, budget: { left: number }): Promise<PeriodCloseRun> {
  const { programmeId, pack } = ctx;
  const periodId = period.id;
  const runRef = collections.jobRuns(programmeId).doc(`periodClose_${periodId}`);
  const periodRef = collections.periods(programmeId).doc(periodId);
  const { now } = opts;

  await db.runTransaction(async (tx) => {
    const runSnap = await tx.get(runRef);
    const periodSnap = await tx.get(periodRef);
    if (runSnap.exists) return;
    tx.set(runRef, { job: "periodClose", asOf: opts.asOf, periodId, state: "running", batches: 0, processed: 0, proposed: 0, errors: [], updatedAt: now });
    tx.set(periodRef, { ...periodSnap.data()!, state: "closing" });
    appendAudit(tx, programmeId, `periodClose-${periodId}-start`, { at: now, actor: ACTOR, action: "period.closing", entity: periodRef.path, before: { state: period.state }, after: { state: "closing" }, clause: pack.clauses.report, note: `报送截止日 ${period.reportDeadline} 已过，开始关账` });
  });

  const bounds = periodBounds(periodId);
  for (;;) {
    const state = (await runRef.get()).data()!;
    if (state.state === "done") return summary(programmeId, periodId, state);
    if (budget.left <= 0) return summary(programmeId, periodId, state);
    budget.left--;
    const more = await db.runTransaction(async (tx) => {
      const run = (await tx.get(runRef)).data()!;
      const page = await tx.get(unitsPage(programmeId, run.cursor, opts.batchSize));
      if (page.empty) return false;
      const units = page.docs.filter((d) => {
        const u = d.data();
        return u.status !== "clearedOut" && u.status !== "withdrawn" && u.listedOn <= bounds.end;
      });
      const unitIds = units.map((u) => u.id);
      const unitNames = new Map(units.map((u) => [u.id, u.data().name]));
      const reportsCol = collections.reports(programmeId);
      const evaluationsCol = collections.evaluations(programmeId);
      const reports = unitIds.length ? await tx.getAll(...unitIds.map((u) => reportsCol.doc(ids.report(u, periodId)))) : [];
      const evaluations = unitIds.length ? await tx.getAll(...unitIds.map((u) => evaluationsCol.doc(ids.evaluation(u, periodId)))) : [];
      const taskBooks = unitIds.length ? await tx.getAll(...unitIds.map((u) => collections.taskBooks(programmeId).doc(ids.taskBook(u, bounds.year)))) : [];
      const ranking = (await tx.get(rankingRef(programmeId, periodId))).data()?.counts ?? {};
      const failedElsewhere = new Map<string, number>();
      const failedAcceptances = new Map<string, { enterpriseId: string; enterpriseName: string; decidedOn: string }[]>();
      for (const part of chunks(unitIds)) {
        for (const d of (await tx.get(evaluationsCol.where("unitId", "in", part).where("passed", "==", false))).docs) {
          const e = d.data();
          if (e.state === "approved" && e.periodId !== periodId) failedElsewhere.set(e.unitId, (failedElsewhere.get(e.unitId) ?? 0) + 1);
        }
        for (const d of (await tx.get(collections.enterprises(programmeId).where("servedBy", "in", part).where("acceptance", "==", "failed"))).docs) {
          const e = d.data();
          const on = e.acceptanceDecidedOn;
          if (on && on >= bounds.start && on <= bounds.end) failedAcceptances.set(e.servedBy, [...(failedAcceptances.get(e.servedBy) ?? []), { enterpriseId: d.id, enterpriseName: e.name, decidedOn: on }]);
        }
      }

      const threshold = pack.clauses.ranking ? lowestRankedThreshold(ranking, pack.lowestRankedCount) : undefined;
      const inputs: CandidateInput[] = [];
      const perUnit = unitIds.map((unitId, i) => {
        const report = reports[i]!.data();
        const evaluation = evaluations[i]!.data();
        const candidates = periodCloseGrounds(
          {
            unitId,
            periodId,
            reportDeadline: period.reportDeadline,
            report: report ? { state: report.state, late: report.late, returnedCount: report.returnedCount, incomplete: report.incomplete } : { state: "missing", late: false, returnedCount: 0 },
            // GZ-3.4.2: only an approved conclusion counts as a failed evaluation.
            evaluation: evaluation?.state === "approved" ? { passed: evaluation.passed } : undefined,
            failedEvaluationsBefore: failedElsewhere.get(unitId) ?? 0,
            targets: taskBooks[i]!.data()?.targets ?? {},
            actuals: report?.metrics ?? {},
            lagExplanation: report?.lagExplanation,
            failedAcceptances: failedAcceptances.get(unitId) ?? [],
          },
          pack,
        );
        inputs.push(...candidates.map((candidate) => ({ candidate, unitId, scope: periodId })));
        return { unitId, report, evaluation, candidates };
      });
      const proposed = await proposeCandidates(tx, programmeId, inputs, now, ACTOR);

      // Writes only from here on (a transaction reads everything first).
      for (const { unitId, report, evaluation, candidates } of perUnit) {
        let rank: number | undefined;
        let interview = false;
        if (evaluation) {
          rank = rankFromSummary(ranking, evaluation.total);
          if (evaluation.rank !== rank) tx.set(evaluationsCol.doc(ids.evaluation(unitId, periodId)), { ...evaluation, rank });
          interview = atOrBelowThreshold(evaluation.total, threshold);
          if (interview) {
            tx.set(collections.notifications(programmeId).doc(interviewNoticeId(periodId, unitId)), {
              ...interviewNotice({ unitId, unitName: unitNames.get(unitId) ?? unitId, periodId, rank, total: evaluation.total, clause: pack.clauses.ranking ?? "" }),
              createdAt: now,
            });
          }
        }
        appendAudit(tx, programmeId, `periodClose-${periodId}-${unitId}`, {
          at: now,
          actor: ACTOR,
          action: "period.unitClosed",
          entity: reportsCol.doc(ids.report(unitId, periodId)).path,
          after: {
            report: report ? { state: report.state, late: report.late, incomplete: report.incomplete } : "missing",
            evaluation: evaluation ? { total: evaluation.total, state: evaluation.state, passed: evaluation.passed, rank } : null,
            candidates: candidates.map((c) => c.clause),
            interview,
          },
          clause: candidates[0]?.clause ?? (interview ? (pack.clauses.ranking ?? undefined) : pack.clauses.report),
          note: candidates.length ? candidates.flatMap((c) => c.evidence).join("；") : undefined,
        });
      }
      const last = page.docs[page.docs.length - 1]!.id;
      tx.set(runRef, { ...run, cursor: last, batches: run.batches + 1, processed: run.processed + unitIds.length, proposed: run.proposed + proposed.length, updatedAt: now });
      return page.size === opts.batchSize;
    });
    if (!more) break;
  }

  await db.runTransaction(async (tx) => {
    const run = (await tx.get(runRef)).data()!;
    const current = (await tx.get(periodRef)).data()!;
    if (run.state === "done") return;
    tx.set(periodRef, { ...current, state: "closed", closedAt: now, nextDeadlineOn: undefined });
    tx.set(runRef, { ...run, state: "done", updatedAt: now });
    appendAudit(tx, programmeId, `periodClose-${periodId}-done`, {
      at: now,
      actor: ACTOR,
      action: "period.closed",
      entity: periodRef.path,
      before: { state: current.state },
      after: { state: "closed", units: run.processed, proposed: run.proposed, batches: run.batches },
      clause: pack.clauses.report,
      note: `已关账：处理 ${run.processed} 家单位，提出 ${run.proposed} 项候选，排名已固定`,
    });
  });
  return summary(programmeId, periodId, (await runRef.get()).data()!);
}

function summary(programmeId: string, periodId: string, run: { state: string; batches: number; processed: number; proposed: number }): PeriodCloseRun {
  return { programmeId, periodId, state: run.state === "done" ? "done" : "running", batches: run.batches, processed: run.processed, proposed: run.proposed };
}

// 540 s, not the 60 s default: `npm run bench` measured 33–53 s for 2,000 units on the emulator
// (docs/benchmarks.md), too close to 60 s; a run that is still cut short resumes at its cursor.
export const periodClose = onSchedule({ schedule: "every day 01:00", timeZone: "Asia/Shanghai", timeoutSeconds: 540 }, async (event) => {
  const asOf = shanghaiDate(new Date(event.scheduleTime));
  const result = await closeDuePeriods({ asOf, now: new Date() });
  logger.info("periodClose", { asOf, ...result });
});
