// The bureau's choices as editable fields (GZ-3.4.2): pass mark, bands, each dimension's weight and
// each part's points, the lengths with their unit, the lowest-ranked count, the review rhythm and
// the credit-report age, and how far behind the pro-rata target counts as lagging (GZ-4.4a.3),
// typed as a percentage and kept as a fraction. A value the regulation fixes (the pack's
// `fixedSettings`) is shown but cannot be changed, with its clause; a reviewer sees every field read-only.
import type { PeriodLength, PolicyPack } from "@domain/policy/schema";
import { SETTING_LABELS, type SettingKey, type SettingsValues } from "@domain/settings";
import { deadlineUnitWords, reviewBatchWords } from "@domain/words";
import { Form, InputNumber, Select, Space } from "antd";
import { t } from "../../shared/strings";
import { FixedTag, fractionTyped, percentShown, shown, typed } from "./fields";
import { ScoringEditor } from "./ScoringEditor";

const s = t.settings;
const UNIT_OPTIONS = Object.entries(deadlineUnitWords).map(([value, label]) => ({ value, label }));
const BATCH_OPTIONS = Object.entries(reviewBatchWords).map(([value, label]) => ({ value, label }));

function LengthField({ id, label, value, onChange, disabled }: { id: string; label: string; value: PeriodLength; onChange: (v: PeriodLength) => void; disabled: boolean }) {
  return (
    <Space.Compact>
      <InputNumber id={id} aria-label={s.lengthOf(label)} min={0} precision={0} value={shown(value.length)} disabled={disabled} onChange={(v) => onChange({ ...value, length: typed(v) })} />
      <Select aria-label={s.unitOf(label)} style={{ width: 100 }} value={value.unit} disabled={disabled} options={UNIT_OPTIONS} onChange={(unit) => onChange({ ...value, unit })} />
    </Space.Compact>
  );
}

export function SettingsEditor({ pack, values, onChange, editable }: { pack: PolicyPack; values: SettingsValues; onChange: (v: SettingsValues) => void; editable: boolean }) {
  const fixed = pack.fixedSettings as Partial<Record<SettingKey, string>>;
  const locked = (key: SettingKey) => !editable || fixed[key] !== undefined;
  const set = <K extends SettingKey>(key: K, v: SettingsValues[K]) => onChange({ ...values, [key]: v });
  const item = (key: SettingKey, control: React.ReactNode) => (
    <Form.Item key={key} label={SETTING_LABELS[key]} htmlFor={`setting-${key}`} extra={<FixedTag clause={fixed[key]} />}>
      {control}
    </Form.Item>
  );
  return (
    <Form layout="vertical" component="div">
      <ScoringEditor scoring={values.scoring} onChange={(v) => set("scoring", v)} disabled={locked("scoring")} fixedClause={fixed.scoring} pack={pack} />
      <Space wrap size="large" align="start">
        {(["reportDeadline", "evaluationWindow", "notice", "rectification"] as const).map((key) => item(key, <LengthField id={`setting-${key}`} label={SETTING_LABELS[key]} value={values[key] ?? pack[key]} disabled={locked(key)} onChange={(v) => set(key, v)} />))}
        {item("lowestRankedCount", <InputNumber id="setting-lowestRankedCount" min={0} precision={0} value={shown(values.lowestRankedCount)} disabled={locked("lowestRankedCount")} onChange={(v) => set("lowestRankedCount", typed(v))} />)}
        {item("reviewBatch", <Select id="setting-reviewBatch" style={{ width: 120 }} value={values.reviewBatch} options={BATCH_OPTIONS} disabled={locked("reviewBatch")} onChange={(v) => set("reviewBatch", v)} />)}
        {item("progressLagFraction", <InputNumber id="setting-progressLagFraction" min={0} max={100} step={5} suffix={t.common.percent} value={percentShown(values.progressLagFraction ?? pack.thresholds.progressLagFraction)} disabled={locked("progressLagFraction")} onChange={(v) => set("progressLagFraction", fractionTyped(v))} />)}
        {item("creditReportFreshnessDays", <InputNumber id="setting-creditReportFreshnessDays" min={1} precision={0} value={shown(values.creditReportFreshnessDays)} disabled={locked("creditReportFreshnessDays")} onChange={(v) => set("creditReportFreshnessDays", typed(v))} />)}
      </Space>
    </Form>
  );
}
