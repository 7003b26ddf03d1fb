// Staff produce a decision's formal document (决定文书) as a PDF and download it: the server
// renders it from the decision's facts (issueDecisionDocument) and stores it as a version; the
// download is the ordinary single-use, audited link. The same facts give the same file, so a
// second click downloads the same version.
import { decisionDocumentTitles, type DecisionDocumentKind } from "@domain/decisionDocuments";
import { Alert, Button, Space, Typography } from "antd";
import type { SizeType } from "antd/es/config-provider/SizeContext";
import { useState } from "react";
import { call } from "../data/callables";
import { errorText } from "../shared/errorText";
import { t } from "../shared/strings";

const s = t.decisionDocuments;

export function DecisionDocuments({ programmeId, subjectId, kinds }: { programmeId: string; subjectId: string; kinds: readonly DecisionDocumentKind[] }) {
  if (kinds.length === 0) return null;
  return (
    <div data-testid="decision-documents">
      <Typography.Text strong>{s.section}</Typography.Text>
      <Space direction="vertical" style={{ width: "100%", marginTop: 8 }}>
        {kinds.map((k) => (
          <DecisionDocumentButton key={k} programmeId={programmeId} subjectId={subjectId} kind={k} />
        ))}
      </Space>
    </div>
  );
}

/** One document's button (and its outcome); also used on its own, e.g. beside a published list version. */
export function DecisionDocumentButton({ programmeId, subjectId, kind, size }: { programmeId: string; subjectId: string; kind: DecisionDocumentKind; size?: SizeType }) {
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ ok: true; text: string; url: string; sha256: string } | { ok: false; text: string } | null>(null);
  async function run() {
    setBusy(true);
    setResult(null);
    try {
      const issued = await call("issueDecisionDocument", { programmeId, kind, subjectId });
      const { url } = await call("getDocumentDownload", { programmeId, documentId: issued.documentId });
      const a = document.createElement("a");
      a.href = url;
      a.rel = "noopener";
      a.click();
      setResult({ ok: true, text: s.generated(issued.version, issued.created), url: issued.verificationUrl, sha256: issued.sha256 });
    } catch (err) {
      setResult({ ok: false, text: errorText(err) });
    } finally {
      setBusy(false);
    }
  }
  return (
    <>
      <Button onClick={run} loading={busy} {...(size ? { size } : {})}>
        {s.generate(decisionDocumentTitles[kind])}
      </Button>
      {result &&
        (result.ok ? (
          <Alert
            type="success"
            showIcon
            title={result.text}
            description={
              <>
                <div>
                  {s.verifyAt}：<a href={result.url} target="_blank" rel="noopener noreferrer">{result.url}</a>
                </div>
                <div style={{ wordBreak: "break-all" }}>
                  {s.sha256}：{result.sha256}
                </div>
              </>
            }
          />
        ) : (
          <Alert type="error" showIcon role="alert" title={result.text} />
        ))}
    </>
  );
}
