// DG-9.2: units ranked lowest are interviewed and supervised (约谈、督导). The period close lists
// them for staff (notifications `interviewCandidate`); here staff record each interview with its
// date, form and notes. Several records per unit are fine (an interview, then supervision).
import { Alert, Button, Card, DatePicker, Form, Input, Modal, Radio, Table, Tag } from "antd";
import type { Dayjs } from "dayjs";
import { collection, getDocs, query, where } from "firebase/firestore";
import { useEffect, useState } from "react";
import { call, errorText } from "../shared/call";
import { formatDate, today } from "../shared/dates";
import { db } from "../shared/db";
import { t } from "../shared/strings";
import { NameOf } from "./names";
import type { ProgrammeView } from "./useProgramme";

interface Candidate {
  id: string;
  unitId: string;
  body: string;
  recorded: boolean;
}
interface Interview {
  id: string;
  unitId: string;
  rank: number;
  heldOn: string;
  kind: string;
  notes: string;
  by: { name?: string; uid: string };
}

export function Interviews({ programme, periodId }: { programme: ProgrammeView; periodId: string }) {
  const [candidates, setCandidates] = useState<Candidate[] | null>(null);
  const [records, setRecords] = useState<Interview[]>([]);
  const [recording, setRecording] = useState<string | null>(null);
  const [tick, setTick] = useState(0);
  const prefix = `interview_${periodId}_`;

  useEffect(() => {
    const pre = ["programmes", programme.id] as const;
    // Few per period (the pack's lowest-ranked count, ties included), so no paging needed.
    getDocs(query(collection(db, ...pre, "notifications"), where("kind", "==", "interviewCandidate"))).then((snap) =>
      setCandidates(snap.docs.filter((d) => d.id.startsWith(prefix)).map((d) => ({ id: d.id, unitId: d.id.slice(prefix.length), body: d.data().body as string, recorded: d.data().readAt !== undefined }))),
    );
    getDocs(query(collection(db, ...pre, "interviews"), where("periodId", "==", periodId))).then((snap) =>
      setRecords(snap.docs.map((d) => ({ id: d.id, ...(d.data() as Omit<Interview, "id">) })).sort((a, b) => b.heldOn.localeCompare(a.heldOn))),
    );
  }, [programme.id, periodId, tick]);

  return (
    <Card size="small" title={`排名靠后单位约谈督导（${programme.pack.clauses.ranking}）`} data-testid="interviews">
      <Table<Candidate>
        rowKey="id"
        size="small"
        dataSource={candidates ?? []}
        loading={candidates === null}
        pagination={false}
        locale={{ emptyText: "本期关账后列出排名靠后的单位" }}
        columns={[
          { title: "单位", render: (_, c) => <NameOf programmeId={programme.id} id={c.unitId} /> },
          { title: "情况", dataIndex: "body" },
          { title: "约谈记录", render: (_, c) => (c.recorded || records.some((r) => r.unitId === c.unitId) ? <Tag color="green">已记录</Tag> : <Tag color="red">待约谈</Tag>) },
          { title: "", render: (_, c) => <Button size="small" onClick={() => setRecording(c.unitId)}>记录约谈</Button> },
        ]}
      />
      {records.length > 0 && (
        <Table<Interview>
          caption="已记录的约谈、督导"
          rowKey="id"
          size="small"
          dataSource={records}
          pagination={false}
          columns={[
            { title: "单位", render: (_, r) => <NameOf programmeId={programme.id} id={r.unitId} /> },
            { title: "名次", dataIndex: "rank" },
            { title: "方式", render: (_, r) => t.interviewKind[r.kind] ?? r.kind },
            { title: "日期", render: (_, r) => formatDate(r.heldOn) },
            { title: "记录", dataIndex: "notes" },
            { title: "记录人", render: (_, r) => r.by.name ?? r.by.uid },
          ]}
        />
      )}
      <RecordInterview
        programme={programme}
        periodId={periodId}
        unitId={recording}
        onClose={(saved) => {
          setRecording(null);
          if (saved) setTick((n) => n + 1);
        }}
      />
    </Card>
  );
}

function RecordInterview({ programme, periodId, unitId, onClose }: { programme: ProgrammeView; periodId: string; unitId: string | null; onClose: (saved: boolean) => void }) {
  const [form] = Form.useForm();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  async function save(v: { heldOn: Dayjs; kind: "interview" | "supervision"; notes: string }) {
    setBusy(true);
    setError(null);
    try {
      await call("recordInterview", { programmeId: programme.id, unitId, periodId, heldOn: v.heldOn.format("YYYY-MM-DD"), kind: v.kind, notes: v.notes });
      form.resetFields();
      onClose(true);
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  }
  return (
    <Modal open={unitId !== null} title={unitId ? <>记录约谈：<NameOf programmeId={programme.id} id={unitId} /></> : ""} okText="保存" cancelText="取消" confirmLoading={busy} onOk={() => form.submit()} onCancel={() => onClose(false)} destroyOnHidden>
      <Form form={form} layout="vertical" onFinish={save} initialValues={{ kind: "interview" }}>
        <Form.Item name="kind" label="方式">
          <Radio.Group options={Object.entries(t.interviewKind).map(([value, label]) => ({ value, label }))} />
        </Form.Item>
        <Form.Item name="heldOn" label="约谈日期" rules={[{ required: true, message: "请选择约谈日期" }]}>
          <DatePicker disabledDate={(d) => d.format("YYYY-MM-DD") > today()} />
        </Form.Item>
        <Form.Item name="notes" label="约谈记录" rules={[{ required: true, whitespace: true, message: "请填写约谈记录" }]}>
          <Input.TextArea rows={4} maxLength={3000} showCount />
        </Form.Item>
      </Form>
      {error && <Alert type="error" showIcon role="alert" title={error} />}
    </Modal>
  );
}
