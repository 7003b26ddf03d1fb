// What the unit says about its progress: the explanation of any lag and its remedy (GZ-4.4a.3),
// and a line per pilot enterprise it serves (GZ-2.2.11), the enterprise by name.
import { Table, Typography } from "antd";
import { t } from "../../shared/strings";
import { NameOf } from "../names";
import type { ReviewedReport } from "./useReportReview";

const s = t.review;
const r = t.report;
type Progress = ReviewedReport["enterprises"][number];

export function LagExplanation({ report, clause }: { report: ReviewedReport; clause: string | null }) {
  return (
    <section aria-label={s.lagTitle}>
      <Typography.Title level={5}>{s.lagTitle}</Typography.Title>
      {clause && <Typography.Paragraph type="secondary">{s.lagRequired(clause)}</Typography.Paragraph>}
      <Typography.Paragraph data-testid="review-lag" style={{ whiteSpace: "pre-wrap" }}>
        {report.lagExplanation?.trim() || s.noLagExplanation}
      </Typography.Paragraph>
    </section>
  );
}

export function EnterpriseProgress({ programmeId, report }: { programmeId: string; report: ReviewedReport }) {
  const yesNo = (v: boolean) => (v ? s.yes : s.no);
  return (
    <section aria-label={s.enterprisesTitle}>
      <Typography.Title level={5}>{s.enterprisesTitle}</Typography.Title>
      <Table<Progress>
        rowKey="enterpriseId"
        size="small"
        pagination={false}
        dataSource={report.enterprises}
        locale={{ emptyText: s.noEnterprises }}
        columns={[
          { title: r.enterprise, render: (_, e) => <NameOf programmeId={programmeId} kind="enterprises" id={e.enterpriseId} /> },
          { title: r.contractSigned, render: (_, e) => yesNo(e.contractSigned) },
          { title: r.diagnosisDone, render: (_, e) => yesNo(e.diagnosisDone) },
          { title: r.levelAfter, render: (_, e) => (e.levelAfter ? r.level(e.levelAfter) : "—") },
          { title: r.progress, dataIndex: "progress" },
        ]}
      />
    </section>
  );
}
