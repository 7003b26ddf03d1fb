// Evaluation and ranking (GZ-3.3, GZ-3.4.2, DG-8, DG-9.2): the period's ranking page by page on
// the pack's basis (DG-9.2: task-book completion, shown beside the total), marked 暂定 with the
// reason until the period is closed and every evaluation approved, then 最终; each unit's
// dimensions with their explanations, staff-judged parts with the method used, approval; the
// distribution of the ranked value and a unit's scores across periods; Excel export.
import { evaluationMachine } from "@domain/evaluation.machine";
import { completionWords, judgedMethodWords, nouns, periodWord, rankingBasisWords, rankingMarkWords, reportingWords, stateWords } from "@domain/words";
import { Button, Card, Checkbox, Descriptions, Drawer, Form, InputNumber, Input, Progress, Select, Space, Tag, Typography } from "antd";
import { doc, getCountFromServer, getDoc, getDocs, orderBy, query, where } from "firebase/firestore";
import { useEffect, useState } from "react";
import { call } from "../data/callables";
import { collections, watchQuery, type Stored } from "../data/collections";
import { DimensionTable } from "../shared/DimensionTable";
import { mustFill } from "../shared/formRules";
import { Outcome, useOutcome } from "../shared/Outcome";
import { PagedTable } from "../shared/PagedTable";
import { t } from "../shared/strings";
import { usePagedQuery } from "../shared/usePagedQuery";
import { DecisionDocuments } from "./DecisionDocuments";
import { ActionButton } from "./ActionButton";
import { packForPeriod } from "@domain/settings";
import { ClosePeriodButton } from "./ClosePeriodButton";
import { useSettingsVersions } from "./settings/useSettingsVersions";
import { ExportButton } from "./ExportButton";
import { Interviews } from "./Interviews";
import { NameOf } from "./names";
import type { ProgrammeView } from "./useProgramme";

const s = t.evaluations;
type Evaluation = Stored<"evaluations">;
const METHODS = Object.entries(judgedMethodWords).map(([value, label]) => ({ value, label }));

export default function Evaluations({ programme }: { programme: ProgrammeView }) {
  const p = programme.id;
  const [periods, setPeriods] = useState<{ id: string; state: string }[]>([]);
  const [periodId, setPeriodId] = useState<string | null>(null);
  const [selected, setSelected] = useState<Evaluation | null>(null);
  const [tick, setTick] = useState(0);
  const basis = programme.pack.ranking.basis;

  // Followed live: a close (here or by the scheduled job) shows at once, and a closed period is
  // no longer offered for closing.
  useEffect(
    () =>
      watchQuery(collections.periods(p), (rows) => {
        const found = rows.map((d) => ({ id: d.id, state: d.state })).sort((a, b) => b.id.localeCompare(a.id));
        setPeriods(found);
        setPeriodId((cur) => cur ?? found[0]?.id ?? null);
      }),
    [p],
  );

  // Ordered by what the pack ranks on (one literal query each, so each has its declared index).
  const ranking = !periodId
    ? null
    : basis === "taskBookCompletion"
      ? query(collections.evaluations(p), where("periodId", "==", periodId), orderBy("completion.percent", "desc"))
      : query(collections.evaluations(p), where("periodId", "==", periodId), orderBy("total", "desc"));
  const page = usePagedQuery(ranking, `${p}-${periodId}`, 20);
  const periodClosed = periods.find((q) => q.id === periodId)?.state === "closed";
  const changed = () => {
    page.reload();
    setTick((n) => n + 1);
  };

  return (
    <Space direction="vertical" size="large" style={{ width: "100%" }}>
      <Space wrap>
        <span>{nouns.period}</span>
        <Select aria-label={s.choosePeriod} style={{ width: 140 }} value={periodId ?? undefined} onChange={setPeriodId} options={periods.map((q) => ({ value: q.id, label: periodWord(q.id) }))} />
        {periodId && <ExportButton fn="exportPeriod" data={{ programmeId: p, periodId }} />}
        {periodId && periods.find((q) => q.id === periodId)?.state !== "closed" && <ClosePeriodButton programmeId={p} periodId={periodId} pack={programme.pack} onDone={page.reload} />}
      </Space>
      {periodId && <Distribution programmeId={p} periodId={periodId} label={rankingBasisWords[basis]} />}
      {periodId && programme.pack.clauses.ranking && <Interviews programme={programme} periodId={periodId} key={tick} />}
      <Card title={s.rankingTitle(page.total)} size="small" extra={periodId && <RankingMark programmeId={p} periodId={periodId} periodClosed={periodClosed} tick={tick} />}>
        <PagedTable
          page={page}
          onRowClick={setSelected}
          columns={[
            { title: s.rankColumn(rankingBasisWords[basis]), render: (_, r) => r.rank ?? "—" },
            { title: nouns.unit, render: (_, r) => <NameOf programmeId={p} id={r.unitId} /> },
            { title: s.completion, render: (_, r) => completionWords(r.completion) },
            { title: nouns.total, render: (_, r) => r.total.toFixed(1) },
            { title: nouns.band, render: (_, r) => <Tag color={r.passed ? "green" : "red"}>{r.band}</Tag> },
            { title: nouns.state, render: (_, r) => stateWords.evaluation[r.state] },
            { title: s.reporting, render: (_, r) => <ReportingTag reporting={r.reporting} /> },
          ]}
        />
      </Card>
      <Drawer open={selected !== null} onClose={() => setSelected(null)} width={720} title={selected ? <><NameOf programmeId={p} id={selected.unitId} /> · {periodWord(selected.periodId)}</> : ""}>
        {selected && <EvaluationDetail programme={programme} evaluation={selected} onChanged={changed} />}
      </Drawer>
    </Space>
  );
}

function EvaluationDetail({ programme, evaluation, onChanged }: { programme: ProgrammeView; evaluation: Evaluation; onChanged: () => void }) {
  // The judged parts of the scoring model in force for the evaluation's period (a later settings version may differ).
  const { versions } = useSettingsVersions(programme);
  const scoring = versions ? packForPeriod(programme.pack, versions, evaluation.periodId).scoring : programme.pack.scoring;
  const judgedParts = scoring.dimensions.flatMap((d) => d.parts.flatMap((x) => (x.kind === "judged" ? [{ ...x, dimension: d.label }] : [])));
  const outcome = useOutcome();
  const [history, setHistory] = useState<{ label: string; value: number }[]>([]);

  useEffect(() => {
    getDocs(query(collections.evaluations(programme.id), where("unitId", "==", evaluation.unitId), orderBy("periodId"))).then((snap) =>
      setHistory(snap.docs.map((d) => ({ label: periodWord(d.data().periodId), value: d.data().total }))),
    );
  }, [programme.id, evaluation.unitId]);

  const enter = (partId: string, values: { score: number; methods: (keyof typeof judgedMethodWords)[]; note?: string }) =>
    outcome.run(async () => {
      await call("enterJudgedScore", { programmeId: programme.id, evaluationId: evaluation.id, partId, score: values.score, methods: values.methods, note: values.note });
      onChanged();
      return s.scoreSaved;
    });

  return (
    <Space direction="vertical" style={{ width: "100%" }}>
      <Descriptions size="small" bordered column={3}>
        <Descriptions.Item label={nouns.total}>{evaluation.total.toFixed(1)}</Descriptions.Item>
        <Descriptions.Item label={s.completion}>{completionWords(evaluation.completion)}</Descriptions.Item>
        <Descriptions.Item label={nouns.band}>{evaluation.band}</Descriptions.Item>
        <Descriptions.Item label={nouns.state}>{stateWords.evaluation[evaluation.state]}</Descriptions.Item>
        <Descriptions.Item label={s.reporting} span={2}>
          <ReportingTag reporting={evaluation.reporting} />
          {evaluation.reporting === "late" && <Typography.Text data-testid="late-meaning">{s.lateMeaning}</Typography.Text>}
        </Descriptions.Item>
      </Descriptions>
      <DimensionTable dimensions={evaluation.dimensions} />
      {evaluation.state === "draft" &&
        judgedParts.map((part) => (
          <Card key={part.id} size="small" title={s.judgedTitle(part.label, part.points, part.dimension)}>
            <Form layout="inline" onFinish={(v) => enter(part.id, v)}>
              <Form.Item name="score" label={s.score} rules={mustFill(s.score)}>
                <InputNumber min={0} max={part.points} />
              </Form.Item>
              <Form.Item name="methods" label={s.methods} rules={[{ required: true, message: s.methodsRequired }]}>
                <Checkbox.Group options={METHODS} />
              </Form.Item>
              <Form.Item name="note" label={s.note}>
                <Input maxLength={500} />
              </Form.Item>
              <Button htmlType="submit">{s.saveScore}</Button>
            </Form>
          </Card>
        ))}
      <Outcome message={outcome.message} />
      {evaluationMachine.eventsFrom(evaluation.state).includes("approve") && <ActionButton label={s.approve(programme.pack.clauses.evaluationApproval)} fn="approveEvaluation" data={{ programmeId: programme.id, evaluationId: evaluation.id }} onDone={onChanged} />}
      <DecisionDocuments programmeId={programme.id} subjectId={evaluation.id} kinds={evaluation.state === "approved" ? ["evaluationResult"] : []} />
      <Typography.Title level={5}>{s.history}</Typography.Title>
      <Bars data={history} max={100} />
    </Space>
  );
}

/** GZ-3.4.1 / GZ-4.4a.2: how the unit's report came in, as scored (逾期 is late but accepted). */
function ReportingTag({ reporting }: { reporting: Evaluation["reporting"] }) {
  if (!reporting) return <>—</>;
  return <Tag color={reporting === "onTime" ? "green" : "red"}>{reportingWords[reporting]}</Tag>;
}

/**
 * DG-8 / DG-9.2: whether the period's ranking is final (its summary frozen on the last approval)
 * or provisional, and why: the evaluations still awaiting approval are counted on the server.
 */
function RankingMark({ programmeId, periodId, periodClosed, tick }: { programmeId: string; periodId: string; periodClosed: boolean; tick: number }) {
  const [standing, setStanding] = useState<{ final: boolean; unapproved: number } | null>(null);
  useEffect(() => {
    setStanding(null);
    const drafts = query(collections.evaluations(programmeId), where("periodId", "==", periodId), where("state", "==", "draft"));
    Promise.all([getDoc(doc(collections.rankings(programmeId), periodId)), getCountFromServer(drafts)]).then(
      ([summary, count]) => setStanding({ final: summary.data()?.finalAt !== undefined, unapproved: count.data().count }),
      () => setStanding(null),
    );
  }, [programmeId, periodId, tick]);
  if (!standing) return null;
  const mark = rankingMarkWords({ ...standing, periodClosed });
  return (
    <Space data-testid="ranking-mark" aria-label={`${s.markLabel}：${mark.mark}，${mark.reason}`}>
      <Tag color={mark.mark === "最终" ? "green" : "orange"}>{mark.mark}</Tag>
      <Typography.Text type={mark.mark === "最终" ? undefined : "warning"}>{mark.reason}</Typography.Text>
    </Space>
  );
}

/** Distribution of the ranked value (total or completion %) in 10-point bands, from the period's ranking summary (one document). */
function Distribution({ programmeId, periodId, label }: { programmeId: string; periodId: string; label: string }) {
  const [bands, setBands] = useState<{ label: string; value: number }[]>([]);
  useEffect(() => {
    getDoc(doc(collections.rankings(programmeId), periodId)).then((snap) => {
      const counts = snap.data()?.counts ?? {};
      const out = Array.from({ length: 10 }, (_, i) => ({ label: `${i * 10}–${i * 10 + 10}`, value: 0 }));
      for (const [hundredths, n] of Object.entries(counts)) out[Math.min(9, Math.floor(Number(hundredths) / 1000))]!.value += n;
      setBands(out);
    }, () => setBands([]));
  }, [programmeId, periodId]);
  return (
    <Card title={s.distribution(label)} size="small">
      <Bars data={bands} max={Math.max(1, ...bands.map((b) => b.value))} />
    </Card>
  );
}

function Bars({ data, max }: { data: { label: string; value: number }[]; max: number }) {
  return (
    // An image needs words even before (or without) any score: never an empty label.
    <div role="img" aria-label={data.length > 0 ? data.map((d) => `${d.label}：${d.value}`).join("，") : s.distributionEmpty}>
      {data.map((d) => (
        <div key={d.label} style={{ display: "flex", alignItems: "center", gap: 8 }}>
          <span style={{ width: 80, textAlign: "right" }}>{d.label}</span>
          <Progress percent={(d.value / max) * 100} showInfo={false} aria-label={`${d.label}：${d.value}`} style={{ flex: 1, margin: 0 }} />
          <span style={{ width: 40 }}>{Number.isInteger(d.value) ? d.value : d.value.toFixed(1)}</span>
        </div>
      ))}
    </div>
  );
}
