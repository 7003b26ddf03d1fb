// Public notices (GZ-4.6.3, DG-14): batches with their window computed from the pack (length
// and unit: calendar or working days), the items, and the objections filed, decided by staff.
import { Card, Empty, List, Space, Table, Tag } from "antd";
import { collection, getDocs, orderBy, query } from "firebase/firestore";
import { useEffect, useState } from "react";
import { formatDate, formatInstant, today } from "../shared/dates";
import { db } from "../shared/db";
import { t } from "../shared/strings";
import { Pager } from "../shared/Pager";
import { usePagedQuery } from "../shared/usePagedQuery";
import { ActionButton } from "./ActionButton";
import type { ProgrammeView } from "./useProgramme";

interface Notice {
  id: string;
  title: string;
  state: string;
  startsOn: string;
  endsOn: string;
  length: number;
  unit: "calendarDays" | "workingDays";
  items: { changeId: string; unitName: string; summary: string }[];
}
interface Objection {
  id: string;
  name?: string;
  contact?: string;
  text: string;
  state: string;
  changeId?: string;
  filedAt: unknown;
}

export default function Notices({ programme }: { programme: ProgrammeView }) {
  const q = query(collection(db, "programmes", programme.id, "notices"), orderBy("startsOn", "desc"));
  const page = usePagedQuery<Notice>(q, programme.id, 10);
  const { length, unit } = programme.pack.notice;
  return (
    <Space direction="vertical" size="large" style={{ width: "100%" }}>
      <Space>
        <span>
          本专项公示期：{length} 个{unit === "workingDays" ? "工作日" : "自然日"}（{programme.pack.clauses.changeNotice}）
        </span>
        <ActionButton label="立即执行公示开启/结束" fn="runNoticeCycle" data={{ programmeId: programme.id, asOf: today() }} onDone={page.reload} />
      </Space>
      {page.rows.length === 0 && !page.loading && <Empty description="暂无公示" />}
      {page.rows.map((n) => (
        <Card key={n.id} size="small" title={<Space>{n.title}<Tag>{t.noticeState[n.state] ?? n.state}</Tag></Space>} extra={`${formatDate(n.startsOn)} 至 ${formatDate(n.endsOn)}`}>
          <List size="small" dataSource={n.items} renderItem={(i) => <List.Item>{`${i.unitName}：${i.summary}`}</List.Item>} />
          <Objections programmeId={programme.id} noticeId={n.id} />
        </Card>
      ))}
      <Pager page={page} />
    </Space>
  );
}

function Objections({ programmeId, noticeId }: { programmeId: string; noticeId: string }) {
  const [rows, setRows] = useState<Objection[]>([]);
  const [tick, setTick] = useState(0);
  useEffect(() => {
    getDocs(query(collection(db, "programmes", programmeId, "notices", noticeId, "objections"), orderBy("filedAt", "desc"))).then((snap) => setRows(snap.docs.map((d) => ({ id: d.id, ...(d.data() as Omit<Objection, "id">) }))));
  }, [programmeId, noticeId, tick]);
  if (rows.length === 0) return null;
  const data = { programmeId, noticeId };
  return (
    <Table<Objection>
      rowKey="id"
      size="small"
      pagination={false}
      title={() => "异议"}
      dataSource={rows}
      columns={[
        { title: "提出人", render: (_, o) => `${o.name ?? "匿名"}${o.contact ? `（${o.contact}）` : ""}` },
        { title: "内容", dataIndex: "text" },
        { title: "时间", render: (_, o) => formatInstant(o.filedAt) },
        { title: "状态", render: (_, o) => ({ pending: "待处理", upheld: "异议成立", dismissed: "异议不成立" })[o.state] ?? o.state },
        {
          title: "处理",
          render: (_, o) =>
            o.state === "pending" ? (
              <Space>
                <ActionButton label="异议成立" fn="decideObjection" data={{ ...data, objectionId: o.id, upheld: true }} reason={{ field: "decision", title: "处理意见" }} danger onDone={() => setTick((x) => x + 1)} />
                <ActionButton label="异议不成立" fn="decideObjection" data={{ ...data, objectionId: o.id, upheld: false }} reason={{ field: "decision", title: "处理意见" }} onDone={() => setTick((x) => x + 1)} />
              </Space>
            ) : null,
        },
      ]}
    />
  );
}
