import { App, Button, Input, Modal } from "antd";
import { useState } from "react";
import { call, type CallableName, type CallRequest } from "../data/callables";
import { errorText } from "../shared/errorText";
import { t } from "../shared/strings";

/**
 * A staff action that calls a function; asks for a reason first when `reason` is set (the reason
 * fills the request field it names). The server's Chinese answer (including "already decided by
 * someone else") is shown as it is.
 */
export function ActionButton<N extends CallableName, F extends keyof CallRequest<N> & string = never>({
  label,
  fn,
  data,
  reason,
  danger,
  onDone,
}: {
  label: string;
  fn: N;
  data: Omit<CallRequest<N>, F>;
  reason?: { field: F; title: string };
  danger?: boolean;
  onDone?: () => void;
}) {
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [text, setText] = useState("");
  const [busy, setBusy] = useState(false);

  async function run(extra: Record<string, string> = {}) {
    setBusy(true);
    try {
      await call(fn, { ...data, ...extra } as CallRequest<N>);
      message.success(t.common.done(label));
      setOpen(false);
      onDone?.();
    } catch (err) {
      message.error(errorText(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <Button size="small" danger={danger} loading={busy && !open} onClick={() => (reason ? setOpen(true) : run())}>
        {label}
      </Button>
      {reason && (
        <Modal title={reason.title} open={open} okText={t.common.ok} cancelText={t.common.cancel} confirmLoading={busy} onOk={() => run({ [reason.field]: text })} onCancel={() => setOpen(false)}>
          <Input.TextArea aria-label={reason.title} rows={3} value={text} onChange={(e) => setText(e.target.value)} />
        </Modal>
      )}
    </>
  );
}
