// GZ-4.8 for staff: every unit's advance reports of renames and restructurings, late ones marked,
// and a form to record a change a unit carried out without reporting it ahead. The record makes
// the deadline sweep propose a criticism under the pack's unreported-change ground (GZ-4.4a.4
// 未及时报告说明), which staff then issue or dismiss on the 批评与清退 tab.
import { advanceNoticeKindWords, advanceNoticeSubjectWords } from "@domain/words";
import { Button, Card, DatePicker, Form, Input, Select, Space, Tag, Typography } from "antd";
import type { Dayjs } from "dayjs";
import { orderBy, query } from "firebase/firestore";
import { useState } from "react";
import { call } from "../data/callables";
import { collections } from "../data/collections";
import { formatDate } from "../shared/dates";
import { mustChoose, mustFill } from "../shared/formRules";
import { Outcome, useOutcome } from "../shared/Outcome";
import { PagedTable } from "../shared/PagedTable";
import { t } from "../shared/strings";
import { usePagedQuery } from "../shared/usePagedQuery";
import { actorName } from "./actorName";
import { NameOf, NamePicker } from "./names";
import type { ProgrammeView } from "./useProgramme";

const s = t.advanceReports;
type Subject = keyof typeof advanceNoticeSubjectWords;
type Kind = keyof typeof advanceNoticeKindWords;
interface Values { unitId: string; partnerId?: string; kind: Kind; description: string; procedureOn: Dayjs; source: string }

export default function AdvanceReports({ programme }: { programme: ProgrammeView }) {
  const page = usePagedQuery(query(collections.advanceNotices(programme.id), orderBy("latestOnTimeFilingDate", "desc")), `${programme.id}-advance`, 20);
  const [subject, setSubject] = useState<Subject>("unit");
  const [form] = Form.useForm<Values>();
  const outcome = useOutcome();
  const { pack } = programme;

  const save = (v: Values) =>
    outcome.run(async () => {
      const r = await call("recordUnfiledChange", {
        programmeId: programme.id,
        unitId: v.unitId,
        subject,
        ...(subject === "partner" ? { partnerId: v.partnerId } : {}),
        kind: v.kind,
        description: v.description,
        procedureOn: v.procedureOn.format("YYYY-MM-DD"),
        source: v.source,
      });
      form.resetFields();
      page.reload();
      return s.recorded(formatDate(r.latestOnTimeFilingDate));
    });

  return (
    <Space direction="vertical" size="large" style={{ width: "100%" }}>
      <Card size="small" title={s.recordTitle(pack.advanceNoticeWorkingDays ?? 0, pack.clauses.advanceNotice ?? "")}>
        <Typography.Paragraph type="secondary">{s.recordHint(pack.clauses.unreportedChange ?? "")}</Typography.Paragraph>
        <Form form={form} layout="vertical" onFinish={save} style={{ maxWidth: 560 }}>
          <Form.Item name="unitId" label={s.unit} rules={mustChoose(s.unit)}>
            <NamePicker programmeId={programme.id} kind="units" />
          </Form.Item>
          <Form.Item label={s.subject} htmlFor="advance-subject">
            <Select id="advance-subject" value={subject} onChange={setSubject} options={Object.entries(advanceNoticeSubjectWords).map(([value, label]) => ({ value, label }))} />
          </Form.Item>
          {subject === "partner" && (
            <Form.Item name="partnerId" label={s.partner} rules={mustChoose(s.partner)}>
              <NamePicker programmeId={programme.id} kind="partners" />
            </Form.Item>
          )}
          <Form.Item name="kind" label={s.kind} rules={mustChoose(s.kind)}>
            <Select options={Object.entries(advanceNoticeKindWords).map(([value, label]) => ({ value, label }))} />
          </Form.Item>
          <Form.Item name="description" label={s.description} rules={mustFill(s.description)}>
            <Input.TextArea rows={2} maxLength={3000} />
          </Form.Item>
          <Form.Item name="procedureOn" label={s.procedureOn} rules={mustChoose(s.procedureOn)}>
            <DatePicker />
          </Form.Item>
          <Form.Item name="source" label={s.source} rules={mustFill(s.source)}>
            <Input placeholder={s.sourcePlaceholder} maxLength={500} />
          </Form.Item>
          <Button htmlType="submit" type="primary" loading={outcome.busy}>
            {t.common.record}
          </Button>
        </Form>
        <Outcome message={outcome.message} />
      </Card>
      <Card size="small" title={s.listTitle(page.total)}>
        <PagedTable
          page={page}
          emptyText={s.empty}
          columns={[
            { title: s.unit, render: (_, a) => <NameOf programmeId={programme.id} id={a.unitId} /> },
            { title: s.subject, render: (_, a) => (a.subject === "partner" ? <NameOf programmeId={programme.id} kind="partners" id={a.partnerId} /> : advanceNoticeSubjectWords.unit) },
            { title: s.kind, render: (_, a) => advanceNoticeKindWords[a.kind] },
            { title: s.description, dataIndex: "description" },
            { title: s.procedureOn, render: (_, a) => formatDate(a.plannedOn) },
            { title: s.latest, render: (_, a) => formatDate(a.latestOnTimeFilingDate) },
            { title: s.filedOn, render: (_, a) => (a.filedOn ? formatDate(a.filedOn) : `${s.notFiled}（${a.recordedBy ? s.recordedBy(actorName(a.recordedBy)) : ""}${a.source ? `，${a.source}` : ""}）`) },
            { title: t.common.filingTimeliness, render: (_, a) => (!a.filedOn ? <Tag color="red">{s.notFiled}</Tag> : a.late ? <Tag color="red">{s.lateTag}</Tag> : <Tag color="green">{s.onTimeTag}</Tag>) },
          ]}
        />
      </Card>
    </Space>
  );
}
