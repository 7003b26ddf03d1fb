// The jobs and triggers that act on a programme's stored documents, and the pure decisions a
// manual run asks before it starts: a staff member runs a job for today or an
// earlier day, never "as of" a day that has not come in Asia/Shanghai; a named period is closed
// only when it exists, is not closed yet and its report deadline has passed.
import type { IsoDate } from "./dates.js";
import { refuse, type Refusal } from "./errors.js";
import type { PeriodState } from "./states.js";
import { evaluationCloseOf } from "./reportSchedule.js";
import { dateWord, deadlineWord, periodWord } from "./words.js";

/** Who may record a document it could not read (jobProblems). */
export const jobNames = ["periodClose", "deadlineSweep", "noticeCycle", "onReportWritten", "onReportCreated", "sweepOrphanFiles", "onNotificationCreated"] as const;
export type JobName = (typeof jobNames)[number];

/** The day a manual run acts "as of": the day asked for (today when none), never a later day than today. */
export function manualRunDate(requested: IsoDate | undefined, today: IsoDate): { ok: true; asOf: IsoDate } | Refusal {
  if (requested === undefined) return { ok: true, asOf: today };
  if (requested > today) return refuse("JOB_DATE_IN_FUTURE", `所填为 ${requested}，今天是 ${today}`);
  return { ok: true, asOf: requested };
}

/**
 * Whether a period named by staff can be closed as of `asOf`: it exists, is not closed yet (a
 * period still `closing` resumes), and its report deadline has passed — the same "due" the
 * nightly run uses, so naming a period never closes it earlier than the schedule would.
 */
export function periodCloseRefusal(periodId: string, period: { state: PeriodState; reportDeadline?: IsoDate; evaluationCloseOn?: IsoDate; deadlinePendingYear?: number } | undefined, asOf: IsoDate): Refusal | undefined {
  if (!period) return refuse("PERIOD_NOT_FOUND", periodId);
  if (period.state === "closed") return refuse("PERIOD_ALREADY_CLOSED", periodId);
  if (!period.reportDeadline) return refuse("DEADLINE_PENDING", `${periodWord(periodId)}的报送截止日${deadlineWord(period)}`);
  const closesAfter = evaluationCloseOf({ reportDeadline: period.reportDeadline, evaluationCloseOn: period.evaluationCloseOn });
  if (!(closesAfter < asOf)) return refuse("PERIOD_NOT_DUE", `${periodWord(periodId)}的评价截止日为 ${dateWord(closesAfter)}（报送截止日 ${dateWord(period.reportDeadline)}），执行日期为 ${dateWord(asOf)}`);
  return undefined;
}

// ---------- what the jobs answer (the manual runs' callables return these; the web reads them) ----------

/** A document a run could not read and skipped, with the reason (recorded in jobProblems, except by a dry run). */
export interface SkippedDocument {
  programmeId: string;
  path: string;
  reason: string;
}

/** An item a run did not act on, and why (a refusal such as a date the calendar cannot judge, or an unreadable document). */
export interface JobItemError {
  item: string;
  message: string;
}

export interface PeriodCloseRun {
  programmeId: string;
  periodId: string;
  state: "running" | "done";
  batches: number;
  processed: number;
  proposed: number;
}

/** What a period close would do for one period (the dry run's answer). */
export interface PeriodClosePlan {
  programmeId: string;
  periodId: string;
  state: PeriodState;
  reportDeadline: IsoDate;
  /** Units that would be looked at (taking part, their documents readable). */
  units: number;
  /** Proposals that would be made (those already made are not counted again). */
  candidates: { proceedingId: string; unitId: string; proceeding: string; clause: string }[];
  /** Units that would be listed for interview (DG-9.2): only on a final ranking, so none while any evaluation awaits approval. */
  interviews: string[];
  /** Evaluations of the period still awaiting approval: with any, the ranking frozen is provisional (DG-8) and nobody is listed yet. */
  awaitingApproval: number;
}

export type PeriodCloseAnswer =
  | { dryRun: false; asOf: IsoDate; runs: PeriodCloseRun[]; stoppedEarly: boolean; skipped: SkippedDocument[] }
  | { dryRun: true; asOf: IsoDate; periods: PeriodClosePlan[]; skipped: SkippedDocument[] };

export interface SweepResult {
  programmeId: string;
  asOf: IsoDate;
  reminders: number;
  overdue: number;
  proposed: number;
  errors: JobItemError[];
  alreadyRun: boolean;
}

/** What a deadline sweep would do (the dry run's answer). */
export interface SweepPlan {
  programmeId: string;
  asOf: IsoDate;
  alreadyRun: boolean;
  reminders: { periodId: string; unitId: string }[];
  /** Criticisms that would turn overdue (GZ-4.3b). */
  overdue: string[];
  /** Proposals late advance-notice filings would raise (GZ-4.8). */
  candidates: { proceedingId: string; unitId: string; clause: string }[];
  /** Items that would be skipped: a date the calendar cannot judge, a document that cannot be read. */
  errors: JobItemError[];
}

export type DeadlineSweepAnswer = ({ dryRun: false } & SweepResult) | ({ dryRun: true } & SweepPlan);

/**
 * What one notice step did (in a dry run: would do). `skipped`: a document the step needs cannot
 * be read; the notice stays as it is and the document is recorded for staff. A dry
 * run that would close a notice names the changes it would publish and withdraw.
 */
export type NoticeStepOutcome = {
  noticeId: string;
  outcome: "opened" | "closed" | "nothing" | "refused" | "skipped";
  code?: string;
  message?: string;
  versions?: Record<string, number>;
  published?: string[];
  withdrawn?: string[];
};

export interface NoticeCycleAnswer {
  dryRun: boolean;
  asOf: IsoDate;
  outcomes: NoticeStepOutcome[];
}
