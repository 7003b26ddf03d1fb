// The periodic report against the task book (GZ-2.2.11, GZ-3.4.1, DG-9.1): metrics, progress
// per pilot enterprise, an explanation that becomes required when progress lags (GZ-4.4a.3),
// attachments. Drafts save as you type; submitting first shows exactly what is missing.
import { proRataFraction } from "@domain/periods";
import { laggingMetrics, missingReportFields } from "@domain/reportChecks";
import { METRIC_LABELS } from "@domain/scoring";
import type { MetricKey } from "@domain/policy/schema";
import { Alert, Button, Card, Checkbox, Descriptions, Empty, Form, Input, InputNumber, Popconfirm, Select, Space, Spin, Table, Tag, Typography } from "antd";
import { collection, doc, getDoc, getDocs, onSnapshot, query, serverTimestamp, setDoc, where } from "firebase/firestore";
import { useEffect, useMemo, useRef, useState } from "react";
import { formatDate } from "../shared/dates";
import { errorText } from "../shared/errorText";
import { FileUpload } from "../shared/FileUpload";
import { db } from "../shared/db";
import { auth } from "../shared/firebase";
import { DimensionTable } from "../shared/DimensionTable";
import { t } from "../shared/strings";
import { rowSteps, storedRow, type EnterpriseProgress } from "./reportRows";
import type { PortalContext } from "./usePortalData";

type Metrics = Partial<Record<MetricKey, number>>;
interface Report {
  state: string;
  metrics: Metrics;
  enterprises?: EnterpriseProgress[];
  lagExplanation?: string;
  documentIds?: string[];
  late?: boolean;
  reviewComment?: string;
}
interface Dimension {
  id: string;
  label: string;
  weight: number;
  score: number;
  explanation: string;
}
interface Evaluation {
  state: string;
  dimensions: Dimension[];
  total: number;
  band: string;
  passed: boolean;
  rank?: number;
}

/** Metrics a unit reports itself; on-time reporting and complaints are the system's to compute. */
const REPORTED: MetricKey[] = ["enterprisesTransformed", "diagnoses", "cloudEnterprises", "level2Share", "solutions", "typicalCases", "platforms"];

/** The report fields the unit writes; each is replaced as a whole (a cleared metric goes away). */
const OWN_FIELDS = ["unitId", "periodId", "state", "metrics", "enterprises", "lagExplanation", "documentIds", "updatedBy", "updatedAt"];
/** firestore.rules takes at most 50 attachments on a report (reportSchema's bound). */
const MAX_DOCUMENTS = 50;

export default function ReportForm({ ctx }: { ctx: PortalContext }) {
  const { programmeId, unitId, period } = ctx;
  const [targets, setTargets] = useState<Metrics | null>(null);
  const [enterprises, setEnterprises] = useState<{ id: string; name: string }[]>([]);
  const [report, setReport] = useState<Report | null | undefined>(undefined);
  const [evaluation, setEvaluation] = useState<Evaluation | null>(null);
  const [draft, setDraft] = useState<Report>({ state: "draft", metrics: {}, enterprises: [], lagExplanation: "", documentIds: [] });
  const [savedAt, setSavedAt] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [missing, setMissing] = useState<string[]>([]);
  const dirty = useRef(false);
  const reportId = period ? `${unitId}_${period.id}` : null;
  const reportRef = reportId ? doc(db, "programmes", programmeId, "reports", reportId) : null;

  useEffect(() => {
    if (!period || !reportRef) return;
    const pre = ["programmes", programmeId] as const;
    Promise.all([getDoc(doc(db, ...pre, "taskBooks", `${unitId}_${period.id.slice(0, 4)}`)), getDocs(query(collection(db, ...pre, "enterprises"), where("servedBy", "==", unitId)))]).then(
      ([tb, ents]) => {
        setTargets((tb.data()?.targets as Metrics | undefined) ?? {});
        setEnterprises(ents.docs.map((d) => ({ id: d.id, name: d.data().name as string })));
      },
      () => setProblem("任务书或试点企业加载失败，请刷新重试。"),
    );
    const stopReport = onSnapshot(
      reportRef,
      (snap) => {
        const r = (snap.data() as Report | undefined) ?? null;
        setReport(r);
        if (r && !dirty.current) setDraft({ ...r, enterprises: r.enterprises ?? [], documentIds: r.documentIds ?? [], lagExplanation: r.lagExplanation ?? "" });
      },
      () => {
        setReport(null);
        setProblem("报告加载失败，请刷新重试。");
      },
    );
    const stopEval = onSnapshot(doc(db, ...pre, "evaluations", `${unitId}_${period.id}`), (snap) => setEvaluation((snap.data() as Evaluation | undefined) ?? null), () => setEvaluation(null));
    return () => {
      stopReport();
      stopEval();
    };
    // reportRef is derived from these ids.
  }, [programmeId, unitId, period?.id]);

  const editable = report === null || report?.state === "draft" || report?.state === "returned";
  const lagging = useMemo(() => (period && targets ? laggingMetrics(period.id, targets, draft.metrics) : []), [period, targets, draft.metrics]);

  // Save the draft a moment after the last change, so nothing typed is lost.
  useEffect(() => {
    if (!dirty.current || !editable || !reportRef) return;
    const timer = setTimeout(() => {
      save("draft").catch((err: unknown) => setProblem(`草稿保存失败：${errorText(err)}`));
    }, 1200);
    return () => clearTimeout(timer);
  });

  if (!period) return <Empty description="目前没有开放的报送期" />;
  if (targets === null || report === undefined) return <Spin />;

  async function save(state: "draft" | "submitted") {
    if (!reportRef || !period) return;
    // What reportSchema (and firestore.rules) take: numbers only for metrics, and a row per
    // enterprise once its progress is written (a row without it stays on screen until it is).
    const metrics = Object.fromEntries(Object.entries(draft.metrics).filter(([, v]) => typeof v === "number" && Number.isFinite(v)));
    const rows = (draft.enterprises ?? []).filter((e) => e.progress.trim() !== "").map(storedRow);
    const steps = rowSteps(rows, report?.enterprises ?? []);
    for (const [i, enterprises] of steps.entries()) {
      const data = {
        unitId,
        periodId: period.id,
        // Only the last step submits.
        state: i === steps.length - 1 ? state : "draft",
        metrics,
        enterprises,
        lagExplanation: draft.lagExplanation ?? "",
        documentIds: draft.documentIds ?? [],
        updatedBy: auth.currentUser!.uid,
        updatedAt: serverTimestamp(),
      };
      // Only the unit's own fields: what the trigger and reviewers recorded (late, reasons…) stays.
      await setDoc(reportRef, data, { mergeFields: OWN_FIELDS });
    }
    dirty.current = false;
    setSavedAt(new Date().toLocaleTimeString("zh-CN", { timeZone: "Asia/Shanghai" }));
  }

  function change(patch: Partial<Report>) {
    dirty.current = true;
    setDraft((d) => ({ ...d, ...patch }));
  }

  function progressOf(enterpriseId: string): EnterpriseProgress {
    return draft.enterprises?.find((e) => e.enterpriseId === enterpriseId) ?? { enterpriseId, progress: "", contractSigned: false, diagnosisDone: false };
  }
  function setProgress(enterpriseId: string, patch: Partial<EnterpriseProgress>) {
    const others = (draft.enterprises ?? []).filter((e) => e.enterpriseId !== enterpriseId);
    change({ enterprises: [...others, { ...progressOf(enterpriseId), ...patch }] });
  }

  async function submit() {
    if (!period || !targets) return;
    const gaps = missingReportFields(period.id, targets, { metrics: draft.metrics, lagExplanation: draft.lagExplanation }, { requireLagExplanation: ctx.pack.cadence === "quarterly" });
    setMissing(gaps);
    if (gaps.length > 0) return;
    try {
      await save("submitted");
    } catch (err) {
      setProblem(`提交失败：${errorText(err)}`);
    }
  }

  const metricKeys = REPORTED.filter((m) => targets[m] !== undefined || Object.keys(targets).length === 0);
  const fraction = proRataFraction(period.id);

  return (
    <Space direction="vertical" size="large" style={{ width: "100%" }}>
      <Card
        title={`${period.id} ${ctx.pack.cadence === "quarterly" ? "季度" : "年度"}绩效报告（截止 ${formatDate(period.reportDeadline)}）`}
        extra={<Tag data-testid="report-form-state">{report ? (t.reportState[report.state] ?? report.state) : "尚未填报"}</Tag>}
      >
        {report?.state === "returned" && <Alert type="warning" showIcon title="工作小组退回了报告" description={report.reviewComment ?? "请按审核意见修改后重新提交。"} style={{ marginBottom: 16 }} />}
        {report?.late && <Alert type="info" showIcon title="本报告为逾期报送，已如实记录。" style={{ marginBottom: 16 }} />}
        {problem && <Alert type="error" showIcon title={problem} closable onClose={() => setProblem(null)} style={{ marginBottom: 16 }} role="alert" />}
        <Form layout="vertical" disabled={!editable}>
          <Typography.Title level={5}>任务书指标完成情况（按年度累计填写）</Typography.Title>
          {metricKeys.map((m) => {
            const annual = targets[m];
            const hint = annual === undefined ? "任务书未设目标" : m === "level2Share" ? `年度目标 ${annual}（比例，0–1）` : `年度目标 ${annual}，本期应达 ${Math.round(annual * fraction * 100) / 100}`;
            return (
              <Form.Item key={m} label={METRIC_LABELS[m]} extra={hint} htmlFor={`metric-${m}`} validateStatus={lagging.includes(m) ? "warning" : undefined} help={lagging.includes(m) ? "低于按进度应完成的目标" : undefined}>
                <InputNumber id={`metric-${m}`} min={0} step={m === "level2Share" ? 0.05 : 1} value={draft.metrics[m]} onChange={(v) => change({ metrics: { ...draft.metrics, [m]: v === null ? undefined : Number(v) } })} style={{ width: 200 }} />
              </Form.Item>
            );
          })}
          <Form.Item
            label="进度滞后说明及补救措施"
            htmlFor="lag-explanation"
            required={lagging.length > 0}
            extra={lagging.length > 0 ? `以下指标低于进度要求，须说明原因及补救措施（GZ-4.4a.3）：${lagging.map((m) => METRIC_LABELS[m]).join("、")}` : "进度达标时可不填"}
          >
            <Input.TextArea id="lag-explanation" rows={3} maxLength={3000} showCount value={draft.lagExplanation} onChange={(e) => change({ lagExplanation: e.target.value })} />
          </Form.Item>

          <Typography.Title level={5}>试点企业改造进展</Typography.Title>
          <Table
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={enterprises}
            locale={{ emptyText: "暂无服务的试点企业" }}
            columns={[
              { title: "企业", dataIndex: "name" },
              { title: "签订合同", render: (_, e) => <Checkbox aria-label={`${e.name} 已签订合同`} checked={progressOf(e.id).contractSigned} onChange={(v) => setProgress(e.id, { contractSigned: v.target.checked })} /> },
              { title: "完成诊断", render: (_, e) => <Checkbox aria-label={`${e.name} 已完成诊断`} checked={progressOf(e.id).diagnosisDone} onChange={(v) => setProgress(e.id, { diagnosisDone: v.target.checked })} /> },
              {
                title: "改造后数字化水平",
                render: (_, e) => (
                  <Select aria-label={`${e.name} 改造后数字化水平`} allowClear style={{ width: 110 }} value={progressOf(e.id).levelAfter} onChange={(v) => setProgress(e.id, { levelAfter: v })} options={[1, 2, 3, 4].map((l) => ({ value: l, label: `${l} 级` }))} />
                ),
              },
              {
                title: "进展情况",
                render: (_, e) => (
                  <Input aria-label={`${e.name} 进展情况`} placeholder="填写进展后本行随草稿保存" maxLength={1000} value={progressOf(e.id).progress} onChange={(v) => setProgress(e.id, { progress: v.target.value })} />
                ),
              },
            ]}
          />
        </Form>

        {editable && reportId && (
          <div style={{ marginTop: 16 }}>
            {(draft.documentIds?.length ?? 0) < MAX_DOCUMENTS && (
              <FileUpload label="上传佐证材料" target={{ programmeId, targetType: "report", targetId: reportId, kind: "evidence" }} onUploaded={(id) => change({ documentIds: [...(draft.documentIds ?? []), id] })} />
            )}
            <p>
              已附材料：{draft.documentIds?.length ?? 0} 份{(draft.documentIds?.length ?? 0) >= MAX_DOCUMENTS ? `（最多 ${MAX_DOCUMENTS} 份）` : ""}
            </p>
          </div>
        )}

        {missing.length > 0 && <Alert type="error" showIcon role="alert" title="尚不能提交，缺少以下内容" description={missing.join("、")} style={{ marginTop: 16 }} />}
        {editable && (
          <Space style={{ marginTop: 16 }}>
            <Popconfirm title="提交后不能再修改，确认提交？" okText="确认提交" cancelText="再看看" onConfirm={submit}>
              <Button type="primary">提交报告</Button>
            </Popconfirm>
            <span aria-live="polite">{savedAt ? `草稿已自动保存（${savedAt}）` : "填写内容会自动保存为草稿"}</span>
          </Space>
        )}
      </Card>

      {evaluation && (
        <Card title={`绩效评价（${t.evaluationState[evaluation.state] ?? evaluation.state}）`}>
          <Descriptions size="small" column={3} bordered style={{ marginBottom: 16 }}>
            <Descriptions.Item label="总分">
              <span data-testid="evaluation-total">{evaluation.total.toFixed(1)}</span>
            </Descriptions.Item>
            <Descriptions.Item label="等级">{evaluation.band}</Descriptions.Item>
            <Descriptions.Item label="排名">{evaluation.rank ?? "待关账后确定"}</Descriptions.Item>
          </Descriptions>
          <DimensionTable dimensions={evaluation.dimensions} />
        </Card>
      )}
    </Space>
  );
}
