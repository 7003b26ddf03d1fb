import { Alert, Button, Progress, Space } from "antd";
import { useId, useRef, useState } from "react";
import { ACCEPT_ATTR, precheck, uploadFile, type UploadTarget } from "../data/upload";
import { t } from "./strings";

/**
 * One labelled file input with a progress bar and a clear message on refusal. `prepare` runs
 * first, for a target that must exist before a file can be added to it (a report not yet saved).
 */
export function FileUpload({ label, target, onUploaded, prepare }: { label: string; target: UploadTarget; onUploaded: (documentId: string, fileName: string) => void; prepare?: () => Promise<void> }) {
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [percent, setPercent] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);

  async function onChange(file: File | undefined) {
    if (!file) return;
    setError(null);
    setDone(null);
    const reason = precheck(file);
    if (reason) return setError(reason);
    setPercent(0);
    try {
      await prepare?.();
      // The name as stored: the server gives it the extension of what the bytes really are.
      const { documentId, fileName } = await uploadFile(target, file, setPercent);
      setDone(fileName);
      onUploaded(documentId, fileName);
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setPercent(null);
      if (input.current) input.current.value = "";
    }
  }

  return (
    <Space direction="vertical" style={{ width: "100%" }}>
      <Space>
        <label htmlFor={id}>{label}</label>
        <input id={id} ref={input} type="file" accept={ACCEPT_ATTR} onChange={(e) => onChange(e.target.files?.[0])} aria-label={label} style={{ display: "none" }} />
        <Button onClick={() => input.current?.click()} disabled={percent !== null}>
          {t.upload.choose}
        </Button>
        {done && <span>{t.upload.uploaded(done)}</span>}
      </Space>
      {percent !== null && <Progress percent={percent} size="small" aria-label={t.upload.progress(label)} />}
      {error && <Alert type="error" showIcon title={error} role="alert" />}
    </Space>
  );
}
