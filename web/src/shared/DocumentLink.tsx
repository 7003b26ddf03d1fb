// Downloads one stored document. Each click asks for a fresh single-use link (the access check
// and the link record happen in getDocumentDownload; the fetch is the audited download) and lets
// the browser save the file under the name the server gives it, whose extension always matches
// the real type of the bytes.
import { Alert, Button } from "antd";
import { useState } from "react";
import { call } from "../data/callables";
import { errorText } from "./errorText";
import { t } from "./strings";

export function DocumentLink({ programmeId, documentId, label }: { programmeId: string; documentId: string; label: string }) {
  const [error, setError] = useState<string | null>(null);
  async function download() {
    setError(null);
    try {
      const { url } = await call("getDocumentDownload", { programmeId, documentId });
      const a = document.createElement("a");
      a.href = url;
      a.rel = "noopener";
      a.click();
    } catch (err) {
      setError(t.upload.downloadFailed(errorText(err)));
    }
  }
  return (
    <>
      <Button type="link" size="small" onClick={download} aria-label={t.upload.downloadNamed(label)}>
        {t.upload.download}
      </Button>
      {error && <Alert type="error" showIcon role="alert" title={error} />}
    </>
  );
}
