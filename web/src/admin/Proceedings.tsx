// Proceedings (GZ-4.4a, GZ-4.3b, GZ-4.4b, GZ-4.4b.9, DG-10, DG-16): only the next actions the
// domain's state machines allow are offered, each naming its clause; the bureau-meeting record
// (date, minutes file, decision) is required before a Guangzhou clear-out can take effect.
import { clearOutMachine } from "@domain/clearOut.machine";
import { criticismMachine } from "@domain/criticism.machine";
import { partnerRemovalMachine } from "@domain/partnerRemoval.machine";
import { Alert, Button, Card, DatePicker, Descriptions, Drawer, Form, Input, Radio, Select, Space, Tag } from "antd";
import type { Dayjs } from "dayjs";
import { collection, orderBy, query, where } from "firebase/firestore";
import { useState } from "react";
import { call, errorText } from "../shared/call";
import { formatDate, today } from "../shared/dates";
import { FileUpload } from "../shared/FileUpload";
import { db } from "../shared/db";
import { t } from "../shared/strings";
import { PagedTable } from "../shared/PagedTable";
import { usePagedQuery } from "../shared/usePagedQuery";
import { ActionButton } from "./ActionButton";
import { NameOf, NamePicker } from "./names";
import type { ProgrammeView } from "./useProgramme";
import { Outcome, type OutcomeMessage } from "../shared/Outcome";

interface Proceeding {
  id: string;
  kind: "criticism" | "clearOut" | "partnerRemoval";
  unitId: string;
  partnerId?: string;
  ground: string;
  state: string;
  automatic?: boolean;
  evidence: { description: string; documentId?: string }[];
  openedOn: string;
  rectificationDeadline?: string;
  bureauMeeting?: { heldOn: string; decision: string; minutesDocumentId: string };
  note?: string;
}

const EVENT_LABELS: Record<string, string> = {
  issue: "通报批评并责令整改",
  dismiss: "不予立案",
  acceptResponse: "整改通过",
  returnResponse: "退回整改报告",
  extend: "延长整改期限",
  escalate: "转为清退",
  markOverdue: "标记逾期",
  respond: "登记整改报告",
  recordBureauMeeting: "登记局务会审议",
  takeEffect: "清退生效",
  announce: "发布公告",
  order: "责令取消合作",
  confirmRemoved: "确认已取消合作",
};

export function allowedFor(p: Proceeding, programme: ProgrammeView): string[] {
  const base = { today: today(), pack: programme.pack, programmeEndsOn: programme.endsOn };
  if (p.kind === "criticism") return criticismMachine.allowedEvents(p.state as never, { ...base, ground: p.ground, calendar: programme.calendar, deadline: p.rectificationDeadline });
  if (p.kind === "clearOut") return clearOutMachine.allowedEvents(p.state as never, { ...base, ground: p.ground, reason: p.note ?? "" });
  return partnerRemovalMachine.allowedEvents(p.state as never, { ...base, ground: p.ground });
}

export default function Proceedings({ programme }: { programme: ProgrammeView }) {
  const [kind, setKind] = useState<string>("all");
  const [selected, setSelected] = useState<Proceeding | null>(null);
  const proceedingsCol = collection(db, "programmes", programme.id, "proceedings");
  const q = kind === "all" ? query(proceedingsCol, orderBy("openedOn", "desc")) : query(proceedingsCol, where("kind", "==", kind), orderBy("openedOn", "desc"));
  const page = usePagedQuery<Proceeding>(q, `${programme.id}-${kind}`, 20);

  return (
    <Space direction="vertical" size="large" style={{ width: "100%" }}>
      <OpenProceeding programme={programme} onDone={page.reload} />
      <Card
        size="small"
        title={`程序（共 ${page.total ?? "…"} 件）`}
        extra={<Radio.Group value={kind} onChange={(e) => setKind(e.target.value)} options={[{ value: "all", label: "全部" }, { value: "criticism", label: "通报批评" }, { value: "clearOut", label: "清退" }, { value: "partnerRemoval", label: "取消合作伙伴" }]} />}
      >
        <PagedTable<Proceeding>
          page={page}
          onRowClick={setSelected}
          columns={[
            { title: "程序", render: (_, r) => t.proceedingKind[r.kind] },
            { title: "单位", render: (_, r) => <NameOf programmeId={programme.id} id={r.unitId} /> },
            { title: "依据", render: (_, r) => <Tag color="blue">{r.ground}</Tag> },
            { title: "状态", render: (_, r) => t.proceedingState[r.state] ?? r.state },
            { title: "来源", render: (_, r) => (r.automatic ? "系统提出" : "人工立案") },
            { title: "立案日期", render: (_, r) => formatDate(r.openedOn) },
          ]}
        />
      </Card>
      <Drawer open={selected !== null} onClose={() => setSelected(null)} width={640} title={selected ? <>{t.proceedingKind[selected.kind]} · <NameOf programmeId={programme.id} id={selected.unitId} /></> : ""}>
        {selected && <ProceedingDetail programme={programme} p={selected} onChanged={() => { page.reload(); setSelected(null); }} />}
      </Drawer>
    </Space>
  );
}

function ProceedingDetail({ programme, p, onChanged }: { programme: ProgrammeView; p: Proceeding; onChanged: () => void }) {
  const events = allowedFor(p, programme);
  // expectedState: if someone else acted first, the server answers "already decided".
  const data = { programmeId: programme.id, proceedingId: p.id, expectedState: p.state };
  return (
    <Space direction="vertical" style={{ width: "100%" }}>
      <Descriptions column={1} bordered size="small">
        <Descriptions.Item label="依据条款">{p.ground}</Descriptions.Item>
        <Descriptions.Item label="状态">{t.proceedingState[p.state] ?? p.state}</Descriptions.Item>
        <Descriptions.Item label="事实与依据">{p.evidence.map((e) => e.description).join("；")}</Descriptions.Item>
        {p.rectificationDeadline && <Descriptions.Item label="整改期限">{formatDate(p.rectificationDeadline)}</Descriptions.Item>}
        {p.bureauMeeting && <Descriptions.Item label="局务会">{`${formatDate(p.bureauMeeting.heldOn)} · ${p.bureauMeeting.decision === "confirmed" ? "审议确认" : "未予确认"}`}</Descriptions.Item>}
      </Descriptions>
      <div data-testid="allowed-events">
        {events.length === 0 ? (
          <Alert type="info" showIcon title="当前状态下无可执行的操作" />
        ) : (
          <Space wrap>
            {events.filter((e) => e !== "recordBureauMeeting" && e !== "respond" && e !== "announce").map((e) =>
              e === "dismiss" || e === "returnResponse" ? (
                <ReasonEvent key={e} event={e} data={data} onDone={onChanged} />
              ) : e === "extend" || e === "escalate" ? (
                <EventWithInput key={e} event={e} programme={programme} data={data} onDone={onChanged} />
              ) : (
                <ActionButton key={e} label={EVENT_LABELS[e] ?? e} fn="proceedingEvent" data={{ ...data, event: { type: e } }} onDone={onChanged} />
              ),
            )}
          </Space>
        )}
      </div>
      {events.includes("recordBureauMeeting") && <BureauMeeting programme={programme} proceedingId={p.id} onDone={onChanged} />}
    </Space>
  );
}

/** dismiss needs `reason`, returnResponse needs `comment`: both inside the event. */
function ReasonEvent({ event, data, onDone }: { event: string; data: Record<string, unknown>; onDone: () => void }) {
  const [text, setText] = useState("");
  const field = event === "dismiss" ? "reason" : "comment";
  return (
    <Space>
      <Input aria-label={`${EVENT_LABELS[event]}的理由`} placeholder="请写明理由" value={text} onChange={(e) => setText(e.target.value)} style={{ width: 200 }} />
      <ActionButton label={EVENT_LABELS[event] ?? event} fn="proceedingEvent" data={{ ...data, event: { type: event, [field]: text } }} danger onDone={onDone} />
    </Space>
  );
}

function EventWithInput({ event, programme, data, onDone }: { event: string; programme: ProgrammeView; data: Record<string, unknown>; onDone: () => void }) {
  const [value, setValue] = useState<string | undefined>();
  const payload = event === "extend" ? { type: "extend", deadline: value } : { type: "escalate", clearOutGround: value };
  return (
    <Space>
      {event === "extend" ? (
        <DatePicker aria-label="新的整改期限" onChange={(d: Dayjs | null) => setValue(d?.format("YYYY-MM-DD"))} />
      ) : (
        <Select aria-label="清退依据" style={{ width: 140 }} placeholder="清退依据" onChange={setValue} options={programme.pack.clearOut.grounds.map((g) => ({ value: g, label: g }))} />
      )}
      <ActionButton label={EVENT_LABELS[event] ?? event} fn="proceedingEvent" data={{ ...data, event: payload }} onDone={onDone} />
    </Space>
  );
}

function BureauMeeting({ programme, proceedingId, onDone }: { programme: ProgrammeView; proceedingId: string; onDone: () => void }) {
  const [minutes, setMinutes] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  async function record(v: { heldOn: Dayjs; decision: string }) {
    setError(null);
    try {
      await call("recordBureauMeeting", { programmeId: programme.id, proceedingId, heldOn: v.heldOn.format("YYYY-MM-DD"), minutesDocumentId: minutes, decision: v.decision });
      onDone();
    } catch (err) {
      setError(errorText(err));
    }
  }
  return (
    <Card size="small" title={`局务会审议（${programme.pack.clearOut.bureauMeeting === "required" ? "清退生效前必须" : "可选"}，${programme.pack.clauses.bureauMeeting ?? ""}）`}>
      <FileUpload label="上传会议纪要" target={{ programmeId: programme.id, targetType: "proceeding", targetId: proceedingId, kind: "meetingMinutes" }} onUploaded={setMinutes} />
      <Form layout="inline" onFinish={record} style={{ marginTop: 12 }} initialValues={{ decision: "confirmed" }}>
        <Form.Item name="heldOn" label="会议日期" rules={[{ required: true, message: "请选择会议日期" }]}>
          <DatePicker />
        </Form.Item>
        <Form.Item name="decision" label="结论">
          <Radio.Group options={[{ value: "confirmed", label: "审议确认" }, { value: "rejected", label: "不予确认" }]} />
        </Form.Item>
        <Button htmlType="submit" type="primary" disabled={!minutes}>
          登记
        </Button>
      </Form>
      {error && <Alert type="error" showIcon role="alert" title={error} style={{ marginTop: 8 }} />}
    </Card>
  );
}

function OpenProceeding({ programme, onDone }: { programme: ProgrammeView; onDone: () => void }) {
  const [kind, setKind] = useState<"criticism" | "clearOut" | "partnerRemoval">("criticism");
  const [message, setMessage] = useState<OutcomeMessage>(null);
  const [form] = Form.useForm();
  const grounds = kind === "criticism" ? programme.pack.criticismGrounds : kind === "clearOut" ? programme.pack.clearOut.grounds : programme.pack.partnerRemovalGrounds;
  async function open(v: { unitId: string; partnerId?: string; ground: string; evidence: string; note?: string }) {
    setMessage(null);
    try {
      await call("openProceeding", { programmeId: programme.id, kind, unitId: v.unitId, partnerId: v.partnerId || undefined, ground: v.ground, evidence: [{ description: v.evidence }], note: v.note });
      setMessage({ type: "success", text: "已立案。" });
      form.resetFields();
      onDone();
    } catch (err) {
      setMessage({ type: "error", text: errorText(err) });
    }
  }
  return (
    <Card size="small" title="人工立案">
      <Space direction="vertical" style={{ width: "100%" }}>
        <Radio.Group value={kind} onChange={(e) => setKind(e.target.value)} options={[{ value: "criticism", label: "通报批评" }, { value: "clearOut", label: "清退" }, ...(programme.pack.partnerRemovalGrounds.length ? [{ value: "partnerRemoval", label: "取消合作伙伴" }] : [])]} />
        <Form form={form} layout="inline" onFinish={open}>
          <Form.Item name="unitId" label="牵引单位" rules={[{ required: true, message: "请选择牵引单位" }]}>
            <NamePicker programmeId={programme.id} kind="units" />
          </Form.Item>
          {kind === "partnerRemoval" && (
            <Form.Item name="partnerId" label="合作伙伴" rules={[{ required: true, message: "请选择合作伙伴" }]}>
              <NamePicker programmeId={programme.id} kind="partners" />
            </Form.Item>
          )}
          <Form.Item name="ground" label="依据条款" rules={[{ required: true, message: "请选择依据" }]}>
            <Select style={{ width: 130 }} options={grounds.map((g) => ({ value: g, label: g }))} />
          </Form.Item>
          <Form.Item name="evidence" label="事实依据" rules={[{ required: true, message: "请写明事实依据" }]}>
            <Input style={{ width: 260 }} maxLength={1000} />
          </Form.Item>
          <Button htmlType="submit">立案</Button>
        </Form>
        <Outcome message={message} />
      </Space>
    </Card>
  );
}
