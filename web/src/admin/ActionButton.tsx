import { App, Button, Input, Modal } from "antd";
import { useState } from "react";
import { call, errorText } from "../shared/call";

/**
 * A staff action that calls a function; asks for a reason first when `reason` is set. The
 * server's Chinese answer (including "already decided by someone else") is shown as it is.
 */
export function ActionButton({ label, fn, data, reason, danger, onDone }: { label: string; fn: string; data: Record<string, unknown>; reason?: { field: string; title: string }; danger?: boolean; onDone?: () => void }) {
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [text, setText] = useState("");
  const [busy, setBusy] = useState(false);

  async function run(extra: Record<string, unknown> = {}) {
    setBusy(true);
    try {
      await call(fn, { ...data, ...extra });
      message.success(`${label}：已完成`);
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
        <Modal title={reason.title} open={open} okText="确定" cancelText="取消" confirmLoading={busy} onOk={() => run({ [reason.field]: text })} onCancel={() => setOpen(false)}>
          <Input.TextArea aria-label={reason.title} rows={3} value={text} onChange={(e) => setText(e.target.value)} />
        </Modal>
      )}
    </>
  );
}
