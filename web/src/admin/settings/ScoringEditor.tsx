// The scoring model's editable numbers (GZ-3.3, GZ-3.4.2): the pass mark, the bands (name and lower
// bound, from the top), and a table of each dimension's weight with the points of its parts.
// Which parts a dimension has stays the pack's: the bureau weighs the indicators, it does not
// invent new ones here — except the optional duties the regulation lists (GZ-2.2.6–2.2.10,
// DG-6.5–6.8; the pack's `duties`): the work group may add one to a dimension (it then appears in
// the units' report and is scored) or take it out again.
import { dutyClauses, isDutyMetric, packDuties } from "@domain/duties";
import type { DutyMetric, PolicyPack, ScoringModel, ScoringPart } from "@domain/policy/schema";
import { metricWords } from "@domain/words";
import { Button, Form, Input, InputNumber, Select, Space, Table, Typography } from "antd";
import { useState } from "react";
import { t } from "../../shared/strings";
import { FixedTag, shown, typed } from "./fields";

const s = t.settings;
type Props = { scoring: ScoringModel; onChange: (v: ScoringModel) => void; disabled: boolean };

const partLabel = (p: ScoringPart) => (p.kind === "metric" ? metricWords[p.metric] : `${p.label}${s.judged}`);

export function ScoringEditor({ scoring, onChange, disabled, fixedClause, pack }: Props & { fixedClause: string | undefined; pack: Pick<PolicyPack, "duties"> }) {
  return (
    <>
      <FixedTag clause={fixedClause} />
      <Form.Item label={s.passMark} htmlFor="setting-passMark">
        <InputNumber id="setting-passMark" min={0} max={100} value={shown(scoring.passMark)} disabled={disabled} onChange={(v) => onChange({ ...scoring, passMark: typed(v) })} />
      </Form.Item>
      <Form.Item label={s.bands}>
        <Bands scoring={scoring} onChange={onChange} disabled={disabled} />
      </Form.Item>
      <Form.Item label={s.weightTotal(scoring.dimensions.reduce((sum, d) => sum + (Number.isNaN(d.weight) ? 0 : d.weight), 0))}>
        <Dimensions scoring={scoring} onChange={onChange} disabled={disabled} />
      </Form.Item>
      {packDuties(pack).length > 0 && (
        <Form.Item label={s.addDutyTitle} extra={s.addDutyHelp}>
          <AddDuty scoring={scoring} onChange={onChange} disabled={disabled} pack={pack} />
        </Form.Item>
      )}
    </>
  );
}

function Bands({ scoring, onChange, disabled }: Props) {
  const bands = scoring.bands;
  const setBand = (i: number, patch: Partial<ScoringModel["bands"][number]>) => onChange({ ...scoring, bands: bands.map((b, j) => (j === i ? { ...b, ...patch } : b)) });
  const rows = bands.map((b, i) => ({ ...b, i }));
  return (
    <>
      <Table
        size="small"
        pagination={false}
        rowKey="i"
        dataSource={rows}
        columns={[
          { title: s.bandNameColumn, render: (_, b) => <Input aria-label={s.bandName(b.i + 1)} maxLength={20} value={b.label} disabled={disabled} onChange={(e) => setBand(b.i, { label: e.target.value })} style={{ width: 160 }} /> },
          { title: s.bandMinColumn, render: (_, b) => <InputNumber aria-label={s.bandMin(b.i + 1)} min={0} max={100} value={shown(b.min)} disabled={disabled} onChange={(v) => setBand(b.i, { min: typed(v) })} /> },
          {
            title: t.common.actions,
            render: (_, b) => (
              <Button size="small" disabled={disabled || bands.length <= 1} onClick={() => onChange({ ...scoring, bands: bands.filter((_, j) => j !== b.i) })}>
                {s.removeBand(b.i + 1)}
              </Button>
            ),
          },
        ]}
      />
      <Button size="small" style={{ marginTop: 8 }} disabled={disabled} onClick={() => onChange({ ...scoring, bands: [...bands, { label: "", min: 0 }] })}>
        {s.addBand}
      </Button>
    </>
  );
}

/** Adds one of the regulation's duties not yet scored to a dimension, with 1 point to be weighed. */
function AddDuty({ scoring, onChange, disabled, pack }: Props & { pack: Pick<PolicyPack, "duties"> }) {
  const used = new Set(scoring.dimensions.flatMap((d) => d.parts.flatMap((p) => (p.kind === "metric" ? [p.metric] : []))));
  const free = packDuties(pack).filter((m) => !used.has(m));
  const [metric, setMetric] = useState<DutyMetric | undefined>(undefined);
  const [dimension, setDimension] = useState<string | undefined>(undefined);
  const chosen = metric !== undefined && free.includes(metric) ? metric : undefined;
  function add() {
    if (!chosen || !dimension) return;
    const part: ScoringPart = { kind: "metric", metric: chosen, points: 1 };
    onChange({ ...scoring, dimensions: scoring.dimensions.map((d) => (d.id === dimension ? { ...d, parts: [...d.parts, part] } : d)) });
    setMetric(undefined);
  }
  return (
    <Space wrap>
      <Select
        aria-label={s.dutyToAdd}
        style={{ width: 320 }}
        disabled={disabled || free.length === 0}
        placeholder={free.length === 0 ? s.noDutyLeft : s.dutyToAdd}
        value={chosen}
        onChange={setMetric}
        options={free.map((m) => ({ value: m, label: `${metricWords[m]}（${dutyClauses(pack, m).join("、")}）` }))}
      />
      <Select aria-label={s.dutyDimension} style={{ width: 220 }} disabled={disabled} placeholder={s.dutyDimension} value={dimension} onChange={setDimension} options={scoring.dimensions.map((d) => ({ value: d.id, label: d.label }))} />
      <Button disabled={disabled || !chosen || !dimension} onClick={add}>
        {s.addDuty}
      </Button>
    </Space>
  );
}

type Row = { key: string; dimension: string; part: string; span: number; value: number; set: (v: number) => void; label: string; remove?: () => void };

function Dimensions({ scoring, onChange, disabled }: Props) {
  const dims = scoring.dimensions;
  const setDim = (i: number, patch: Partial<ScoringModel["dimensions"][number]>) => onChange({ ...scoring, dimensions: dims.map((d, j) => (j === i ? { ...d, ...patch } : d)) });
  const rows: Row[] = dims.flatMap((d, i) => [
    { key: `${d.id}`, dimension: d.label, part: s.weightRow, span: d.parts.length + 1, value: d.weight, set: (v: number) => setDim(i, { weight: v }), label: s.weightOf(d.label) },
    ...d.parts.map((p, j) => ({
      key: `${d.id}-${j}`,
      dimension: d.label,
      part: partLabel(p),
      span: 0,
      value: p.points,
      set: (v: number) => setDim(i, { parts: d.parts.map((x, k) => (k === j ? { ...x, points: v } : x)) }),
      label: s.pointsOf(d.label, partLabel(p)),
      // A duty the work group added may be taken out again (the dimension must keep a part).
      remove: p.kind === "metric" && isDutyMetric(p.metric) && d.parts.length > 1 ? () => setDim(i, { parts: d.parts.filter((_, k) => k !== j) }) : undefined,
    })),
  ]);
  return (
    <Table<Row>
      size="small"
      bordered
      pagination={false}
      dataSource={rows}
      columns={[
        { title: s.dimensionColumn, dataIndex: "dimension", onCell: (r) => ({ rowSpan: r.span }) },
        {
          title: s.partColumn,
          render: (_, r) =>
            r.span > 0 ? (
              <Typography.Text strong>{r.part}</Typography.Text>
            ) : (
              <Space>
                {r.part}
                {r.remove && (
                  <Button size="small" disabled={disabled} aria-label={s.removeDuty(r.dimension, r.part)} onClick={r.remove}>
                    {s.remove}
                  </Button>
                )}
              </Space>
            ),
        },
        { title: s.pointsColumn, render: (_, r) => <InputNumber aria-label={r.label} min={0} max={100} value={shown(r.value)} disabled={disabled} onChange={(v) => r.set(typed(v))} /> },
      ]}
    />
  );
}
