// The decision on a submitted report (GZ-3.4.1, DG-9.1), made only after reading it: 通过 after a
// confirmation that says what it does (the report becomes final and can no longer be returned),
// or 退回 with a reason per item of the report — at least one. The server has the last word
// (another reviewer may have decided first); its Chinese answer is shown as it is.
import { reportMachine } from "@domain/report.machine";
import { reviewDecisionWords, stateWords } from "@domain/words";
import { Alert, Button, Card, Input, Popconfirm, Select, Space, Typography } from "antd";
import { useState } from "react";
import { call } from "../../data/callables";
import { Outcome, useOutcome } from "../../shared/Outcome";
import { t } from "../../shared/strings";
import type { ReviewedReport } from "./useReportReview";
import { insideDrawer } from "./insideDrawer";


const s = t.review;
const words = reviewDecisionWords.report;

interface Target {
  programmeId: string;
  reportId: string;
  onDecided?: () => void;
}

function AcceptButton({ programmeId, reportId, onDecided }: Target) {
  const outcome = useOutcome();
  const accept = () =>
    outcome.run(async () => {
      await call("reviewReport", { programmeId, reportId, decision: "accept", reasons: [] });
      onDecided?.();
      return s.accepted;
    });
  return (
    <div>
      <Popconfirm getPopupContainer={insideDrawer} title={s.acceptConfirmTitle} description={<div style={{ maxWidth: 360 }}>{s.acceptConsequence}</div>} okText={s.acceptOk} cancelText={t.common.cancel} onConfirm={accept}>
        <Button type="primary" loading={outcome.busy}>
          {words.accept}
        </Button>
      </Popconfirm>
      <Outcome message={outcome.message} />
    </div>
  );
}

type Reason = { field?: string; reason: string };

/** The reasons to send, or the sentence saying what is missing. */
function checkReasons(rows: Reason[]): { reasons: { field: string; reason: string }[] } | { problem: string } {
  const incomplete = rows.findIndex((r) => (r.field === undefined) !== (r.reason.trim() === ""));
  if (incomplete >= 0) return { problem: s.reasonIncomplete(incomplete + 1) };
  const reasons = rows.filter((r) => r.field !== undefined && r.reason.trim() !== "").map((r) => ({ field: r.field!, reason: r.reason.trim() }));
  return reasons.length ? { reasons } : { problem: s.reasonRequired };
}

function ReasonRow({ index, row, fields, onChange, onRemove }: { index: number; row: Reason; fields: string[]; onChange: (r: Reason) => void; onRemove?: () => void }) {
  return (
    <Space align="start" wrap>
      <Select aria-label={s.fieldOf(index)} placeholder={s.field} style={{ width: 220 }} value={row.field} onChange={(field) => onChange({ ...row, field })} options={fields.map((f) => ({ value: f, label: f }))} />
      <Input.TextArea aria-label={s.reasonOf(index)} placeholder={s.reason} rows={2} maxLength={1000} style={{ width: 380 }} value={row.reason} onChange={(e) => onChange({ ...row, reason: e.target.value })} />
      {onRemove && (
        <Button size="small" onClick={onRemove} aria-label={s.removeReason(index)}>
          {s.remove}
        </Button>
      )}
    </Space>
  );
}

function ReturnForm({ programmeId, reportId, onDecided, fields }: Target & { fields: string[] }) {
  const [rows, setRows] = useState<Reason[]>([{ reason: "" }]);
  const outcome = useOutcome();
  const set = (i: number, r: Reason) => setRows(rows.map((x, j) => (j === i ? r : x)));
  const send = () =>
    outcome.run(async () => {
      const checked = checkReasons(rows);
      if ("problem" in checked) throw new Error(checked.problem);
      await call("reviewReport", { programmeId, reportId, decision: "return", reasons: checked.reasons });
      onDecided?.();
      return s.returned;
    });
  return (
    <Card size="small" title={s.returnTitle}>
      <Typography.Paragraph type="secondary">{s.returnHint}</Typography.Paragraph>
      <Space direction="vertical" style={{ width: "100%" }}>
        {rows.map((row, i) => (
          <ReasonRow key={i} index={i + 1} row={row} fields={fields} onChange={(r) => set(i, r)} onRemove={rows.length > 1 ? () => setRows(rows.filter((_, j) => j !== i)) : undefined} />
        ))}
        <Space>
          <Button onClick={() => setRows([...rows, { reason: "" }])}>{s.addReason}</Button>
          <Button danger loading={outcome.busy} onClick={send}>
            {s.returnOk}
          </Button>
        </Space>
      </Space>
      <Outcome message={outcome.message} />
    </Card>
  );
}

export function Decision({ report, fields, ...target }: Target & { report: ReviewedReport; fields: string[] }) {
  // The decisions the report machine has a rule for in this state; the server applies the rest.
  const offered = reportMachine.eventsFrom(report.state);
  return (
    <section aria-label={s.decisionTitle}>
      <Typography.Title level={5}>{s.decisionTitle}</Typography.Title>
      {offered.includes("accept") || offered.includes("return") ? (
        <Space direction="vertical" style={{ width: "100%" }} size="middle">
          {offered.includes("accept") && <AcceptButton {...target} />}
          {offered.includes("return") && <ReturnForm {...target} fields={fields} />}
        </Space>
      ) : (
        <Alert type="info" showIcon title={s.decided[report.state] ?? s.stateNow(stateWords.report[report.state])} />
      )}
    </section>
  );
}
