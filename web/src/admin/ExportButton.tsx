// Staff exports (ranking and evaluations, published lists, a settings what-if) come back from a callable as an Excel
// workbook in base64; the browser saves it under the server's Chinese file name. The button
// shows that the workbook is being generated, then the file saved and its rows, or any refusal as
// the server's sentence.
import { Alert, App, Button } from "antd";
import { useState } from "react";
import { call, type CallRequest } from "../data/callables";
import { errorText } from "../shared/errorText";
import { t } from "../shared/strings";

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

export function saveBase64(fileName: string, contentBase64: string, type = XLSX) {
  const bytes = Uint8Array.from(atob(contentBase64), (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type }));
  const a = document.createElement("a");
  a.href = url;
  a.download = fileName;
  a.click();
  // Revoke after the click has been handled, or some browsers save an empty file.
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

type Export = "exportPeriod" | "exportPublishedList" | "exportWhatIf";

export function ExportButton<N extends Export>({ fn, data, label = t.exports.excel, size }: { fn: N; data: CallRequest<N>; label?: string; size?: "small" | "middle" }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const { message } = App.useApp();
  async function run() {
    setBusy(true);
    setError(null);
    try {
      const { fileName, contentBase64, rows } = await call<Export>(fn, data);
      saveBase64(fileName, contentBase64);
      // Say what was saved, so the person knows where to look and that it is complete.
      message.success(t.exports.saved(fileName, rows));
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  }
  return (
    <>
      <Button size={size} onClick={run} loading={busy}>
        {busy ? t.exports.generating : label}
      </Button>
      {error && <Alert type="error" showIcon role="alert" title={error} />}
    </>
  );
}
