// What happened to the report before: how often it was returned and the last reasons given, and
// its audit trail (entries whose entity is the report's path).
import { List, Typography } from "antd";
import { t } from "../../shared/strings";
import { AuditTrail } from "../AuditTrail";
import type { ReviewedReport } from "./useReportReview";

const s = t.review;

export function PriorReturns({ report }: { report: ReviewedReport }) {
  const reasons = report.reviewReasons;
  return (
    <section aria-label={s.historyTitle}>
      <Typography.Title level={5}>{s.historyTitle}</Typography.Title>
      <Typography.Paragraph>{report.returnedCount > 0 ? s.returnedCount(report.returnedCount) : s.neverReturned}</Typography.Paragraph>
      {report.returnedCount > 0 && (reasons.length > 0 || report.reviewComment) && (
        <>
          <Typography.Text strong>{s.lastReturn}</Typography.Text>
          {reasons.length > 0 ? (
            <List size="small" dataSource={reasons} renderItem={(r) => <List.Item>{`${r.field}：${r.reason}`}</List.Item>} />
          ) : (
            <Typography.Paragraph>{report.reviewComment}</Typography.Paragraph>
          )}
        </>
      )}
    </section>
  );
}

export function ReportTrail({ programmeId, path }: { programmeId: string; path: string }) {
  return (
    <section aria-label={s.trailTitle}>
      <Typography.Title level={5}>{s.trailTitle}</Typography.Title>
      <AuditTrail programmeId={programmeId} entity={path} />
    </section>
  );
}
