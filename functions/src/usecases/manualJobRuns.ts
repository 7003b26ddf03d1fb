// Staff run a scheduled job by hand: the period close, the deadline sweep or the
// notice cycle of their programme (the adapters let only the programme's administrators in).
//   - "As of" today or an earlier day in Asia/Shanghai, never a later one (domain/jobs.ts
//     `manualRunDate`): a run as of a day that has not come would close a period or a notice
//     early, with proposals and published lists nobody can take back. The scheduled runs are not
//     limited: their day is the one the scheduler fired for.
//   - A dry run answers what the run would do — the periods it would close and the proposals it
//     would make, the reminders, overdue criticisms and proposals of the sweep, the notices it
//     would open or close — from the same reads and decisions, in read-only transactions; it
//     writes nothing, not even an audit entry.
//   - The period close takes the one period named (the admin page's 执行本期关账); a period that
//     does not exist, is already closed, or whose report deadline has not passed is refused.
//   - A real run is audited before it starts: who ran which job, as of which day.
import { shanghaiDate, type IsoDate } from "../domain/dates.js";
import { Refused } from "../domain/errors.js";
import { manualRunDate, periodCloseRefusal, type DeadlineSweepAnswer, type JobName, type NoticeCycleAnswer, type PeriodCloseAnswer } from "../domain/jobs.js";
import type { Actor } from "../domain/schemas/index.js";
import type { PolicyPack } from "../domain/policy/schema.js";
import { jobWords } from "../domain/words.js";
import { appendAuditOnce } from "../store/audit.js";
import { collections } from "../store/collections.js";
import { loadProgrammeContext } from "../store/programmeContext.js";
import { closeDuePeriods, planPeriodClose } from "./closeDuePeriods.js";
import type { Deps } from "./deps.js";
import { runNoticeCycle } from "./runNoticeCycle.js";
import { planDeadlineSweep, sweepDeadlines } from "./sweepDeadlines.js";

export interface ManualRunInput {
  programmeId: string;
  asOf?: IsoDate;
  dryRun?: boolean;
}

/** The instant and day of the run, refused when the day asked for has not come in Shanghai. */
function runDay(deps: Deps, input: ManualRunInput): { now: Date; asOf: IsoDate } {
  const now = deps.clock();
  const day = manualRunDate(input.asOf, shanghaiDate(now));
  if (!day.ok) throw new Refused(day);
  return { now, asOf: day.asOf };
}

/** One audit entry per real run, before it starts, under the clause the job acts on. */
async function recordRun(deps: Deps, job: JobName, input: ManualRunInput & { periodId?: string }, at: { now: Date; asOf: IsoDate }, actor: Actor, clauseOf: (pack: PolicyPack) => string) {
  const ctx = await loadProgrammeContext(input.programmeId, undefined, deps.calendar);
  await appendAuditOnce(input.programmeId, `manualRun-${job}-${at.now.getTime()}-${actor.uid}`, {
    at: at.now,
    actor,
    action: "job.runManually",
    entity: collections.programmes().doc(input.programmeId).path,
    after: { job, asOf: at.asOf, ...(input.periodId ? { periodId: input.periodId } : {}) },
    clause: clauseOf(ctx.pack),
    note: `工作人员手动执行${jobWords[job]}，执行日期 ${at.asOf}${input.periodId ? `，期次 ${input.periodId}` : ""}`,
  });
}

export async function runPeriodCloseManually(deps: Deps, input: ManualRunInput & { periodId?: string }, actor: Actor): Promise<PeriodCloseAnswer> {
  const at = runDay(deps, input);
  if (input.periodId) {
    const period = (await collections.periods(input.programmeId).doc(input.periodId).get()).data();
    const refusal = periodCloseRefusal(input.periodId, period, at.asOf);
    if (refusal) throw new Refused(refusal);
  }
  const options = { ...at, programmeIds: [input.programmeId], periodIds: input.periodId ? [input.periodId] : undefined };
  if (input.dryRun) return { dryRun: true, asOf: at.asOf, ...(await planPeriodClose(deps, options)) };
  await recordRun(deps, "periodClose", input, at, actor, (pack) => pack.clauses.report);
  return { dryRun: false, asOf: at.asOf, ...(await closeDuePeriods(deps, options)) };
}

export async function runDeadlineSweepManually(deps: Deps, input: ManualRunInput, actor: Actor): Promise<DeadlineSweepAnswer> {
  const at = runDay(deps, input);
  const options = { ...at, programmeIds: [input.programmeId] };
  if (input.dryRun) return { dryRun: true, ...(await planDeadlineSweep(deps, options))[0]! };
  await recordRun(deps, "deadlineSweep", input, at, actor, (pack) => pack.clauses.report);
  return { dryRun: false, ...(await sweepDeadlines(deps, options))[0]! };
}

export async function runNoticeCycleManually(deps: Deps, input: ManualRunInput, actor: Actor): Promise<NoticeCycleAnswer> {
  const at = runDay(deps, input);
  const dryRun = input.dryRun === true;
  if (!dryRun) await recordRun(deps, "noticeCycle", input, at, actor, (pack) => pack.clauses.changeNotice);
  // Everything the run writes carries the instant it was asked at.
  const outcomes = await runNoticeCycle({ ...deps, clock: () => at.now }, { programmeId: input.programmeId, asOf: at.asOf, dryRun }, actor);
  return { dryRun, asOf: at.asOf, outcomes };
}
