// DG-5.7: the work group selects excellent units, service providers and products each year. An
// award is optional; when given it is recorded with who decided it and when, and cannot be given
// twice for the same year, kind and subject.
import { awardSubjectCollection, type AwardKind } from "@domain/awards";
import { awardKindWords, awardSubjectWords } from "@domain/words";
import { Button, Card, DatePicker, Form, InputNumber, Select, Space } from "antd";
import type { Dayjs } from "dayjs";
import { orderBy, query } from "firebase/firestore";
import { useState } from "react";
import { call } from "../data/callables";
import { collections } from "../data/collections";
import { formatDate, today } from "../shared/dates";
import { mustChoose, mustFill } from "../shared/formRules";
import { Outcome, useOutcome } from "../shared/Outcome";
import { PagedTable } from "../shared/PagedTable";
import { t } from "../shared/strings";
import { usePagedQuery } from "../shared/usePagedQuery";
import { actorName } from "./actorName";
import { NameOf, NamePicker } from "./names";
import type { ProgrammeView } from "./useProgramme";

const s = t.awards;

export default function Awards({ programme }: { programme: ProgrammeView }) {
  const page = usePagedQuery(query(collections.awards(programme.id), orderBy("year", "desc")), `${programme.id}-awards`, 20);
  const [kind, setKind] = useState<AwardKind>("excellentUnit");
  const [form] = Form.useForm();
  const outcome = useOutcome();
  const subject = awardSubjectWords[kind];

  const save = (v: { year: number; subjectId: string; decidedOn: Dayjs }) =>
    outcome.run(async () => {
      await call("recordAward", { programmeId: programme.id, year: v.year, kind, subjectId: v.subjectId, decidedOn: v.decidedOn.format("YYYY-MM-DD") });
      form.resetFields(["subjectId"]);
      page.reload();
      return s.recorded;
    });

  return (
    <Space direction="vertical" size="large" style={{ width: "100%" }}>
      <Card size="small" title={s.recordTitle(programme.pack.clauses.awards ?? "")}>
        <Form form={form} layout="inline" onFinish={save} initialValues={{ year: Number(today().slice(0, 4)) }}>
          <Form.Item name="year" label={s.year} rules={mustFill(s.year)}>
            <InputNumber min={2000} max={2100} />
          </Form.Item>
          <Form.Item label={s.kind} htmlFor="award-kind">
            <Select id="award-kind" style={{ width: 160 }} value={kind} onChange={(k: AwardKind) => (setKind(k), form.resetFields(["subjectId"]))} options={Object.entries(awardKindWords).map(([value, label]) => ({ value, label }))} />
          </Form.Item>
          <Form.Item name="subjectId" label={subject} rules={mustChoose(subject)}>
            <NamePicker key={kind} programmeId={programme.id} kind={awardSubjectCollection[kind]} />
          </Form.Item>
          <Form.Item name="decidedOn" label={s.decidedOn} rules={mustChoose(s.decidedOn)}>
            <DatePicker />
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
            { title: s.year, dataIndex: "year" },
            { title: s.kindColumn, render: (_, a) => awardKindWords[a.kind] },
            { title: s.subject, render: (_, a) => (a.kind === "excellentUnit" ? <NameOf programmeId={programme.id} id={a.subjectId} /> : a.subjectName) },
            { title: s.decidedOn, render: (_, a) => formatDate(a.decidedOn) },
            { title: t.common.recordedBy, render: (_, a) => actorName(a.by) },
          ]}
        />
      </Card>
    </Space>
  );
}
