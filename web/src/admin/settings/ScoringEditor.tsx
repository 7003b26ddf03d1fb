// The scoring model's editable numbers (GZ-3.3, GZ-3.4.2): the pass mark, the bands (name and lower
// bound, from the top), and a table of each dimension's weight with the points of its parts.
// Which parts a dimension has stays the pack's: the bureau weighs the indicators, it does not
// invent new ones here.
import type { ScoringModel, ScoringPart } from "@domain/policy/schema";
import { metricWords } from "@domain/words";
import { Button, Form, Input, InputNumber, Table, Typography } from "antd";
import { t } from "../../shared/strings";
import { FixedTag, shown, typed } from "./fields";

const s = t.settings;
type Props = { scoring: ScoringModel; onChange: (v: ScoringModel) => void; disabled: boolean };

const partLabel = (p: ScoringPart) => (p.kind === "metric" ? metricWords[p.metric] : `${p.label}${s.judged}`);

export function ScoringEditor({ scoring, onChange, disabled, fixedClause }: Props & { fixedClause: string | undefined }) {
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

type Row = { key: string; dimension: string; part: string; span: number; value: number; set: (v: number) => void; label: string };

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
        { title: s.partColumn, render: (_, r) => (r.span > 0 ? <Typography.Text strong>{r.part}</Typography.Text> : r.part) },
        { title: s.pointsColumn, render: (_, r) => <InputNumber aria-label={r.label} min={0} max={100} value={shown(r.value)} disabled={disabled} onChange={(v) => r.set(typed(v))} /> },
      ]}
    />
  );
}
