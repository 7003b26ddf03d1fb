// 执行本期关账 states its consequences before it commits: the button first asks the server for a
// dry run (nothing is written), then shows what the close would do — the ranking frozen, how many
// units, which proposals and interview listings — and runs the close only after confirmation. It
// is offered only while the period is not closed; the server refuses anyone but an administrator,
// a day after today, or a period not yet due, and the person sees that refusal in Chinese.
import type { PeriodClosePlan } from "@domain/jobs";
import type { PolicyPack } from "@domain/policy/schema";
import { proceedingKindsOf } from "@domain/procedureKinds";
import { periodWord, rankingBasisWords } from "@domain/words";
import { Button } from "antd";
import { call } from "../data/callables";
import { t } from "../shared/strings";
import { useConfirmedRun } from "./useConfirmedRun";

const s = t.evaluations;

/** The close's consequences in the pack's own procedures: 通报批评 and the interview list only where the regulation has them. */
function consequences(plan: PeriodClosePlan | undefined, pack: PolicyPack): string {
  if (!plan) return s.closeNothingDue;
  const count = (kind: string) => plan.candidates.filter((c) => c.proceeding === kind).length;
  const clause = pack.clauses.ranking;
  // DG-9.2: the lagging units are listed only on a final ranking, so while evaluations await approval the list comes later.
  const interviews = !clause ? undefined : plan.awaitingApproval > 0 ? s.closeInterviewsLater(plan.awaitingApproval, clause) : s.closeInterviews(rankingBasisWords[pack.ranking.basis], plan.interviews.length, clause);
  return s.closeConsequences({
    workGroup: pack.workGroupName,
    units: plan.units,
    criticisms: proceedingKindsOf(pack).includes("criticism") ? count("criticism") : undefined,
    clearOuts: count("clearOut"),
    interviews,
  });
}

export function ClosePeriodButton({ programmeId, periodId, pack, onDone }: { programmeId: string; periodId: string; pack: PolicyPack; onDone: () => void }) {
  const { busy, ask } = useConfirmedRun(
    async () => {
      const answer = await call("runPeriodClose", { programmeId, periodId, dryRun: true });
      const plan = answer.dryRun ? answer.periods.find((p) => p.periodId === periodId) : undefined;
      return { title: s.closeConfirmTitle(periodWord(periodId)), content: consequences(plan, pack), okText: s.closePeriod, canRun: plan !== undefined };
    },
    // What the close did: the units processed, the proposals made, and any record it could not
    // read (skipped and named, not a failed run).
    async () => {
      const answer = await call("runPeriodClose", { programmeId, periodId });
      const run = answer.dryRun ? undefined : answer.runs.find((r) => r.periodId === periodId);
      const content = (
        <div data-testid="close-outcome">
          <p>{run ? s.closedOutcome(run.processed, run.proposed, pack.workGroupName) : s.closeNothingDone}</p>
          {answer.skipped.length > 0 && <p>{s.closedSkipped(answer.skipped.length)}</p>}
          {!answer.dryRun && answer.stoppedEarly && <p>{s.closedStoppedEarly}</p>}
        </div>
      );
      return { title: s.closedTitle(periodWord(periodId)), content };
    },
    onDone,
  );
  return (
    <Button size="small" danger loading={busy} onClick={ask}>
      {s.closePeriod}
    </Button>
  );
}
