// The report's attachments, PDFs and images viewable in the page, each opened through the audited download (a fresh single-use link per
// click; the fetch is recorded in the document's audit trail).
import { documentKindWords } from "@domain/words";
import { Table, Typography } from "antd";
import { formatInstant } from "../../shared/dates";
import { DocumentLink } from "../../shared/DocumentLink";
import { DocumentViewer } from "../../shared/DocumentViewer";
import { t } from "../../shared/strings";
import type { ReviewSources } from "./useReportReview";

const s = t.review;
type Doc = ReviewSources["documents"][number];

export function ReviewDocuments({ programmeId, documents }: { programmeId: string; documents: Doc[] }) {
  return (
    <section aria-label={s.documentsTitle}>
      <Typography.Title level={5}>{s.documentsTitle}</Typography.Title>
      <Table<Doc>
        data-testid="review-documents"
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={documents}
        locale={{ emptyText: s.noDocuments }}
        columns={[
          { title: s.fileName, dataIndex: "fileName" },
          { title: s.documentKind, render: (_, d) => documentKindWords[d.kind] },
          { title: s.uploadedAt, render: (_, d) => formatInstant(d.uploadedAt) },
          {
            title: t.common.actions,
            render: (_, d) => (
              <>
                <DocumentViewer programmeId={programmeId} documentId={d.id} fileName={d.fileName} contentType={d.contentType} />
                <DocumentLink programmeId={programmeId} documentId={d.id} label={d.fileName} />
              </>
            ),
          },
        ]}
      />
    </section>
  );
}
