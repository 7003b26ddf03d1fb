// The facts of a submission the decision starts from: whose report, which period, when it came,
// against which deadline, and whether it came late or incomplete — each flag with what it means.
import { deadlineWord, nouns, periodWord, stateWords } from "@domain/words";
import { Descriptions, Space, Tag, Typography } from "antd";
import { formatDate } from "../../shared/dates";
import { t } from "../../shared/strings";
import { NameOf } from "../names";
import type { ReviewedReport, ReviewSources } from "./useReportReview";

const s = t.review;

/** A period may carry the day its evaluation closes; shown when it does. */
const evaluationCloseOn = (period: ReviewSources["period"]) => (period as { evaluationCloseOn?: string } | null)?.evaluationCloseOn;

function Flags({ report }: { report: ReviewedReport }) {
  if (!report.late && !report.incomplete) return <Tag color="green">{s.onTime}</Tag>;
  return (
    <Space direction="vertical" size={4}>
      {report.late && (
        <span>
          <Tag color="red">{s.late}</Tag>
          <Typography.Text>{s.lateMeaning}</Typography.Text>
        </span>
      )}
      {report.incomplete && (
        <span>
          <Tag color="orange">{s.incomplete}</Tag>
          <Typography.Text>{s.incompleteMeaning(report.missingFields.join("、"))}</Typography.Text>
        </span>
      )}
    </Space>
  );
}

export function ReportFacts({ programmeId, report, period }: { programmeId: string; report: ReviewedReport; period: ReviewSources["period"] }) {
  const closeOn = evaluationCloseOn(period);
  return (
    <Descriptions title={s.factsTitle} size="small" bordered column={2} data-testid="review-facts">
      <Descriptions.Item label={nouns.unit}>
        <NameOf programmeId={programmeId} id={report.unitId} />
      </Descriptions.Item>
      <Descriptions.Item label={nouns.period}>{periodWord(report.periodId)}</Descriptions.Item>
      <Descriptions.Item label={s.submittedOn}>{report.submittedOn ? formatDate(report.submittedOn) : s.notSubmitted}</Descriptions.Item>
      <Descriptions.Item label={s.deadline}>{period ? deadlineWord(period) : "—"}</Descriptions.Item>
      <Descriptions.Item label={nouns.state}>{stateWords.report[report.state]}</Descriptions.Item>
      {closeOn && <Descriptions.Item label={s.evaluationCloseOn}>{formatDate(closeOn)}</Descriptions.Item>}
      <Descriptions.Item label={s.flags} span={2}>
        <Flags report={report} />
      </Descriptions.Item>
    </Descriptions>
  );
}
