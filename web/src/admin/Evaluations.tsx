// Evaluation and ranking (GZ-3.3, GZ-3.4.2, DG-8, DG-9.2): the period's ranking page by page
// with bands, each unit's dimensions with their explanations, staff-judged parts with the method
// used, approval; the score distribution and a unit's scores across periods; Excel export.
import { Button, Card, Checkbox, Descriptions, Drawer, Form, InputNumber, Input, Progress, Select, Space, Tag, Typography } from "antd";
import { collection, doc, getDoc, getDocs, orderBy, query, where } from "firebase/firestore";
import { useEffect, useState } from "react";
import { call, errorText } from "../shared/call";
import { db } from "../shared/db";
import { DimensionTable } from "../shared/DimensionTable";
import { t } from "../shared/strings";
import { PagedTable } from "../shared/PagedTable";
import { usePagedQuery } from "../shared/usePagedQuery";
import { ActionButton } from "./ActionButton";
import { ExportButton } from "./ExportButton";
import { Interviews } from "./Interviews";
import { NameOf } from "./names";
import type { ProgrammeView } from "./useProgramme";
import { Outcome, type OutcomeMessage } from "../shared/Outcome";

interface Evaluation {
  id: string;
  unitId: string;
  periodId: string;
  state: string;
  total: number;
  band: string;
  passed: boolean;
  rank?: number;
  dimensions: { id: string; label: string; weight: number; score: number; explanation: string }[];
  judged?: { partId: string; score: number; methods: string[]; note?: string }[];
}

const METHODS = [
  { value: "questionnaire", label: "问卷调查" },
  { value: "phone", label: "电话访谈" },
  { value: "siteVisit", label: "实地走访" },
  { value: "spotCheck", label: "项目抽查" },
];

export default function Evaluations({ programme }: { programme: ProgrammeView }) {
  const p = programme.id;
  const [periods, setPeriods] = useState<string[]>([]);
  const [periodId, setPeriodId] = useState<string | null>(null);
  const [selected, setSelected] = useState<Evaluation | null>(null);

  useEffect(() => {
    getDocs(collection(db, "programmes", p, "periods")).then((snap) => {
      const ids = snap.docs.map((d) => d.id).sort().reverse();
      setPeriods(ids);
      setPeriodId((cur) => cur ?? ids[0] ?? null);
    });
  }, [p]);

  const ranking = periodId ? query(collection(db, "programmes", p, "evaluations"), where("periodId", "==", periodId), orderBy("total", "desc")) : null;
  const page = usePagedQuery<Evaluation>(ranking, `${p}-${periodId}`, 20);

  return (
    <Space direction="vertical" size="large" style={{ width: "100%" }}>
      <Space wrap>
        <span>期次</span>
        <Select aria-label="选择期次" style={{ width: 140 }} value={periodId ?? undefined} onChange={setPeriodId} options={periods.map((id) => ({ value: id, label: id }))} />
        {periodId && <ExportButton fn="exportPeriod" data={{ programmeId: p, periodId }} />}
        {periodId && <ActionButton label="执行本期关账" fn="runPeriodClose" data={{ programmeId: p, periodId }} onDone={page.reload} />}
      </Space>
      {periodId && <Distribution programmeId={p} periodId={periodId} />}
      {periodId && programme.pack.clauses.ranking && <Interviews programme={programme} periodId={periodId} />}
      <Card title={`排名（共 ${page.total ?? "…"} 家）`} size="small">
        <PagedTable<Evaluation>
          page={page}
          onRowClick={setSelected}
          columns={[
            { title: "名次", render: (_, r) => r.rank ?? "—" },
            { title: "单位", render: (_, r) => <NameOf programmeId={p} id={r.unitId} /> },
            { title: "总分", render: (_, r) => r.total.toFixed(1) },
            { title: "等级", render: (_, r) => <Tag color={r.passed ? "green" : "red"}>{r.band}</Tag> },
            { title: "状态", render: (_, r) => t.evaluationState[r.state] ?? r.state },
          ]}
        />
      </Card>
      <Drawer open={selected !== null} onClose={() => setSelected(null)} width={720} title={selected ? <><NameOf programmeId={p} id={selected.unitId} /> · {selected.periodId}</> : ""}>
        {selected && <EvaluationDetail programme={programme} evaluation={selected} onChanged={page.reload} />}
      </Drawer>
    </Space>
  );
}

function EvaluationDetail({ programme, evaluation, onChanged }: { programme: ProgrammeView; evaluation: Evaluation; onChanged: () => void }) {
  const judgedParts = programme.pack.scoring.dimensions.flatMap((d) => d.parts.flatMap((x) => (x.kind === "judged" ? [{ ...x, dimension: d.label }] : [])));
  const [message, setMessage] = useState<OutcomeMessage>(null);
  const [history, setHistory] = useState<{ periodId: string; total: number }[]>([]);

  useEffect(() => {
    getDocs(query(collection(db, "programmes", programme.id, "evaluations"), where("unitId", "==", evaluation.unitId), orderBy("periodId"))).then((snap) =>
      setHistory(snap.docs.map((d) => ({ periodId: d.data().periodId as string, total: d.data().total as number }))),
    );
  }, [programme.id, evaluation.unitId]);

  async function enter(partId: string, values: { score: number; methods: string[]; note?: string }) {
    setMessage(null);
    try {
      await call("enterJudgedScore", { programmeId: programme.id, evaluationId: evaluation.id, partId, score: values.score, methods: values.methods, note: values.note });
      setMessage({ type: "success", text: "评分已保存。" });
      onChanged();
    } catch (err) {
      setMessage({ type: "error", text: errorText(err) });
    }
  }

  return (
    <Space direction="vertical" style={{ width: "100%" }}>
      <Descriptions size="small" bordered column={3}>
        <Descriptions.Item label="总分">{evaluation.total.toFixed(1)}</Descriptions.Item>
        <Descriptions.Item label="等级">{evaluation.band}</Descriptions.Item>
        <Descriptions.Item label="状态">{t.evaluationState[evaluation.state]}</Descriptions.Item>
      </Descriptions>
      <DimensionTable dimensions={evaluation.dimensions} />
      {evaluation.state === "draft" &&
        judgedParts.map((part) => (
          <Card key={part.id} size="small" title={`人工评分：${part.label}（满分 ${part.points}，属“${part.dimension}”）`}>
            <Form layout="inline" onFinish={(v) => enter(part.id, v)}>
              <Form.Item name="score" label="得分" rules={[{ required: true, message: "请填写得分" }]}>
                <InputNumber min={0} max={part.points} />
              </Form.Item>
              <Form.Item name="methods" label="评价方式" rules={[{ required: true, message: "请至少选择一种评价方式" }]}>
                <Checkbox.Group options={METHODS} />
              </Form.Item>
              <Form.Item name="note" label="说明">
                <Input maxLength={500} />
              </Form.Item>
              <Button htmlType="submit">保存评分</Button>
            </Form>
          </Card>
        ))}
      <Outcome message={message} />
      {evaluation.state === "draft" && <ActionButton label="审定评价结论（GZ-3.4.2）" fn="approveEvaluation" data={{ programmeId: programme.id, evaluationId: evaluation.id }} onDone={onChanged} />}
      <Typography.Title level={5}>历期得分</Typography.Title>
      <Bars data={history.map((h) => ({ label: h.periodId, value: h.total }))} max={100} />
    </Space>
  );
}

/** Score distribution in 10-point bands, from the period's ranking summary (one document). */
function Distribution({ programmeId, periodId }: { programmeId: string; periodId: string }) {
  const [bands, setBands] = useState<{ label: string; value: number }[]>([]);
  useEffect(() => {
    getDoc(doc(db, "programmes", programmeId, "rankings", periodId)).then((snap) => {
      const counts = (snap.data()?.counts ?? {}) as Record<string, number>;
      const out = Array.from({ length: 10 }, (_, i) => ({ label: `${i * 10}–${i * 10 + 10}`, value: 0 }));
      for (const [hundredths, n] of Object.entries(counts)) out[Math.min(9, Math.floor(Number(hundredths) / 1000))]!.value += n;
      setBands(out);
    });
  }, [programmeId, periodId]);
  return (
    <Card title="得分分布" size="small">
      <Bars data={bands} max={Math.max(1, ...bands.map((b) => b.value))} />
    </Card>
  );
}

function Bars({ data, max }: { data: { label: string; value: number }[]; max: number }) {
  return (
    <div role="img" aria-label={data.map((d) => `${d.label}：${d.value}`).join("，")}>
      {data.map((d) => (
        <div key={d.label} style={{ display: "flex", alignItems: "center", gap: 8 }}>
          <span style={{ width: 80, textAlign: "right" }}>{d.label}</span>
          <Progress percent={(d.value / max) * 100} showInfo={false} style={{ flex: 1, margin: 0 }} />
          <span style={{ width: 40 }}>{Number.isInteger(d.value) ? d.value : d.value.toFixed(1)}</span>
        </div>
      ))}
    </div>
  );
}
