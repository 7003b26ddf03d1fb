// Public notices (GZ-4.6.3, DG-14): batches with their window computed from the pack (length
// and unit: calendar or working days), the items, and the objections filed, decided by staff.
import { deadlineUnitWords, nouns, stateWords } from "@domain/words";
import { Card, Empty, Space, Table, Tag } from "antd";
import { getDocs, orderBy, query } from "firebase/firestore";
import { useEffect, useState } from "react";
import { collections, rowsOf, type Stored } from "../data/collections";
import { formatDate, formatInstant, today } from "../shared/dates";
import { NoticeItems } from "../shared/NoticeItems";
import { Pager } from "../shared/Pager";
import { t } from "../shared/strings";
import { usePagedQuery } from "../shared/usePagedQuery";
import { ActionButton } from "./ActionButton";
import type { ProgrammeView } from "./useProgramme";

const s = t.notices;

export default function Notices({ programme }: { programme: ProgrammeView }) {
  const page = usePagedQuery(query(collections.notices(programme.id), orderBy("startsOn", "desc")), programme.id, 10);
  const { length, unit } = programme.pack.notice;
  return (
    <Space direction="vertical" size="large" style={{ width: "100%" }}>
      <Space>
        <span>{s.period(length, deadlineUnitWords[unit], programme.pack.clauses.changeNotice)}</span>
        <ActionButton label={s.runCycle} fn="runNoticeCycle" data={{ programmeId: programme.id, asOf: today() }} onDone={page.reload} />
      </Space>
      {page.rows.length === 0 && !page.loading && <Empty description={s.empty} />}
      {page.rows.map((n) => (
        <Card key={n.id} size="small" title={<Space>{n.title}<Tag>{stateWords.notice[n.state]}</Tag></Space>} extra={t.common.dateRange(formatDate(n.startsOn), formatDate(n.endsOn))}>
          <NoticeItems items={n.items} />
          <Objections programmeId={programme.id} noticeId={n.id} />
        </Card>
      ))}
      <Pager page={page} />
    </Space>
  );
}

function Objections({ programmeId, noticeId }: { programmeId: string; noticeId: string }) {
  const [rows, setRows] = useState<Stored<"objections">[]>([]);
  const [tick, setTick] = useState(0);
  useEffect(() => {
    getDocs(query(collections.objections(programmeId, noticeId), orderBy("filedAt", "desc"))).then((snap) => setRows(rowsOf(snap)));
  }, [programmeId, noticeId, tick]);
  if (rows.length === 0) return null;
  const data = { programmeId, noticeId };
  const decision = { field: "decision", title: s.decision } as const;
  const reload = () => setTick((x) => x + 1);
  return (
    <Table<Stored<"objections">>
      rowKey="id"
      size="small"
      pagination={false}
      title={() => s.objections}
      dataSource={rows}
      columns={[
        { title: s.filedBy, render: (_, o) => `${o.name ?? s.anonymous}${o.contact ? `（${o.contact}）` : ""}` },
        { title: s.content, dataIndex: "text" },
        { title: s.filedAt, render: (_, o) => formatInstant(o.filedAt) },
        { title: nouns.state, render: (_, o) => stateWords.objection[o.state] },
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
