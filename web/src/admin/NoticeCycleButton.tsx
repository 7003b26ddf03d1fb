// 立即执行公示开启/结束 publishes list versions, which cannot be undone: the button first asks the
// server for a dry run (nothing is written) and says what the run would open, close, publish and
// withdraw, and which notices cannot end yet and why; it runs only after confirmation, then says
// what it did. The server refuses a day after today and anyone not staff of the programme.
import type { NoticeStepOutcome } from "@domain/jobs";
import { Button } from "antd";
import { doc, getDoc } from "firebase/firestore";
import { call } from "../data/callables";
import { collections } from "../data/collections";
import { t } from "../shared/strings";
import { useConfirmedRun } from "./useConfirmedRun";

const s = t.notices;

/** How many notices open and close, and how many items are published or withdrawn. */
function counts(outcomes: NoticeStepOutcome[]) {
  const closed = outcomes.filter((o) => o.outcome === "closed");
  return {
    opened: outcomes.filter((o) => o.outcome === "opened").length,
    closed: closed.length,
    published: closed.reduce((n, o) => n + (o.published?.length ?? 0), 0),
    withdrawn: closed.reduce((n, o) => n + (o.withdrawn?.length ?? 0), 0),
  };
}

/** The notices due but refused (objections still pending, ...), each with the server's reason. */
function Blocked({ outcomes, titles }: { outcomes: NoticeStepOutcome[]; titles: Record<string, string> }) {
  const refused = outcomes.filter((o) => o.outcome === "refused");
  if (refused.length === 0) return null;
  return (
    <>
      <p>{s.cycleBlocked(refused.length)}</p>
      <ul>
        {refused.map((o) => (
          <li key={o.noticeId}>{titles[o.noticeId] ? s.cycleBlockedItem(titles[o.noticeId]!, o.message ?? "") : o.message}</li>
        ))}
      </ul>
    </>
  );
}

/** The titles of the notices the run could not end, so each is named, not numbered. */
async function titlesOf(programmeId: string, outcomes: NoticeStepOutcome[]): Promise<Record<string, string>> {
  const refused = outcomes.filter((o) => o.outcome === "refused");
  const snaps = await Promise.all(refused.map((o) => getDoc(doc(collections.notices(programmeId), o.noticeId))));
  return Object.fromEntries(snaps.filter((d) => d.exists()).map((d) => [d.id, d.data()!.title]));
}

export function NoticeCycleButton({ programmeId, asOf, onDone }: { programmeId: string; asOf: string; onDone: () => void }) {
  const { busy, ask } = useConfirmedRun(
    async () => {
      const { outcomes } = await call("runNoticeCycle", { programmeId, asOf, dryRun: true });
      const titles = await titlesOf(programmeId, outcomes);
      const c = counts(outcomes);
      const anything = c.opened + c.closed > 0;
      const content = (
        <div data-testid="cycle-plan">
          <p>{anything ? s.cyclePlan(c.opened, c.closed, c.published, c.withdrawn) : s.cycleNothing}</p>
          <Blocked outcomes={outcomes} titles={titles} />
        </div>
      );
      return { title: s.cycleConfirmTitle, content, okText: s.runCycle, canRun: anything };
    },
    async () => {
      const { outcomes } = await call("runNoticeCycle", { programmeId, asOf });
      const titles = await titlesOf(programmeId, outcomes);
      const c = counts(outcomes);
      const skipped = outcomes.filter((o) => o.outcome === "skipped").length;
      const content = (
        <div data-testid="cycle-outcome">
          <p>{s.cycleDone(c.opened, c.closed, c.published, c.withdrawn)}</p>
          <Blocked outcomes={outcomes} titles={titles} />
          {skipped > 0 && <p>{s.cycleSkipped(skipped)}</p>}
        </div>
      );
      return { title: s.cycleDoneTitle, content };
    },
    onDone,
  );
  return (
    <Button size="small" loading={busy} onClick={ask}>
      {s.runCycle}
    </Button>
  );
}
