// What needs a person: submitted reports, submitted applications, candidates the system raised
// (with clause and evidence), overdue rectifications, open complaints. Counts come from
// aggregate queries; each list shows one page.
import { Badge, Card, Col, Row, Space, Table, Tag, Typography } from "antd";
import { collection, getCountFromServer, query, where, type Query } from "firebase/firestore";
import { useEffect, useState } from "react";
import { formatDate } from "../shared/dates";
import { db } from "../shared/db";
import { t } from "../shared/strings";
import { usePagedQuery } from "../shared/usePagedQuery";
import { ActionButton } from "./ActionButton";
import { NameOf } from "./names";
import type { ProgrammeView } from "./useProgramme";

interface Row {
  id: string;
  [k: string]: unknown;
}

function useCount(q: Query, key: string) {
  const [n, setN] = useState<number | null>(null);
  useEffect(() => {
    getCountFromServer(q).then((c) => setN(c.data().count), () => setN(null));
  }, [key]);
  return n;
}

function QueueCard({ title, q, qKey, columns }: { title: string; q: Query; qKey: string; columns: { title: string; render: (r: Row, reload: () => void) => React.ReactNode }[] }) {
  const page = usePagedQuery<Row>(q, qKey, 10);
  return (
    <Card title={<Space>{title}<Badge count={page.total ?? 0} showZero color={page.total ? "red" : "green"} /></Space>} size="small">
      <Table<Row>
        rowKey="id"
        size="small"
        loading={page.loading}
        dataSource={page.rows}
        locale={{ emptyText: "无待办" }}
        pagination={false}
        columns={columns.map((c, i) => ({ key: i, title: c.title, render: (_: unknown, r: Row) => c.render(r, page.reload) }))}
      />
      {(page.hasNext || page.pageIndex > 0) && (
        <Space style={{ marginTop: 8 }}>
          <a onClick={page.prev}>上一页</a>
          <a onClick={page.next}>下一页</a>
        </Space>
      )}
    </Card>
  );
}

export function Queues({ programme }: { programme: ProgrammeView }) {
  const p = programme.id;
  const submittedReports = query(collection(db, "programmes", p, "reports"), where("state", "==", "submitted"));
  const submittedChanges = query(collection(db, "programmes", p, "changes"), where("state", "==", "submitted"));
  const candidates = query(collection(db, "programmes", p, "proceedings"), where("state", "==", "proposed"));
  const overdue = query(collection(db, "programmes", p, "proceedings"), where("state", "==", "overdue"));
  const complaints = query(collection(db, "programmes", p, "complaints"), where("status", "==", "open"));
  const openComplaints = useCount(complaints, `${p}-complaints`);

  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} xl={12}>
        <QueueCard
          title="待审核的绩效报告"
          q={submittedReports}
          qKey={`${p}-reports`}
          columns={[
            { title: "单位", render: (r) => <NameOf programmeId={p} id={String(r.unitId)} /> },
            { title: "期次", render: (r) => String(r.periodId) },
            { title: "", render: (r) => (r.late ? <Tag color="red">逾期</Tag> : null) },
            {
              title: "操作",
              render: (r, reload) => (
                <Space>
                  <ActionButton label="通过" fn="reviewReport" data={{ programmeId: p, reportId: r.id, decision: "accept" }} onDone={reload} />
                  <ActionButton label="退回" fn="reviewReport" data={{ programmeId: p, reportId: r.id, decision: "return" }} reason={{ field: "comment", title: "退回理由（请写明需补正的内容）" }} danger onDone={reload} />
                </Space>
              ),
            },
          ]}
        />
      </Col>
      <Col xs={24} xl={12}>
        <QueueCard
          title="待审核的变更申请"
          q={submittedChanges}
          qKey={`${p}-changes`}
          columns={[
            { title: "单位", render: (r) => <NameOf programmeId={p} id={String(r.unitId)} /> },
            { title: "类型", render: (r) => t.changeType[String(r.type)] ?? String(r.type) },
            { title: "内容", render: (r) => String((r.payload as Record<string, unknown>)?.name ?? "") },
            {
              title: "操作",
              render: (r, reload) => (
                <Space>
                  <ActionButton label="通过" fn="reviewChange" data={{ programmeId: p, changeId: r.id, decision: "approve" }} onDone={reload} />
                  <ActionButton label="退回补正" fn="reviewChange" data={{ programmeId: p, changeId: r.id, decision: "return" }} reason={{ field: "comment", title: "退回意见" }} onDone={reload} />
                  <ActionButton label="不予通过" fn="reviewChange" data={{ programmeId: p, changeId: r.id, decision: "reject" }} reason={{ field: "comment", title: "不予通过的理由" }} danger onDone={reload} />
                </Space>
              ),
            },
          ]}
        />
      </Col>
      <Col xs={24} xl={12}>
        <QueueCard
          title="系统提出的待决定事项"
          q={candidates}
          qKey={`${p}-candidates`}
          columns={[
            { title: "程序", render: (r) => t.proceedingKind[String(r.kind)] ?? String(r.kind) },
            { title: "单位", render: (r) => <NameOf programmeId={p} id={String(r.unitId)} /> },
            { title: "依据", render: (r) => <Tag color="blue">{String(r.ground)}</Tag> },
            { title: "事实", render: (r) => ((r.evidence as { description: string }[]) ?? []).map((e) => e.description).join("；") },
            { title: "提出日期", render: (r) => formatDate(String(r.openedOn)) },
          ]}
        />
      </Col>
      <Col xs={24} xl={12}>
        <QueueCard
          title="整改逾期，须决定延期或清退（GZ-4.3b）"
          q={overdue}
          qKey={`${p}-overdue`}
          columns={[
            { title: "单位", render: (r) => <NameOf programmeId={p} id={String(r.unitId)} /> },
            { title: "依据", render: (r) => String(r.ground) },
            { title: "整改期限", render: (r) => formatDate(String(r.rectificationDeadline ?? "")) },
          ]}
        />
      </Col>
      <Col span={24}>
        <Typography.Text type="secondary">未办结投诉：{openComplaints ?? "…"} 件（在“批评与清退”中处理）</Typography.Text>
      </Col>
    </Row>
  );
}
