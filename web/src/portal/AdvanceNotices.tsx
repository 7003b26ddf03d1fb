// GZ-4.8: a rename, reorganisation or restructuring must be reported at least 10 working days
// before the procedure. The last on-time day is computed here as the person types (mainland
// calendar with holidays and 调休), and again by the server when the filing is made.
import { checkAdvanceNotice } from "@domain/advanceNotice";
import { advanceNoticeKindWords, advanceNoticeSubjectWords } from "@domain/words";
import { Alert, Button, Card, DatePicker, Form, Input, Radio, Table, Tag } from "antd";
import type { Dayjs } from "dayjs";
import { query, where } from "firebase/firestore";
import { useEffect, useState } from "react";
import { call } from "../data/callables";
import { collections, watchQuery, type Stored } from "../data/collections";
import { formatDate, today } from "../shared/dates";
import { errorText } from "../shared/errorText";
import { mustFill } from "../shared/formRules";
import { Outcome, useOutcome } from "../shared/Outcome";
import { t } from "../shared/strings";
import { TextField } from "../shared/TextField";
import type { PortalContext } from "./usePortalData";

const s = t.advanceNotices;
const options = (words: Record<string, string>) => Object.entries(words).map(([value, label]) => ({ value, label }));

export default function AdvanceNotices({ ctx }: { ctx: PortalContext }) {
  return (
    <>
      <FileAdvanceNotice ctx={ctx} />
      <FiledAdvanceNotices ctx={ctx} />
    </>
  );
}

/** The filing form: what changes, about whom, and on which day, with the deadline check as the date is picked. */
function FileAdvanceNotice({ ctx }: { ctx: PortalContext }) {
  const [plannedOn, setPlannedOn] = useState<string | null>(null);
  const outcome = useOutcome();
  const [form] = Form.useForm();

  const file = (values: { subject: keyof typeof advanceNoticeSubjectWords; kind: keyof typeof advanceNoticeKindWords; description: string; partnerId?: string }) =>
    outcome.run(async () => {
      await call("fileAdvanceNotice", { programmeId: ctx.programmeId, subject: values.subject, partnerId: values.partnerId || undefined, kind: values.kind, description: values.description, plannedOn: plannedOn! });
      form.resetFields();
      setPlannedOn(null);
      return s.filed;
    });

  return (
    <Card title={s.title(ctx.pack.advanceNoticeWorkingDays ?? 0)} style={{ marginBottom: 24 }}>
      <Form form={form} layout="vertical" onFinish={file} style={{ maxWidth: 560 }} initialValues={{ subject: "unit", kind: "rename" }}>
        <Form.Item label={s.subject} name="subject">
          <Radio.Group options={options(advanceNoticeSubjectWords)} />
        </Form.Item>
        <Form.Item noStyle shouldUpdate={(a, b) => a.subject !== b.subject}>
          {({ getFieldValue }) => getFieldValue("subject") === "partner" && <TextField label={s.partnerId} name="partnerId" required />}
        </Form.Item>
        <Form.Item label={s.kind} name="kind">
          <Radio.Group options={options(advanceNoticeKindWords)} />
        </Form.Item>
        <Form.Item label={s.description} name="description" rules={mustFill(s.description)}>
          <Input.TextArea rows={3} maxLength={3000} />
        </Form.Item>
        <Form.Item label={s.plannedOn} required>
          <DatePicker aria-label={s.plannedOn} onChange={(d: Dayjs | null) => setPlannedOn(d ? d.format("YYYY-MM-DD") : null)} />
        </Form.Item>
        {plannedOn && <AdvanceCheck ctx={ctx} plannedOn={plannedOn} />}
        <Outcome message={outcome.message} />
        <Button type="primary" htmlType="submit" disabled={!plannedOn} style={{ marginTop: 16 }}>
          {s.file}
        </Button>
      </Form>
    </Card>
  );
}

/** The last on-time filing day for the planned date, as the server will compute it; or why it cannot be computed. */
function AdvanceCheck({ ctx, plannedOn }: { ctx: PortalContext; plannedOn: string }) {
  let check: ReturnType<typeof checkAdvanceNotice>;
  try {
    check = checkAdvanceNotice(plannedOn, today(), ctx.pack, ctx.calendar);
  } catch (err) {
    return <Alert type="warning" showIcon title={errorText(err)} style={{ marginBottom: 16 }} />;
  }
  return (
    <Alert
      data-testid="advance-check"
      type={check.late ? "warning" : "info"}
      showIcon
      style={{ marginBottom: 16 }}
      title={s.latest(formatDate(check.latestOnTimeFilingDate))}
      description={check.late ? s.lateHint(check.workingDaysAhead, ctx.pack.clauses.advanceNotice ?? "") : s.onTimeHint(check.workingDaysAhead)}
    />
  );
}

/** The unit's filings so far, live, each marked on time or late. */
function FiledAdvanceNotices({ ctx }: { ctx: PortalContext }) {
  const [filings, setFilings] = useState<Stored<"advanceNotices">[]>([]);
  useEffect(() => watchQuery(query(collections.advanceNotices(ctx.programmeId), where("unitId", "==", ctx.unitId)), setFilings), [ctx.programmeId, ctx.unitId]);
  return (
    <Card title={s.filedTitle}>
      <Table
        rowKey="id"
        size="small"
        dataSource={filings}
        locale={{ emptyText: t.common.none }}
        columns={[
          { title: s.kindColumn, render: (_, f) => advanceNoticeKindWords[f.kind] },
          { title: s.descriptionColumn, dataIndex: "description" },
          { title: s.plannedColumn, render: (_, f) => formatDate(f.plannedOn) },
          { title: s.filedColumn, render: (_, f) => formatDate(f.filedOn) },
          { title: s.latestColumn, render: (_, f) => formatDate(f.latestOnTimeFilingDate) },
          { title: t.common.filingTimeliness, render: (_, f) => (!f.filedOn ? <Tag color="red">{s.notFiledTag}</Tag> : f.late ? <Tag color="red">{s.lateTag}</Tag> : <Tag color="green">{s.onTimeTag}</Tag>) },
        ]}
      />
    </Card>
  );
}
