// The application's documents as the reviewer's checklist: each document the pack requires (with
// its clause and whether it must be stamped), the current version of each, and what is missing
// or stale. Each file opens through the audited download.
import { documentKindWords } from "@domain/words";
import { Alert, List, Space, Table, Tag, Typography } from "antd";
import type { DocumentCheck } from "../../../data/callables";
import { formatDate, formatInstant } from "../../../shared/dates";
import { DocumentLink } from "../../../shared/DocumentLink";
import { DocumentViewer } from "../../../shared/DocumentViewer";
import { t } from "../../../shared/strings";

const s = t.changeReview;
type Requirement = DocumentCheck["requirements"][number];

export function ChangeDocuments({ programmeId, check }: { programmeId: string; check: DocumentCheck }) {
  // Files attached beyond the required slots (the application letter, minutes, others).
  const others = check.current.filter((c) => !check.requirements.some((r) => r.present.some((p) => p.documentId === c.documentId)));
  return (
    <section aria-label={s.documentsTitle}>
      <Typography.Title level={5}>{s.documentsTitle}</Typography.Title>
      <Table<Requirement>
        data-testid="change-documents"
        size="small"
        pagination={false}
        rowKey="label"
        dataSource={check.requirements}
        locale={{ emptyText: s.noRequirements }}
        columns={[
          { title: s.required, render: (_, r) => `${r.label}（${r.clause}）` },
          { title: s.stampRule, render: (_, r) => (r.mustBeStamped ? s.mustBeStamped : "—") },
          {
            title: s.present,
            render: (_, r) =>
              r.present.length === 0 ? (
                <Tag color="red">{s.missing}</Tag>
              ) : (
                <Space direction="vertical" size={0}>
                  {r.present.map((d) => {
                    const meta = check.current.find((c) => c.documentId === d.documentId);
                    return (
                      <span key={d.documentId}>
                        {meta && <DocumentViewer programmeId={programmeId} documentId={d.documentId} fileName={meta.fileName} contentType={meta.contentType} />}
                        <DocumentLink programmeId={programmeId} documentId={d.documentId} label={meta?.fileName ?? documentKindWords[d.kind]} />
                        {` ${s.version(d.version)}`}
                        {d.stamped ? ` · ${s.stamped}` : ""}
                        {d.issuedOn ? ` · ${s.issuedOn(formatDate(d.issuedOn))}` : ""}
                        {meta ? ` · ${formatInstant(new Date(meta.uploadedAt))}` : ""}
                      </span>
                    );
                  })}
                </Space>
              ),
          },
          { title: s.problems, render: (_, r) => (r.problems.length ? r.problems.join("；") : <Tag color="green">{s.complete}</Tag>) },
        ]}
      />
      {check.flags.length > 0 && <Alert type="warning" showIcon style={{ marginTop: 8 }} title={<List size="small" dataSource={check.flags} renderItem={(f) => <List.Item>{f.message}</List.Item>} />} />}
      {others.length > 0 && (
        <Typography.Paragraph style={{ marginTop: 8 }}>
          {s.otherDocuments}
          {others.map((c) => (
            <span key={c.documentId} style={{ marginLeft: 8 }}>
              <DocumentViewer programmeId={programmeId} documentId={c.documentId} fileName={c.fileName} contentType={c.contentType} />
              <DocumentLink programmeId={programmeId} documentId={c.documentId} label={`${documentKindWords[c.kind]}：${c.fileName}`} />
            </span>
          ))}
        </Typography.Paragraph>
      )}
    </section>
  );
}
