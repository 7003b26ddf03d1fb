// DG-9.2: units ranked lowest are interviewed and supervised (约谈、督导). The period close lists
// them for staff (notifications `interviewCandidate`); here staff record each interview with its
// date, form and notes. Several records per unit are fine (an interview, then supervision).
import { interviewKindWords, nouns } from "@domain/words";
import { Button, Card, DatePicker, Form, Input, Modal, Radio, Table, Tag } from "antd";
import type { Dayjs } from "dayjs";
import { getDocs, query, where } from "firebase/firestore";
import { useEffect, useState } from "react";
import { call } from "../data/callables";
import { collections, rowsOf, type Stored } from "../data/collections";
import { formatDate, today } from "../shared/dates";
import { mustChoose, mustFill } from "../shared/formRules";
import { Outcome, useOutcome } from "../shared/Outcome";
import { t } from "../shared/strings";
import { actorName } from "./actorName";
import { NameOf } from "./names";
import type { ProgrammeView } from "./useProgramme";

const s = t.interviews;

interface Candidate {
  id: string;
  unitId: string;
  body: string;
  recorded: boolean;
}

export function Interviews({ programme, periodId }: { programme: ProgrammeView; periodId: string }) {
  const [candidates, setCandidates] = useState<Candidate[] | null>(null);
  const [records, setRecords] = useState<Stored<"interviews">[]>([]);
  const [recording, setRecording] = useState<string | null>(null);
  const [tick, setTick] = useState(0);
  const prefix = `interview_${periodId}_`;

  useEffect(() => {
    // Few per period (the pack's lowest-ranked count, ties included), so no paging needed.
    getDocs(query(collections.notifications(programme.id), where("kind", "==", "interviewCandidate"))).then((snap) =>
      setCandidates(rowsOf(snap).filter((n) => n.id.startsWith(prefix)).map((n) => ({ id: n.id, unitId: n.id.slice(prefix.length), body: n.body, recorded: n.readAt !== undefined }))),
    );
    getDocs(query(collections.interviews(programme.id), where("periodId", "==", periodId))).then((snap) => setRecords(rowsOf(snap).sort((a, b) => b.heldOn.localeCompare(a.heldOn))));
  }, [programme.id, periodId, tick]);

  return (
    <Card size="small" title={s.title(programme.pack.clauses.ranking ?? "")} data-testid="interviews">
      <Table<Candidate>
        rowKey="id"
        size="small"
        dataSource={candidates ?? []}
        loading={candidates === null}
        pagination={false}
        locale={{ emptyText: s.empty }}
        columns={[
          { title: nouns.unit, render: (_, c) => <NameOf programmeId={programme.id} id={c.unitId} /> },
          { title: s.situation, dataIndex: "body" },
          { title: s.recordColumn, render: (_, c) => (c.recorded || records.some((r) => r.unitId === c.unitId) ? <Tag color="green">{s.recorded}</Tag> : <Tag color="red">{s.pending}</Tag>) },
          { title: t.common.actions, render: (_, c) => <Button size="small" onClick={() => setRecording(c.unitId)}>{s.record}</Button> },
        ]}
      />
      {records.length > 0 && (
        <Table<Stored<"interviews">>
          caption={s.recordsCaption}
          rowKey="id"
          size="small"
          dataSource={records}
          pagination={false}
          columns={[
            { title: nouns.unit, render: (_, r) => <NameOf programmeId={programme.id} id={r.unitId} /> },
            { title: nouns.rank, dataIndex: "rank" },
            { title: s.kind, render: (_, r) => interviewKindWords[r.kind] },
            { title: s.date, render: (_, r) => formatDate(r.heldOn) },
            { title: s.notesColumn, dataIndex: "notes" },
            { title: t.common.recordedBy, render: (_, r) => actorName(r.by) },
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
  const outcome = useOutcome();
  const save = (v: { heldOn: Dayjs; kind: keyof typeof interviewKindWords; notes: string }) =>
    outcome.run(async () => {
      await call("recordInterview", { programmeId: programme.id, unitId: unitId!, periodId, heldOn: v.heldOn.format("YYYY-MM-DD"), kind: v.kind, notes: v.notes });
      form.resetFields();
      onClose(true);
    });
  return (
    <Modal open={unitId !== null} title={unitId ? <>{s.modalTitle}<NameOf programmeId={programme.id} id={unitId} /></> : ""} okText={t.common.save} cancelText={t.common.cancel} confirmLoading={outcome.busy} onOk={() => form.submit()} onCancel={() => onClose(false)} destroyOnHidden>
      <Form form={form} layout="vertical" onFinish={save} initialValues={{ kind: "interview" }}>
        <Form.Item name="kind" label={s.kind}>
          <Radio.Group options={Object.entries(interviewKindWords).map(([value, label]) => ({ value, label }))} />
        </Form.Item>
        <Form.Item name="heldOn" label={s.heldOn} rules={mustChoose(s.heldOn)}>
          <DatePicker disabledDate={(d) => d.format("YYYY-MM-DD") > today()} />
        </Form.Item>
        <Form.Item name="notes" label={s.notes} rules={[{ ...mustFill(s.notes)[0]!, whitespace: true }]}>
          <Input.TextArea rows={4} maxLength={3000} showCount />
        </Form.Item>
      </Form>
      <Outcome message={outcome.message?.type === "error" ? outcome.message : null} />
    </Modal>
  );
}
