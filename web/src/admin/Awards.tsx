// DG-5.7: the work group selects excellent units, service providers and products each year. An
// award is optional; when given it is recorded with who decided it and when, and cannot be given
// twice for the same year, kind and subject.
import { Button, Card, DatePicker, Form, InputNumber, Select, Space } from "antd";
import type { Dayjs } from "dayjs";
import { collection, orderBy, query } from "firebase/firestore";
import { useState } from "react";
import { call, errorText } from "../shared/call";
import { formatDate, today } from "../shared/dates";
import { db } from "../shared/db";
import { Outcome, type OutcomeMessage } from "../shared/Outcome";
import { PagedTable } from "../shared/PagedTable";
import { t } from "../shared/strings";
import { usePagedQuery } from "../shared/usePagedQuery";
import { NameOf, NamePicker, type NamedCollection } from "./names";
import type { ProgrammeView } from "./useProgramme";

interface Award {
  id: string;
  year: number;
  kind: string;
  subjectId: string;
  subjectName: string;
  decidedOn: string;
  by: { name?: string; uid: string };
}

type Kind = "excellentUnit" | "excellentProvider" | "excellentProduct";
const SUBJECT: Record<Kind, { collection: NamedCollection; label: string }> = {
  excellentUnit: { collection: "units", label: "牵引单位" },
  excellentProvider: { collection: "partners", label: "服务商（合作伙伴）" },
  excellentProduct: { collection: "catalogue", label: "产品或服务" },
};

export default function Awards({ programme }: { programme: ProgrammeView }) {
  const page = usePagedQuery<Award>(query(collection(db, "programmes", programme.id, "awards"), orderBy("year", "desc")), `${programme.id}-awards`, 20);
  const [kind, setKind] = useState<Kind>("excellentUnit");
  const [form] = Form.useForm();
  const [message, setMessage] = useState<OutcomeMessage>(null);
  const [busy, setBusy] = useState(false);

  async function save(v: { year: number; subjectId: string; decidedOn: Dayjs }) {
    setBusy(true);
    setMessage(null);
    try {
      await call("recordAward", { programmeId: programme.id, year: v.year, kind, subjectId: v.subjectId, decidedOn: v.decidedOn.format("YYYY-MM-DD") });
      setMessage({ type: "success", text: "评选结果已记录。" });
      form.resetFields(["subjectId"]);
      page.reload();
    } catch (err) {
      setMessage({ type: "error", text: errorText(err) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <Space direction="vertical" size="large" style={{ width: "100%" }}>
      <Card size="small" title={`记录年度评选结果（${programme.pack.clauses.awards ?? "DG-5.7"}）`}>
        <Form form={form} layout="inline" onFinish={save} initialValues={{ year: Number(today().slice(0, 4)) }}>
          <Form.Item name="year" label="年度" rules={[{ required: true, message: "请填写年度" }]}>
            <InputNumber min={2000} max={2100} />
          </Form.Item>
          <Form.Item label="评选类别" htmlFor="award-kind">
            <Select id="award-kind" style={{ width: 160 }} value={kind} onChange={(k: Kind) => (setKind(k), form.resetFields(["subjectId"]))} options={Object.keys(SUBJECT).map((k) => ({ value: k, label: t.awardKind[k] }))} />
          </Form.Item>
          <Form.Item name="subjectId" label={SUBJECT[kind].label} rules={[{ required: true, message: `请选择${SUBJECT[kind].label}` }]}>
            <NamePicker key={kind} programmeId={programme.id} kind={SUBJECT[kind].collection} />
          </Form.Item>
          <Form.Item name="decidedOn" label="评选日期" rules={[{ required: true, message: "请选择评选日期" }]}>
            <DatePicker />
          </Form.Item>
          <Button htmlType="submit" type="primary" loading={busy}>
            记录
          </Button>
        </Form>
        <Outcome message={message} />
      </Card>
      <Card size="small" title={`评选结果（共 ${page.total ?? "…"} 项）`}>
        <PagedTable<Award>
          page={page}
          emptyText="尚无评选记录"
          columns={[
            { title: "年度", dataIndex: "year" },
            { title: "类别", render: (_, a) => t.awardKind[a.kind] ?? a.kind },
            { title: "获评对象", render: (_, a) => (a.kind === "excellentUnit" ? <NameOf programmeId={programme.id} id={a.subjectId} /> : a.subjectName) },
            { title: "评选日期", render: (_, a) => formatDate(a.decidedOn) },
            { title: "记录人", render: (_, a) => a.by.name ?? a.by.uid },
          ]}
        />
      </Card>
    </Space>
  );
}
