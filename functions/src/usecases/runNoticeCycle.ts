// The notice cycle (GZ-4.6.3, DG-14): every notice due by a day (store `findNoticesDue`), each
// stepped in its own transaction (usecases/stepNotice). Run daily by the scheduled job for every
// programme, and by staff for their programme (api/runNoticeCycle, through usecases/manualJobRuns).
// A notice, or a document its step needs, that cannot be read is skipped — the
// notice stays as it is — and recorded for staff (jobProblems); the other notices go on. A dry
// run steps each notice in a read-only transaction and answers what it would do.
import { shanghaiDate, type IsoDate } from "../domain/dates.js";
import type { Actor } from "../domain/schemas/index.js";
import { systemActor } from "../store/audit.js";
import { collections } from "../store/collections.js";
import { ProblemLog } from "../store/jobProblems.js";
import { findNoticesDue } from "../store/notices.js";
import type { Deps } from "./deps.js";
import { recordProblems } from "./recordProblems.js";
import { stepNotice, type NoticeStepOutcome } from "./stepNotice.js";

const job = "noticeCycle";

export interface NoticeCycleInput {
  programmeId: string;
  /** The day the cycle acts for; today in Asia/Shanghai when absent. */
  asOf?: IsoDate;
  /** Answer what the cycle would do; write nothing. */
  dryRun?: boolean;
}

/** One programme: every due notice. Everything the run writes carries the one instant it started at. */
export async function runNoticeCycle(deps: Deps, input: NoticeCycleInput, actor: Actor = systemActor(job)): Promise<NoticeStepOutcome[]> {
  const now = deps.clock();
  const atStart: Deps = { ...deps, clock: () => now };
  const asOf = input.asOf ?? shanghaiDate(now);
  const log = new ProblemLog();
  const skipped = (noticeId: string, path: string): NoticeStepOutcome => ({ noticeId, outcome: "skipped", code: "STORED_DOCUMENT_INVALID", message: log.notes.find((n) => n.path === path)?.reason });
  const found = await findNoticesDue(input.programmeId, asOf, log);
  const outcomes = found.unreadable.map((id) => skipped(id, collections.notices(input.programmeId).doc(id).path));
  for (const noticeId of found.due) {
    const at = { programmeId: input.programmeId, noticeId, asOf, dryRun: input.dryRun };
    try {
      // A notice due for both opening and closing (the job was down) takes both steps, in order
      // (a dry run, which leaves the notice scheduled, reports the first).
      let step = await stepNotice(atStart, at, actor);
      if (step.outcome === "opened" && !input.dryRun) {
        const second = await stepNotice(atStart, at, actor);
        if (second.outcome !== "nothing") step = second;
      }
      outcomes.push(step);
    } catch (err) {
      if (!log.note(err)) throw err;
      outcomes.push(skipped(noticeId, (err as { path: string }).path));
    }
  }
  if (!input.dryRun) await recordProblems(deps, { programmeId: input.programmeId, job, now, actor }, log.notes);
  return outcomes;
}

/** The scheduled run: every programme, as the system. */
export async function runNoticeCycleForAll(deps: Deps, options: { asOf?: IsoDate } = {}): Promise<Record<string, NoticeStepOutcome[]>> {
  const programmes = await collections.programmes().get();
  const all: Record<string, NoticeStepOutcome[]> = {};
  for (const p of programmes.docs) all[p.id] = await runNoticeCycle(deps, { programmeId: p.id, asOf: options.asOf });
  return all;
}
