// Public notices (GZ-4.6.3, DG-14): batches with their window computed from the pack (length
// and unit: calendar or working days), the items, and the objections filed with who filed them
// and how to reach them (实名, staff only), decided one by one or set aside in bulk as not admitted.
import { deadlineUnitWords, nouns, stateWords } from "@domain/words";
import { Alert, App, Button, Card, Empty, Input, Modal, Space, Table, Tag } from "antd";
import { getDocs, orderBy, query } from "firebase/firestore";
import { useEffect, useState } from "react";
import { call } from "../data/callables";
import { collections, rowsOf, type Stored } from "../data/collections";
import { formatDate, formatInstant, today } from "../shared/dates";
import { errorText } from "../shared/errorText";
import { NoticeItems } from "../shared/NoticeItems";
import { Pager } from "../shared/Pager";
import { t } from "../shared/strings";
import { usePagedQuery } from "../shared/usePagedQuery";
import { ActionButton } from "./ActionButton";
import { DecisionDocuments } from "./DecisionDocuments";
import { NoticeCycleButton } from "./NoticeCycleButton";
import type { ProgrammeView } from "./useProgramme";

const s = t.notices;

export default function Notices({ programme }: { programme: ProgrammeView }) {
  const page = usePagedQuery(query(collections.notices(programme.id), orderBy("startsOn", "desc")), programme.id, 10);
  const { length, unit } = programme.pack.notice;
  return (
    <Space direction="vertical" size="large" style={{ width: "100%" }}>
      <Space>
        <span>{s.period(length, deadlineUnitWords[unit], programme.pack.clauses.changeNotice)}</span>
        <NoticeCycleButton programmeId={programme.id} asOf={today()} onDone={page.reload} />
      </Space>
      {page.rows.length === 0 && !page.loading && <Empty description={s.empty} />}
      {page.rows.map((n) => (
        <Card key={n.id} size="small" title={<Space>{n.title}<Tag>{stateWords.notice[n.state]}</Tag></Space>} extra={t.common.dateRange(formatDate(n.startsOn), formatDate(n.endsOn))}>
          <NoticeItems items={n.items} />
          <div style={{ margin: "12px 0" }}>
            <DecisionDocuments programmeId={programme.id} subjectId={n.id} kinds={["publicNotice"]} />
          </div>
          <Objections programmeId={programme.id} noticeId={n.id} clause={n.clause} />
        </Card>
      ))}
      <Pager page={page} />
    </Space>
  );
}

function Objections({ programmeId, noticeId, clause }: { programmeId: string; noticeId: string; clause: string }) {
  const [rows, setRows] = useState<Stored<"objections">[]>([]);
  const [tick, setTick] = useState(0);
  const [selected, setSelected] = useState<string[]>([]);
  useEffect(() => {
    getDocs(query(collections.objections(programmeId, noticeId), orderBy("filedAt", "desc"))).then((snap) => setRows(rowsOf(snap)));
  }, [programmeId, noticeId, tick]);
  if (rows.length === 0) return null;
  const data = { programmeId, noticeId };
  const decision = { field: "decision", title: s.decision } as const;
  const reload = () => {
    setSelected([]);
    setTick((x) => x + 1);
  };
  const who = (o: Stored<"objections">) => o.name ?? s.anonymous;
  const anyPending = rows.some((o) => o.state === "pending");
  return (
    <Table<Stored<"objections">>
      rowKey="id"
      size="small"
      pagination={false}
      title={() => (
        <Space>
          {s.objections}
          {anyPending && <NotAdmitButton programmeId={programmeId} noticeId={noticeId} clause={clause} objectionIds={selected} onDone={reload} />}
        </Space>
      )}
      dataSource={rows}
      rowSelection={
        anyPending
          ? {
              selectedRowKeys: selected,
              onChange: (keys) => setSelected(keys.map(String)),
              getCheckboxProps: (o) => ({ disabled: o.state !== "pending", "aria-label": s.selectObjection(who(o), formatInstant(o.filedAt)) }),
              getTitleCheckboxProps: () => ({ "aria-label": s.selectAllPending }),
            }
          : undefined
      }
      columns={[
        { title: s.filedBy, render: (_, o) => who(o) },
        { title: s.contact, render: (_, o) => o.contact ?? "" },
        { title: s.content, dataIndex: "text" },
        { title: s.filedAt, render: (_, o) => formatInstant(o.filedAt) },
        { title: nouns.state, render: (_, o) => stateWords.objection[o.state] },
        { title: s.decision, render: (_, o) => o.decision ?? "" },
        {
          title: s.handle,
          render: (_, o) =>
            o.state === "pending" ? (
              <Space>
                <ActionButton label={stateWords.objection.upheld} fn="decideObjection" data={{ ...data, objectionId: o.id, upheld: true }} reason={decision} danger onDone={reload} />
                <ActionButton label={stateWords.objection.dismissed} fn="decideObjection" data={{ ...data, objectionId: o.id, upheld: false }} reason={decision} onDone={reload} />
              </Space>
            ) : null,
        },
      ]}
    />
  );
}

/** Sets aside the selected objections as not admitted (不予受理), with one reason, after saying what that means. */
function NotAdmitButton({ programmeId, noticeId, clause, objectionIds, onDone }: { programmeId: string; noticeId: string; clause: string; objectionIds: string[]; onDone: () => void }) {
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState("");
  const [busy, setBusy] = useState(false);
  async function run() {
    setBusy(true);
    try {
      const r = await call("notAdmitObjections", { programmeId, noticeId, objectionIds, reason });
      message.success(r.notAdmitted.length ? s.notAdmitDone(r.notAdmitted.length) : s.notAdmitNothing);
      setOpen(false);
      setReason("");
      onDone();
    } catch (err) {
      message.error(errorText(err));
    } finally {
      setBusy(false);
    }
  }
  return (
    <>
      <Button size="small" danger disabled={objectionIds.length === 0} onClick={() => setOpen(true)}>
        {s.notAdmitSelected(objectionIds.length)}
      </Button>
      <Modal title={s.notAdmitTitle} open={open} okText={s.notAdmitConfirm} okButtonProps={{ danger: true, disabled: reason.trim() === "" }} cancelText={t.common.cancel} confirmLoading={busy} onOk={run} onCancel={() => setOpen(false)}>
        <Alert type="warning" showIcon title={s.notAdmitConsequence(objectionIds.length, clause)} style={{ marginBottom: 12 }} />
        <Input.TextArea aria-label={s.notAdmitReason} placeholder={s.notAdmitReason} rows={3} maxLength={2000} value={reason} onChange={(e) => setReason(e.target.value)} />
      </Modal>
    </>
  );
}
