// 执行本期关账 states its consequences before it commits: the button first asks the server for a
// dry run (nothing is written), then shows what the close would do — the ranking frozen, how many
// units, which proposals and interview listings — and runs the close only after confirmation. It
// is offered only while the period is not closed; the server refuses anyone but an administrator,
// a day after today, or a period not yet due, and the person sees that refusal in Chinese.
import type { PeriodClosePlan } from "@domain/jobs";
import { periodWord } from "@domain/words";
import { App, Button } from "antd";
import { useState } from "react";
import { call } from "../data/callables";
import { errorText } from "../shared/errorText";
import { t } from "../shared/strings";

const s = t.evaluations;

function consequences(plan: PeriodClosePlan | undefined, workGroup: string): string {
  if (!plan) return s.closeNothingDue;
  const criticisms = plan.candidates.filter((c) => c.proceeding === "criticism").length;
  const clearOuts = plan.candidates.filter((c) => c.proceeding === "clearOut").length;
  return s.closeConsequences(workGroup, plan.units, criticisms, clearOuts, plan.interviews.length);
}

export function ClosePeriodButton({ programmeId, periodId, workGroup, onDone }: { programmeId: string; periodId: string; workGroup: string; onDone: () => void }) {
  const { message, modal } = App.useApp();
  const [busy, setBusy] = useState(false);

  async function close() {
    await call("runPeriodClose", { programmeId, periodId });
    message.success(t.common.done(s.closePeriod));
    onDone();
  }

  async function preview() {
    setBusy(true);
    try {
      const answer = await call("runPeriodClose", { programmeId, periodId, dryRun: true });
      const plan = answer.dryRun ? answer.periods.find((p) => p.periodId === periodId) : undefined;
      modal.confirm({
        title: s.closeConfirmTitle(periodWord(periodId)),
        content: consequences(plan, workGroup),
        okText: s.closePeriod,
        okButtonProps: { danger: true, disabled: !plan },
        cancelText: t.common.cancel,
        onOk: () => close().catch((err) => message.error(errorText(err))),
      });
    } catch (err) {
      message.error(errorText(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Button size="small" danger loading={busy} onClick={preview}>
      {s.closePeriod}
    </Button>
  );
}
