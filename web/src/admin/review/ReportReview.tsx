// The review screen of one submitted report, opened from the 待办 queue: everything the decision
// rests on — the submission's facts, the metrics against the period's pro-rata targets, the lag
// explanation, the enterprises' progress, the documents, earlier returns and the audit trail, the
// evaluation draft — and then the decision itself.
import { metricCounts } from "@domain/duties";
import type { MetricKey, ScoringModel } from "@domain/policy/schema";
import { packForPeriod } from "@domain/settings";
import { metricWords, periodWord } from "@domain/words";
import { Alert, Divider, Drawer, Space, Spin } from "antd";
import { doc } from "firebase/firestore";
import { collections } from "../../data/collections";
import { t } from "../../shared/strings";
import { NameOf } from "../names";
import type { ProgrammeView } from "../useProgramme";
import { useSettingsVersions } from "../settings/useSettingsVersions";
import { Decision } from "./Decision";
import { MetricsTable } from "./MetricsTable";
import { EnterpriseProgress, LagExplanation } from "./ProgressSection";
import { ReportFacts } from "./ReportFacts";
import { ReviewDocuments } from "./ReviewDocuments";
import { ReviewEvaluation } from "./ReviewEvaluation";
import { PriorReturns, ReportTrail } from "./ReviewHistory";
import { useEvaluation, useReport, useReviewSources, type ReviewedReport, type ReviewSources } from "./useReportReview";

const s = t.review;

/** The items of a report a reason can point at: its metrics (a duty only when the period's model scores it), the explanation, the enterprises, the documents. */
function returnFields(report: ReviewedReport, sources: ReviewSources, model: ScoringModel): string[] {
  const metrics = new Set([...Object.keys(sources.targets ?? {}), ...Object.keys(report.metrics)] as MetricKey[]);
  metrics.delete("reporting");
  metrics.delete("complaintsClosed");
  return [...[...metrics].filter((m) => metricCounts(m, model)).map((m) => metricWords[m]), s.lagTitle, s.otherFields.enterprises, s.otherFields.documents, s.otherFields.other];
}

function ReviewBody({ programme, reportId, onDecided }: { programme: ProgrammeView; reportId: string; onDecided: () => void }) {
  const p = programme.id;
  const { report, error } = useReport(p, reportId);
  const { sources, error: sourcesError } = useReviewSources(p, report);
  const evaluation = useEvaluation(p, report);
  const { versions } = useSettingsVersions(programme);
  if (error || sourcesError) return <Alert type="error" showIcon role="alert" title={s.loadFailed} description={error ?? sourcesError} />;
  if (report === null) return <Alert type="error" showIcon role="alert" title={s.loadFailed} />;
  if (report === undefined || sources === undefined || versions === null) return <Spin />;
  // The period is judged with the settings in force for it (the lag threshold among them).
  const periodPack = packForPeriod(programme.pack, versions, report.periodId);
  return (
    <Space direction="vertical" size="large" style={{ width: "100%" }} data-testid="report-review">
      <ReportFacts programmeId={p} report={report} period={sources.period} />
      <MetricsTable periodId={report.periodId} targets={sources.targets} actuals={report.metrics} pack={periodPack} notes={report.dutyNotes} />
      <LagExplanation report={report} clause={programme.pack.clauses.progressLag} />
      <EnterpriseProgress programmeId={p} report={report} />
      <ReviewDocuments programmeId={p} documents={sources.documents} />
      <ReviewEvaluation evaluation={evaluation} />
      <PriorReturns report={report} />
      <ReportTrail programmeId={p} path={doc(collections.reports(p), reportId).path} />
      <Divider />
      <Decision programmeId={p} reportId={reportId} report={report} fields={returnFields(report, sources, periodPack.scoring)} onDecided={onDecided} />
    </Space>
  );
}

/** The review in a drawer over the queue; `report` is the queue row that opened it. */
export function ReportReview({ programme, report, onClose, onDecided }: { programme: ProgrammeView; report: { id: string; unitId: string; periodId: string } | null; onClose: () => void; onDecided: () => void }) {
  return (
    <Drawer
      open={report !== null}
      onClose={onClose}
      width={960}
      destroyOnHidden
      title={
        report && (
          <span>
            {s.title}：<NameOf programmeId={programme.id} id={report.unitId} /> · {periodWord(report.periodId)}
          </span>
        )
      }
    >
      {report && <ReviewBody programme={programme} reportId={report.id} onDecided={onDecided} />}
    </Drawer>
  );
}
