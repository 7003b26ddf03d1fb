// The notice cycle (GZ-4.6.3, DG-14): every notice due by a day (store `findNoticesDue`), each
// stepped in its own transaction (usecases/stepNotice). Run daily by the scheduled job for every
// programme, and by staff for their programme on any day.
import { shanghaiDate, type IsoDate } from "../domain/dates.js";
import type { Actor } from "../domain/schemas/index.js";
import { systemActor } from "../store/audit.js";
import { collections } from "../store/collections.js";
import { findNoticesDue } from "../store/notices.js";
import type { Deps } from "./deps.js";
import { stepNotice, type NoticeStepOutcome } from "./stepNotice.js";

const job = "noticeCycle";

export interface NoticeCycleInput {
  programmeId: string;
  /** The day the cycle acts for; today in Asia/Shanghai when absent. */
  asOf?: IsoDate;
}

/** One programme: every due notice. Everything the run writes carries the one instant it started at. */
export async function runNoticeCycle(deps: Deps, input: NoticeCycleInput, actor: Actor = systemActor(job)): Promise<NoticeStepOutcome[]> {
  const now = deps.clock();
  const atStart: Deps = { ...deps, clock: () => now };
  const asOf = input.asOf ?? shanghaiDate(now);
  const outcomes: NoticeStepOutcome[] = [];
  for (const noticeId of await findNoticesDue(input.programmeId, asOf)) {
    const at = { programmeId: input.programmeId, noticeId, asOf };
    // A notice due for both opening and closing (the job was down) takes both steps, in order.
    let step = await stepNotice(atStart, at, actor);
    if (step.outcome === "opened") {
      const second = await stepNotice(atStart, at, actor);
      if (second.outcome !== "nothing") step = second;
    }
    outcomes.push(step);
  }
  return outcomes;
}

/** The scheduled run: every programme, as the system. */
export async function runNoticeCycleForAll(deps: Deps, options: { asOf?: IsoDate } = {}): Promise<Record<string, NoticeStepOutcome[]>> {
  const programmes = await collections.programmes().get();
  const all: Record<string, NoticeStepOutcome[]> = {};
  for (const p of programmes.docs) all[p.id] = await runNoticeCycle(deps, { programmeId: p.id, asOf: options.asOf });
  return all;
}
