// The periodic report against the task book (GZ-2.2.11, GZ-3.4.1, DG-9.1): metrics, progress
// per pilot enterprise, an explanation that becomes required when progress lags (GZ-4.4a.3),
// attachments. Drafts save as you type; submitting first shows exactly what is missing.
// Enterprises transformed, diagnoses and the level-2 share (GZ-2.2.4/2.2.5, DG-6.3/6.4) are not
// typed: they are shown as counted from the progress rows (enterpriseMetrics.reportMetrics, the
// count the submission makes), read-only; the lag rule is the domain's, with the pack's fraction.
// The optional duties (GZ-2.2.6–2.2.10, DG-6.5–6.8: platforms, digital workshops, typical cases,
// 专精特新 firms, training and events) are asked only when the period's scoring model has them
// (duties.ts reportedMetrics), as a whole count citing the duty's clause, with an optional note of
// what was done (names and dates).
import { dutyClauses, isDutyMetric, MAX_DUTY_COUNT, MAX_DUTY_NOTE, reportedMetrics } from "@domain/duties";
import { proRataFraction } from "@domain/periods";
import type { Period } from "@domain/schemas/evaluation";
import { isRowMetric, reportMetrics, typedMetrics } from "@domain/enterpriseMetrics";
import { laggingMetrics, metricsNeedingExplanation, missingReportFields } from "@domain/reportChecks";
import type { MetricValues } from "@domain/scoring";
import { deadlineWord, metricValueWord, metricWords, nouns, periodWord, stateWords } from "@domain/words";
import { Alert, App, Button, Card, Checkbox, Descriptions, Empty, Form, Input, InputNumber, List, Select, Space, Spin, Table, Tag, Typography } from "antd";
import { doc, getDoc, getDocs, query, where } from "firebase/firestore";
import { useEffect, useMemo, useRef, useState } from "react";
import { collections, ids, watchDoc, type Stored } from "../data/collections";
import { StoredDocumentInvalid } from "../data/converter";
import { saveReport, type ReportDraft } from "../data/writes";
import { DimensionTable } from "../shared/DimensionTable";
import { errorText } from "../shared/errorText";
import { DocumentLink } from "../shared/DocumentLink";
import { formatInstant } from "../shared/dates";
import { FileUpload } from "../shared/FileUpload";
import { t } from "../shared/strings";
import { rowSteps, storedRow } from "./reportRows";
import type { PortalContext } from "./usePortalData";

const s = t.report;
type Progress = ReportDraft["enterprises"][number];
type Draft = Pick<ReportDraft, "metrics" | "enterprises" | "documentIds"> & { lagExplanation: string; dutyNotes: NonNullable<ReportDraft["dutyNotes"]> };

/** firestore.rules takes at most 50 attachments on a report (reportSchema's bound). */
const MAX_DOCUMENTS = 50;

export default function ReportForm({ ctx }: { ctx: PortalContext }) {
  const { programmeId, unitId, period } = ctx;
  const [problem, setProblem] = useState<string | null>(null);
  const [missing, setMissing] = useState<string[]>([]);
  const reportId = period ? ids.report(unitId, period.id) : null;
  const { modal } = App.useApp();
  const { draft, dirty, fromStored, change } = useDraft();
  const { targets, enterprises, report, evaluation } = useReportSources(ctx, reportId, fromStored, setProblem);
  // The metrics as the submission will count them: the row figures from the rows it will store.
  const counted = useMemo(() => reportMetrics(draft.metrics, storedRows(draft.enterprises), enterprises.map((e) => e.id)), [draft.metrics, draft.enterprises, enterprises]);
  const editable = report === null || report?.state === "draft" || report?.state === "returned";
  const saving = useAutosave({ ctx, reportId, report, draft, dirty, editable, onProblem: setProblem });

  if (!period) return <Empty description={s.noOpenPeriod} />;
  if (targets === null || report === undefined) return <Spin />;

  // The server's rule (missingReportFields) is checked first: a report that lacks something —
  // a lagging metric without its explanation included — never reaches the confirmation.
  function askToSubmit() {
    if (!period || !targets) return;
    const gaps = missingReportFields(period.id, targets, { metrics: counted, lagExplanation: draft.lagExplanation }, ctx.periodPack);
    setMissing(gaps);
    if (gaps.length > 0) return;
    modal.confirm({
      title: s.confirmSubmit,
      content: s.confirmSubmitHint(ctx.pack.workGroupName, draft.documentIds.length),
      okText: s.confirm,
      cancelText: s.reconsider,
      onOk: () => saving.save("submitted").catch((err: unknown) => setProblem(s.submitFailed(errorText(err)))),
    });
  }

  return (
    <Space direction="vertical" size="large" style={{ width: "100%" }}>
      <Card title={s.title(periodWord(period.id), deadlineWord(period))} extra={<Tag data-testid="report-form-state">{report ? stateWords.report[report.state] : s.notStarted}</Tag>}>
        {report?.state === "returned" && <Alert type="warning" showIcon title={s.returned(ctx.pack.workGroupName)} description={report.reviewComment ?? s.returnedHint} style={{ marginBottom: 16 }} />}
        {report?.late && <Alert type="info" showIcon title={s.late} style={{ marginBottom: 16 }} />}
        {problem && <Alert type="error" showIcon title={problem} closable onClose={() => setProblem(null)} style={{ marginBottom: 16 }} role="alert" />}
        <Form layout="vertical" disabled={!editable}>
          <MetricFields ctx={ctx} period={period} targets={targets} counted={counted} draft={draft} change={change} />
          <EnterpriseProgress enterprises={enterprises} draft={draft} change={change} />
        </Form>

        {reportId && (
          // A file can be attached before anything is typed: the draft is saved first, so the report exists to take it.
          <Attachments programmeId={programmeId} reportId={reportId} documentIds={draft.documentIds} editable={editable} change={change} prepare={report ? undefined : () => saving.save("draft")} />
        )}

        {missing.length > 0 && <Alert type="error" showIcon role="alert" title={s.cannotSubmit} description={missing.join("、")} style={{ marginTop: 16 }} />}
        {editable && (
          <Space style={{ marginTop: 16 }}>
            <Button type="primary" onClick={askToSubmit}>
              {s.submit}
            </Button>
            <span aria-live="polite">{saving.at ? s.savedAt(saving.at) : s.autosave}</span>
          </Space>
        )}
      </Card>

      {evaluation && <EvaluationCard evaluation={evaluation} />}
    </Space>
  );
}

type Change = (patch: Partial<Draft>) => void;

/** The rows reportSchema stores: one per enterprise once its progress is written. */
const storedRows = (rows: Progress[]) => rows.filter((e) => e.progress.trim() !== "").map(storedRow);

/**
 * The report as it stands on screen. `dirty` says something typed is not saved yet: until it is,
 * a newer stored version (the watch fires on every save) must not overwrite what is being typed.
 */
function useDraft() {
  const [draft, setDraft] = useState<Draft>({ metrics: {}, enterprises: [], lagExplanation: "", documentIds: [], dutyNotes: {} });
  const dirty = useRef(false);
  function fromStored(r: Stored<"reports">) {
    if (!dirty.current) setDraft({ metrics: r.metrics, enterprises: r.enterprises, documentIds: r.documentIds, lagExplanation: r.lagExplanation ?? "", dutyNotes: r.dutyNotes ?? {} });
  }
  const change: Change = (patch) => {
    dirty.current = true;
    setDraft((d) => ({ ...d, ...patch }));
  };
  return { draft, dirty, fromStored, change };
}

/**
 * What the form stands on: this year's targets and the unit's pilot enterprises (read once), the
 * stored report and its evaluation (followed live). `report` is undefined until first heard of,
 * null when there is none yet.
 */
function useReportSources({ programmeId, unitId, period }: PortalContext, reportId: string | null, onStored: (r: Stored<"reports">) => void, onProblem: (text: string) => void) {
  const [targets, setTargets] = useState<MetricValues | null>(null);
  const [enterprises, setEnterprises] = useState<{ id: string; name: string }[]>([]);
  const [report, setReport] = useState<Stored<"reports"> | null | undefined>(undefined);
  const [evaluation, setEvaluation] = useState<Stored<"evaluations"> | null>(null);

  useEffect(() => {
    if (!period || !reportId) return;
    Promise.all([getDoc(doc(collections.taskBooks(programmeId), ids.taskBook(unitId, period.id.slice(0, 4)))), getDocs(query(collections.enterprises(programmeId), where("servedBy", "==", unitId)))])
      .then(([tb, ents]) => {
        setTargets(tb.data()?.targets ?? {});
        setEnterprises(ents.docs.map((d) => ({ id: d.id, name: d.data().name })));
      })
      .catch(() => onProblem(s.loadTargetsFailed));
    const stopReport = watchDoc(
      doc(collections.reports(programmeId), reportId),
      (r) => {
        setReport(r);
        if (r) onStored(r);
      },
      (err) => {
        setReport(null);
        onProblem(err instanceof StoredDocumentInvalid ? err.message : s.loadFailed);
      },
    );
    const stopEval = watchDoc(doc(collections.evaluations(programmeId), ids.evaluation(unitId, period.id)), setEvaluation, () => setEvaluation(null));
    return () => {
      stopReport();
      stopEval();
    };
  }, [programmeId, unitId, period?.id]);

  return { targets, enterprises, report, evaluation };
}

/**
 * Saving: the draft a moment after the last change, so nothing typed is lost, and `save` for
 * submitting. Returns when it last saved (shown beside the submit button).
 */
function useAutosave({ ctx, reportId, report, draft, dirty, editable, onProblem }: { ctx: PortalContext; reportId: string | null; report: Stored<"reports"> | null | undefined; draft: Draft; dirty: { current: boolean }; editable: boolean; onProblem: (text: string) => void }) {
  const { programmeId, unitId, period } = ctx;
  const [at, setAt] = useState<string | null>(null);

  async function save(state: "draft" | "submitted") {
    if (!reportId || !period) return;
    // What reportSchema (and firestore.rules) take: numbers only for the typed metrics (never the
    // row figures), and a row per enterprise once its progress is written (a row without it stays
    // on screen until it is).
    const metrics = typedMetrics(Object.fromEntries(Object.entries(draft.metrics).filter(([, v]) => typeof v === "number" && Number.isFinite(v))));
    const rows = storedRows(draft.enterprises ?? []);
    const steps = rowSteps(rows, report?.enterprises ?? []);
    for (const [i, enterprises] of steps.entries()) {
      // Only the last step submits.
      await saveReport(programmeId, reportId, { unitId, periodId: period.id, state: i === steps.length - 1 ? state : "draft", metrics, enterprises, lagExplanation: draft.lagExplanation ?? "", dutyNotes: draft.dutyNotes, documentIds: draft.documentIds ?? [] });
    }
    dirty.current = false;
    setAt(new Date().toLocaleTimeString("zh-CN", { timeZone: "Asia/Shanghai" }));
  }

  useEffect(() => {
    if (!dirty.current || !editable || !reportId) return;
    const timer = setTimeout(() => {
      save("draft").catch((err: unknown) => onProblem(s.saveFailed(errorText(err))));
    }, 1200);
    return () => clearTimeout(timer);
  });

  return { at, save };
}

/** The reported metrics against the annual target and this period's pro-rata share, and the explanation lagging ones require (GZ-4.4a.3). */
function MetricFields({ ctx, period, targets, counted, draft, change }: { ctx: PortalContext; period: Period; targets: MetricValues; counted: MetricValues; draft: Draft; change: Change }) {
  const lagging = useMemo(() => laggingMetrics(period.id, targets, counted, ctx.periodPack), [period, targets, counted, ctx.periodPack]);
  const toExplain = useMemo(() => metricsNeedingExplanation(period.id, targets, counted, ctx.periodPack), [period, targets, counted, ctx.periodPack]);
  // On-time reporting and complaints are the system's to compute; duties only when configured.
  const metricKeys = reportedMetrics(targets, ctx.periodPack.scoring);
  const fraction = proRataFraction(period.id);
  return (
    <>
      <Typography.Title level={5}>{s.metricsTitle}</Typography.Title>
      {metricKeys.map((m) => {
        const annual = targets[m];
        const duty = isDutyMetric(m);
        const goal = annual === undefined ? (duty ? s.dutyNoTarget : s.noTarget) : m === "level2Share" ? s.shareTarget(metricValueWord(m, annual)) : s.target(annual, Math.round(annual * fraction * 100) / 100);
        const hint = duty ? `${goal}；${s.duty(dutyClauses(ctx.pack, m).join("、"))}` : goal;
        const status = { validateStatus: lagging.includes(m) ? ("warning" as const) : undefined, help: lagging.includes(m) ? s.lagging : undefined };
        if (isRowMetric(m)) {
          return (
            <Form.Item key={m} label={metricWords[m]} extra={`${hint}；${s.counted}`} {...status}>
              <Typography.Text strong data-testid={`figure-${m}`}>
                {metricValueWord(m, counted[m])}
              </Typography.Text>
            </Form.Item>
          );
        }
        return (
          <Form.Item key={m} label={metricWords[m]} extra={hint} htmlFor={`metric-${m}`} {...status}>
            <InputNumber id={`metric-${m}`} min={0} step={1} {...(duty ? { precision: 0, max: MAX_DUTY_COUNT } : {})} value={draft.metrics[m]} onChange={(v) => change({ metrics: { ...draft.metrics, [m]: v === null ? undefined : Number(v) } })} style={{ width: 200 }} />
            {duty && (
              <Input.TextArea
                aria-label={s.dutyNoteOf(metricWords[m])}
                placeholder={s.dutyNotePlaceholder}
                rows={2}
                maxLength={MAX_DUTY_NOTE}
                style={{ marginTop: 8 }}
                value={draft.dutyNotes[m] ?? ""}
                onChange={(e) => change({ dutyNotes: { ...draft.dutyNotes, [m]: e.target.value } })}
              />
            )}
          </Form.Item>
        );
      })}
      <Form.Item label={s.lagExplanation} htmlFor="lag-explanation" required={toExplain.length > 0} extra={toExplain.length > 0 ? s.lagRequired(toExplain.map((m) => metricWords[m]).join("、"), ctx.pack.clauses.progressLag ?? "") : s.lagOptional}>
        <Input.TextArea id="lag-explanation" rows={3} maxLength={3000} showCount value={draft.lagExplanation} onChange={(e) => change({ lagExplanation: e.target.value })} />
      </Form.Item>
    </>
  );
}

/** Progress per pilot enterprise the unit serves: a row each, in the draft from its first change. */
function EnterpriseProgress({ enterprises, draft, change }: { enterprises: { id: string; name: string }[]; draft: Draft; change: Change }) {
  function progressOf(enterpriseId: string): Progress {
    return draft.enterprises.find((e) => e.enterpriseId === enterpriseId) ?? { enterpriseId, progress: "", contractSigned: false, diagnosisDone: false };
  }
  function setProgress(enterpriseId: string, patch: Partial<Progress>) {
    const others = draft.enterprises.filter((e) => e.enterpriseId !== enterpriseId);
    change({ enterprises: [...others, { ...progressOf(enterpriseId), ...patch }] });
  }
  return (
    <>
      <Typography.Title level={5}>{s.enterprisesTitle}</Typography.Title>
      <Table
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={enterprises}
        locale={{ emptyText: s.noEnterprises }}
        columns={[
          { title: s.enterprise, dataIndex: "name" },
          { title: s.contractSigned, render: (_, e) => <Checkbox aria-label={s.contractSignedOf(e.name)} checked={progressOf(e.id).contractSigned} onChange={(v) => setProgress(e.id, { contractSigned: v.target.checked })} /> },
          { title: s.diagnosisDone, render: (_, e) => <Checkbox aria-label={s.diagnosisDoneOf(e.name)} checked={progressOf(e.id).diagnosisDone} onChange={(v) => setProgress(e.id, { diagnosisDone: v.target.checked })} /> },
          {
            title: s.levelAfter,
            render: (_, e) => (
              <Select aria-label={s.levelAfterOf(e.name)} allowClear style={{ width: 110 }} value={progressOf(e.id).levelAfter} onChange={(v) => setProgress(e.id, { levelAfter: v })} options={[1, 2, 3, 4].map((l) => ({ value: l, label: s.level(l) }))} />
            ),
          },
          { title: s.progress, render: (_, e) => <Input aria-label={s.progressOf(e.name)} maxLength={1000} value={progressOf(e.id).progress} onChange={(v) => setProgress(e.id, { progress: v.target.value })} /> },
        ]}
      />
    </>
  );
}

/**
 * Evidence: the files attached, listed by name with their download (after submitting too, so the
 * unit sees what the reviewer sees), and uploads while the report can be edited, up to the number
 * the rules take. A phone's file picker offers the camera and the photo album (images are taken).
 */
function Attachments({ programmeId, reportId, documentIds, editable, change, prepare }: { programmeId: string; reportId: string; documentIds: string[]; editable: boolean; change: Change; prepare?: () => Promise<void> }) {
  const files = useAttachedFiles(programmeId, documentIds);
  return (
    <div style={{ marginTop: 16 }}>
      {editable && documentIds.length < MAX_DOCUMENTS && <FileUpload label={s.uploadEvidence} target={{ programmeId, targetType: "report", targetId: reportId, kind: "evidence" }} prepare={prepare} onUploaded={(id) => change({ documentIds: [...documentIds, id] })} />}
      <p>{s.attached(documentIds.length)}{documentIds.length >= MAX_DOCUMENTS ? s.attachedMax(MAX_DOCUMENTS) : ""}</p>
      {files.length > 0 && (
        <List
          data-testid="report-attachments"
          size="small"
          bordered
          dataSource={files}
          renderItem={(f) => (
            <List.Item extra={<DocumentLink programmeId={programmeId} documentId={f.id} label={f.fileName} />}>
              <Typography.Text>{f.fileName}</Typography.Text>
              <Typography.Text type="secondary" style={{ marginLeft: 8 }}>
                {s.uploadedOn(formatInstant(f.uploadedAt))}
              </Typography.Text>
            </List.Item>
          )}
        />
      )}
    </div>
  );
}

/** The attached documents' names, read by id (the unit reads its own documents; firestore.rules). */
function useAttachedFiles(programmeId: string, documentIds: string[]) {
  const [files, setFiles] = useState<{ id: string; fileName: string; uploadedAt: Date }[]>([]);
  const key = documentIds.join(",");
  useEffect(() => {
    let live = true;
    Promise.all(documentIds.map((id) => getDoc(doc(collections.documents(programmeId), id))))
      .then((snaps) => live && setFiles(snaps.flatMap((d) => (d.exists() ? [{ id: d.id, fileName: d.data().fileName, uploadedAt: d.data().uploadedAt }] : []))))
      .catch(() => live && setFiles([]));
    return () => {
      live = false;
    };
  }, [programmeId, key]);
  return files;
}

/** This period's evaluation of the report, once there is one. */
function EvaluationCard({ evaluation }: { evaluation: Stored<"evaluations"> }) {
  return (
    <Card title={s.evaluationTitle(stateWords.evaluation[evaluation.state])}>
      <Descriptions size="small" column={{ xs: 1, sm: 3 }} bordered style={{ marginBottom: 16 }}>
        <Descriptions.Item label={nouns.total}>
          <span data-testid="evaluation-total">{evaluation.total.toFixed(1)}</span>
        </Descriptions.Item>
        <Descriptions.Item label={nouns.band}>{evaluation.band}</Descriptions.Item>
        <Descriptions.Item label={s.rank}>{evaluation.rank ?? s.rankPending}</Descriptions.Item>
      </Descriptions>
      <DimensionTable dimensions={evaluation.dimensions} />
    </Card>
  );
}
