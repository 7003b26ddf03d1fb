// An irreversible job run by hand (period close, notice cycle) asks the server for a dry run
// first, shows what it would do and runs only after confirmation, then shows what it did. The
// two buttons differ only in what they ask and how they word it; this is the flow they share.
import { App } from "antd";
import { useState, type ReactNode } from "react";
import { errorText } from "../shared/errorText";
import { t } from "../shared/strings";

export interface Plan {
  title: string;
  content: ReactNode;
  /** The confirm button's words; it is disabled when the run would do nothing. */
  okText: string;
  canRun: boolean;
}

export function useConfirmedRun(preview: () => Promise<Plan>, run: () => Promise<{ title: string; content: ReactNode }>, onDone: () => void) {
  const { message, modal } = App.useApp();
  const [busy, setBusy] = useState(false);

  async function runAndSay() {
    const outcome = await run();
    modal.success({ ...outcome, okText: t.common.ok });
    onDone();
  }

  async function ask() {
    setBusy(true);
    try {
      const plan = await preview();
      modal.confirm({
        title: plan.title,
        content: plan.content,
        okText: plan.okText,
        okButtonProps: { danger: true, disabled: !plan.canRun },
        cancelText: t.common.cancel,
        onOk: () => runAndSay().catch((err) => message.error(errorText(err))),
      });
    } catch (err) {
      message.error(errorText(err));
    } finally {
      setBusy(false);
    }
  }

  return { busy, ask };
}
