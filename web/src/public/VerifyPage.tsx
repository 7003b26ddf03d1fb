// /verify?d=<id>: the public verification page of a decision document (决定文书). It shows what
// the record says — title, issuing programme, issue date, SHA-256 — and compares a PDF the person
// drops here with it: the digest is computed in the browser (SubtleCrypto), the file is not sent.
import { Alert, Card, Descriptions, Spin, Typography, Upload } from "antd";
import { doc, getDoc } from "firebase/firestore";
import { useEffect, useState } from "react";
import { collections, type Stored } from "../data/collections";
import { formatDate } from "../shared/dates";
import { errorText } from "../shared/errorText";
import { t } from "../shared/strings";

const s = t.decisionDocuments;
type Record_ = Omit<Stored<"verifications">, "id">;

async function sha256Hex(file: Blob): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", await file.arrayBuffer());
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("");
}

export default function VerifyPage() {
  const id = new URLSearchParams(window.location.search).get("d") ?? "";
  const [record, setRecord] = useState<Record_ | null | undefined>(undefined);
  const [error, setError] = useState<string | null>(null);
  const [check, setCheck] = useState<{ name: string; digest: string } | null>(null);

  useEffect(() => {
    if (!/^[0-9a-f]{32}$/.test(id)) return;
    getDoc(doc(collections.verifications(), id)).then(
      (snap) => setRecord(snap.exists() ? snap.data() : null),
      (err: unknown) => setError(errorText(err)),
    );
  }, [id]);

  if (!/^[0-9a-f]{32}$/.test(id)) return <Alert type="warning" showIcon title={s.missingId} style={{ maxWidth: 720, margin: "32px auto" }} />;
  if (error) return <Alert type="error" showIcon role="alert" title={error} style={{ maxWidth: 720, margin: "32px auto" }} />;
  if (record === undefined) return <Spin style={{ display: "block", margin: "48px auto" }} />;
  if (record === null) return <Alert type="error" showIcon role="alert" title={s.notFound} style={{ maxWidth: 720, margin: "32px auto" }} />;

  const matches = check !== null && check.digest === record.sha256;
  return (
    <Card title={s.verifyTitle} style={{ maxWidth: 760, margin: "32px auto" }}>
      <Typography.Paragraph>{s.verifyIntro}</Typography.Paragraph>
      <Descriptions column={1} bordered size="small" data-testid="verification-record">
        <Descriptions.Item label={s.title}>{record.title}</Descriptions.Item>
        <Descriptions.Item label={s.programme}>{record.programmeName}</Descriptions.Item>
        <Descriptions.Item label={s.issuedOn}>{formatDate(record.issuedOn)}</Descriptions.Item>
        <Descriptions.Item label={s.sha256}>
          <Typography.Text code style={{ wordBreak: "break-all" }}>
            {record.sha256}
          </Typography.Text>
        </Descriptions.Item>
      </Descriptions>
      <Upload.Dragger
        style={{ marginTop: 16 }}
        accept="application/pdf,.pdf"
        multiple={false}
        showUploadList={false}
        beforeUpload={(file) => {
          sha256Hex(file).then((digest) => setCheck({ name: file.name, digest }), (err: unknown) => setError(errorText(err)));
          return false;
        }}
      >
        <p>{s.drop}</p>
      </Upload.Dragger>
      {check && (
        <Alert
          style={{ marginTop: 16 }}
          type={matches ? "success" : "error"}
          showIcon
          role="status"
          data-testid="verification-result"
          title={matches ? s.match : s.mismatch}
          description={<span style={{ wordBreak: "break-all" }}>{s.fileDigest(check.name, check.digest)}</span>}
        />
      )}
    </Card>
  );
}
