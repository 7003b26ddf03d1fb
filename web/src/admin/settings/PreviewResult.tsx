// What previewSettings answered (GZ-3.4.2): the problems to fix first, the side-by-side diff with
// the version in force, and the what-if on a closed period — how many units change in each
// respect, and those units by name with their current and proposed result.
import { CHANGE_LABELS, type ChangeKind, type Outcome, type WhatIfRow } from "@domain/whatIf";
import { evaluationOutcomeWords, periodWord } from "@domain/words";
import { Alert, Card, Space, Table, Tag } from "antd";
import type { CallRequest, SettingsPreview } from "../../data/callables";
import { Problems } from "../../shared/Problems";
import { t } from "../../shared/strings";
import { ExportButton } from "../ExportButton";
import { NameOf } from "../names";

const s = t.settings;

/** `proposal` is the very request the preview answered: the export runs the same what-if again on the server. */
export function PreviewResult({ programmeId, preview, proposal }: { programmeId: string; preview: SettingsPreview; proposal: CallRequest<"previewSettings"> }) {
  return (
    <Space direction="vertical" style={{ width: "100%" }}>
      <Problems problems={preview.problems} title={s.problemsTitle} testId="settings-problems" />
      {preview.diff.length === 0 ? (
        <Alert type="info" showIcon title={s.noChange} />
      ) : (
        <Card size="small" title={s.diffTitle(preview.currentVersion)} data-testid="settings-diff">
          <Table
            size="small"
            rowKey="key"
            pagination={false}
            dataSource={preview.diff}
            columns={[
              { title: s.diffItem, dataIndex: "label" },
              { title: s.diffBefore, dataIndex: "before" },
              { title: s.diffAfter, dataIndex: "after" },
            ]}
          />
        </Card>
      )}
      {preview.whatIf && <WhatIf programmeId={programmeId} whatIf={preview.whatIf} exportRequest={{ ...proposal, whatIfPeriodId: preview.whatIf.periodId }} />}
    </Space>
  );
}

const outcomeText = (o: Outcome) => s.outcome(o.total, o.band, o.rank, o.passed ? evaluationOutcomeWords.passed : evaluationOutcomeWords.failed);

function WhatIf({ programmeId, whatIf, exportRequest }: { programmeId: string; whatIf: NonNullable<SettingsPreview["whatIf"]>; exportRequest: CallRequest<"exportWhatIf"> }) {
  const changed = whatIf.rows.filter((r) => r.changed.length > 0);
  const c = s.whatIfColumns;
  return (
    <Card size="small" title={s.whatIfTitle(periodWord(whatIf.periodId))} extra={<ExportButton size="small" fn="exportWhatIf" data={exportRequest} />} data-testid="settings-what-if">
      <Space wrap style={{ marginBottom: 8 }}>
        {(Object.keys(CHANGE_LABELS) as ChangeKind[]).map((k) => (
          <Tag key={k} color={whatIf.counts[k] > 0 ? "orange" : "default"}>
            {s.whatIfCount(CHANGE_LABELS[k], whatIf.counts[k])}
          </Tag>
        ))}
      </Space>
      {changed.length === 0 ? (
        <Alert type="info" showIcon title={s.whatIfNoChange} />
      ) : (
        <Table<WhatIfRow>
          size="small"
          rowKey="unitId"
          title={() => s.whatIfChangedTitle(changed.length, whatIf.rows.length)}
          pagination={{ pageSize: 10, hideOnSinglePage: true }}
          dataSource={changed}
          columns={[
            { title: c.unit, render: (_, r) => <NameOf programmeId={programmeId} id={r.unitId} /> },
            { title: c.current, render: (_, r) => outcomeText(r.current) },
            { title: c.proposed, render: (_, r) => outcomeText(r.proposed) },
            { title: c.changed, render: (_, r) => r.changed.map((k) => <Tag key={k}>{CHANGE_LABELS[k]}</Tag>) },
          ]}
        />
      )}
    </Card>
  );
}
