// Each task-book metric against the share of its annual target due by the end of the period
// (GZ-4.4a.3: Q1 ¼ … Q4 all; the level-2 share is a share and is not pro-rated), the lagging ones
// marked by the one lag rule (laggingMetrics, with the pack's progressLagFraction) the portal's
// form, the submission trigger and the period close apply. The row figures (enterprises
// transformed, diagnoses, the level-2 share) are the counts the submission made from the rows.
// The optional duties (GZ-2.2.6–2.2.10, DG-6.5–6.8) appear only when the period's scoring model
// has them (duties.ts): a count of one it does not is not shown, as it decides nothing.
import { isDutyMetric, reportedMetrics } from "@domain/duties";
import { proRataWords } from "@domain/periods";
import type { DutyMetric, MetricKey, PolicyPack } from "@domain/policy/schema";
import { laggingMetrics, proRataTarget } from "@domain/reportChecks";
import type { MetricValues } from "@domain/scoring";
import { metricValueWord, metricWords } from "@domain/words";
import { Alert, Table, Tag, Typography } from "antd";
import { t } from "../../shared/strings";

const s = t.review;

const metricValue = metricValueWord;

interface Row {
  metric: MetricKey;
  annual?: number;
  due?: number;
  actual?: number;
  lagging: boolean;
}

function rowsOf(periodId: string, targets: MetricValues, actuals: MetricValues, pack: Pick<PolicyPack, "thresholds" | "scoring">): Row[] {
  const lagging = laggingMetrics(periodId, targets, actuals, pack);
  // Every metric the report asks (the configured duties even without a target), and any other core one it holds.
  const asked = reportedMetrics(targets, pack.scoring);
  const shown = [...asked, ...reportedMetrics({}, pack.scoring).filter((m) => !asked.includes(m) && !isDutyMetric(m) && actuals[m] !== undefined)];
  return shown.map((m) => {
    const annual = targets[m];
    const due = annual === undefined ? undefined : proRataTarget(m, annual, periodId);
    return { metric: m, annual, due, actual: actuals[m], lagging: lagging.includes(m) };
  });
}

function standing(r: Row) {
  if (r.actual === undefined) return <Tag color="orange">{s.notReported}</Tag>;
  if (r.annual === undefined) return <Tag>{s.noTarget}</Tag>;
  return r.lagging ? <Tag color="red">{s.lagging}</Tag> : <Tag color="green">{s.onTrack}</Tag>;
}

export function MetricsTable({ periodId, targets, actuals, pack, notes = {} }: { periodId: string; targets: MetricValues | null; actuals: MetricValues; pack: Pick<PolicyPack, "thresholds" | "scoring">; notes?: Partial<Record<DutyMetric, string>> }) {
  const rows = rowsOf(periodId, targets ?? {}, actuals, pack);
  const behind = rows.filter((r) => r.lagging).map((r) => metricWords[r.metric]);
  return (
    <section aria-label={s.metricsTitle(proRataWords(periodId))}>
      <Typography.Title level={5}>{s.metricsTitle(proRataWords(periodId))}</Typography.Title>
      {targets === null && <Alert type="warning" showIcon title={s.noTaskBook} style={{ marginBottom: 8 }} />}
      {targets !== null && <Alert type={behind.length ? "warning" : "success"} showIcon title={behind.length ? s.laggingSummary(behind.join("、")) : s.noneLagging} style={{ marginBottom: 8 }} />}
      <Table<Row>
        data-testid="review-metrics"
        rowKey="metric"
        size="small"
        pagination={false}
        dataSource={rows}
        rowClassName={(r) => (r.lagging ? "review-lagging" : "")}
        onRow={(r) => ({ style: r.lagging ? { background: "#fff1f0" } : undefined })}
        columns={[
          { title: s.metric, render: (_, r) => metricWords[r.metric] },
          { title: s.annualTarget, render: (_, r) => metricValue(r.metric, r.annual) },
          { title: s.dueTarget, render: (_, r) => metricValue(r.metric, r.due) },
          { title: s.actual, render: (_, r) => metricValue(r.metric, r.actual) },
          { title: s.standing, render: (_, r) => standing(r) },
          { title: s.dutyNote, render: (_, r) => (isDutyMetric(r.metric) ? notes[r.metric] || "—" : "") },
        ]}
      />
    </section>
  );
}
