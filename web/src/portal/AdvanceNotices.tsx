// GZ-4.8: a rename, reorganisation or restructuring must be reported at least 10 working days
// before the procedure. The last on-time day is computed here as the person types (mainland
// calendar with holidays and 调休), and again by the server when the filing is made.
import { checkAdvanceNotice } from "@domain/advanceNotice";
import { Alert, Button, Card, DatePicker, Form, Input, Radio, Table, Tag } from "antd";
import type { Dayjs } from "dayjs";
import { collection, onSnapshot, query, where } from "firebase/firestore";
import { useEffect, useState } from "react";
import { call, errorText } from "../shared/call";
import { formatDate, today } from "../shared/dates";
import { db } from "../shared/db";
import type { PortalContext } from "./usePortalData";

interface Filing {
  id: string;
  kind: string;
  description: string;
  plannedOn: string;
  filedOn: string;
  latestOnTimeFilingDate: string;
  late: boolean;
}

const KINDS = [
  { value: "rename", label: "更名" },
  { value: "reorganisation", label: "重组" },
  { value: "restructuring", label: "改制" },
  { value: "other", label: "其他重大调整" },
];

export default function AdvanceNotices({ ctx }: { ctx: PortalContext }) {
  const [plannedOn, setPlannedOn] = useState<string | null>(null);
  const [filings, setFilings] = useState<Filing[]>([]);
  const [message, setMessage] = useState<{ type: "error" | "success"; text: string } | null>(null);
  const [form] = Form.useForm();

  useEffect(
    () =>
      onSnapshot(query(collection(db, "programmes", ctx.programmeId, "advanceNotices"), where("unitId", "==", ctx.unitId)), (snap) =>
        setFilings(snap.docs.map((d) => ({ id: d.id, ...(d.data() as Omit<Filing, "id">) }))),
      ),
    [ctx.programmeId, ctx.unitId],
  );

  let check: ReturnType<typeof checkAdvanceNotice> | string | null = null;
  if (plannedOn) {
    try {
      check = checkAdvanceNotice(plannedOn, today(), ctx.pack, ctx.calendar);
    } catch (err) {
      check = errorText(err);
    }
  }

  async function file(values: { subject: string; kind: string; description: string; partnerId?: string }) {
    setMessage(null);
    try {
      await call("fileAdvanceNotice", { programmeId: ctx.programmeId, subject: values.subject, partnerId: values.partnerId || undefined, kind: values.kind, description: values.description, plannedOn });
      setMessage({ type: "success", text: "已报送。" });
      form.resetFields();
      setPlannedOn(null);
    } catch (err) {
      setMessage({ type: "error", text: errorText(err) });
    }
  }

  return (
    <>
      <Card title="重大调整事前报告（须在办理手续前至少 10 个工作日报送）" style={{ marginBottom: 24 }}>
        <Form form={form} layout="vertical" onFinish={file} style={{ maxWidth: 560 }} initialValues={{ subject: "unit", kind: "rename" }}>
          <Form.Item label="报告主体" name="subject">
            <Radio.Group options={[{ value: "unit", label: "本单位" }, { value: "partner", label: "合作伙伴" }]} />
          </Form.Item>
          <Form.Item noStyle shouldUpdate={(a, b) => a.subject !== b.subject}>
            {({ getFieldValue }) =>
              getFieldValue("subject") === "partner" && (
                <Form.Item label="合作伙伴编号" name="partnerId" rules={[{ required: true, message: "请填写合作伙伴编号" }]}>
                  <Input />
                </Form.Item>
              )
            }
          </Form.Item>
          <Form.Item label="调整类型" name="kind">
            <Radio.Group options={KINDS} />
          </Form.Item>
          <Form.Item label="情况说明" name="description" rules={[{ required: true, message: "请填写情况说明" }]}>
            <Input.TextArea rows={3} maxLength={3000} />
          </Form.Item>
          <Form.Item label="拟办理手续日期" required>
            <DatePicker aria-label="拟办理手续日期" onChange={(d: Dayjs | null) => setPlannedOn(d ? d.format("YYYY-MM-DD") : null)} />
          </Form.Item>
          {typeof check === "string" && <Alert type="warning" showIcon title={check} style={{ marginBottom: 16 }} />}
          {check && typeof check !== "string" && (
            <Alert
              data-testid="advance-check"
              type={check.late ? "warning" : "info"}
              showIcon
              style={{ marginBottom: 16 }}
              title={`最迟报送日：${formatDate(check.latestOnTimeFilingDate)}`}
              description={check.late ? `今天报送已晚于最迟报送日（距办理日仅 ${check.workingDaysAhead} 个工作日），将记录为逾期报送（GZ-4.8）。` : `距办理日还有 ${check.workingDaysAhead} 个工作日。`}
            />
          )}
          {message && <Alert type={message.type} showIcon role={message.type === "error" ? "alert" : undefined} title={message.text} style={{ marginBottom: 16 }} />}
          <Button type="primary" htmlType="submit" disabled={!plannedOn}>
            报送
          </Button>
        </Form>
      </Card>
      <Card title="已报送">
        <Table
          rowKey="id"
          size="small"
          dataSource={filings}
          locale={{ emptyText: "暂无" }}
          columns={[
            { title: "类型", render: (_, f) => KINDS.find((k) => k.value === f.kind)?.label ?? f.kind },
            { title: "说明", dataIndex: "description" },
            { title: "拟办理日", render: (_, f) => formatDate(f.plannedOn) },
            { title: "报送日", render: (_, f) => formatDate(f.filedOn) },
            { title: "最迟报送日", render: (_, f) => formatDate(f.latestOnTimeFilingDate) },
            { title: "", render: (_, f) => (f.late ? <Tag color="red">逾期</Tag> : <Tag color="green">按时</Tag>) },
          ]}
        />
      </Card>
    </>
  );
}
