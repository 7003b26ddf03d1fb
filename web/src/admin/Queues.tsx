// What needs a person: submitted reports, submitted applications, candidates the system raised
// (with clause and evidence), overdue rectifications, open complaints. Counts come from
// aggregate queries; each list shows one page.
import { changeTypeWords, nouns, proceedingKindWords, reviewDecisionWords } from "@domain/words";
import { Badge, Card, Col, Row, Space, Table, Tag, Typography } from "antd";
import { getCountFromServer, query, where, type Query } from "firebase/firestore";
import { useEffect, useState, type ReactNode } from "react";
import { collections, type WithId } from "../data/collections";
import { changeSubject } from "../shared/changeSubject";
import { formatDate } from "../shared/dates";
import { t } from "../shared/strings";
import { usePagedQuery } from "../shared/usePagedQuery";
import { ActionButton } from "./ActionButton";
import { NameOf } from "./names";
import type { ProgrammeView } from "./useProgramme";

const s = t.queues;

function useCount(q: Query, key: string) {
  const [n, setN] = useState<number | null>(null);
  useEffect(() => {
    getCountFromServer(q).then((c) => setN(c.data().count), () => setN(null));
  }, [key]);
  return n;
}

function QueueCard<T>({ title, q, qKey, columns }: { title: string; q: Query<T>; qKey: string; columns: { title: string; render: (r: WithId<T>, reload: () => void) => ReactNode }[] }) {
  const page = usePagedQuery(q, qKey, 10);
  return (
    <Card title={<Space>{title}<Badge count={page.total ?? 0} showZero color={page.total ? "red" : "green"} /></Space>} size="small">
      <Table<WithId<T>>
        rowKey="id"
        size="small"
        loading={page.loading}
        dataSource={page.rows}
        locale={{ emptyText: s.empty }}
        pagination={false}
        columns={columns.map((c, i) => ({ key: i, title: c.title, render: (_: unknown, r: WithId<T>) => c.render(r, page.reload) }))}
      />
      {(page.hasNext || page.pageIndex > 0) && (
        <Space style={{ marginTop: 8 }}>
          <a onClick={page.prev}>{t.common.prev}</a>
          <a onClick={page.next}>{t.common.next}</a>
        </Space>
      )}
    </Card>
  );
}

export function Queues({ programme }: { programme: ProgrammeView }) {
  const p = programme.id;
  const submittedReports = query(collections.reports(p), where("state", "==", "submitted"));
  const submittedChanges = query(collections.changes(p), where("state", "==", "submitted"));
  const candidates = query(collections.proceedings(p), where("state", "==", "proposed"));
  const overdue = query(collections.proceedings(p), where("state", "==", "overdue"));
  const complaints = query(collections.complaints(p), where("status", "==", "open"));
  const openComplaints = useCount(complaints, `${p}-complaints`);
  const unit = { title: nouns.unit, render: (r: { unitId: string }) => <NameOf programmeId={p} id={r.unitId} /> };
  const report = reviewDecisionWords.report;
  const change = reviewDecisionWords.change;

  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} xl={12}>
        <QueueCard
          title={s.reports}
          q={submittedReports}
          qKey={`${p}-reports`}
          columns={[
            unit,
            { title: nouns.period, render: (r) => r.periodId },
            { title: "", render: (r) => (r.late ? <Tag color="red">{s.late}</Tag> : null) },
            {
              title: t.common.actions,
              render: (r, reload) => (
                <Space>
                  <ActionButton label={report.accept} fn="reviewReport" data={{ programmeId: p, reportId: r.id, decision: "accept" }} onDone={reload} />
                  <ActionButton label={report.return} fn="reviewReport" data={{ programmeId: p, reportId: r.id, decision: "return" }} reason={{ field: "comment", title: s.returnReport }} danger onDone={reload} />
                </Space>
              ),
            },
          ]}
        />
      </Col>
      <Col xs={24} xl={12}>
        <QueueCard
          title={s.changes}
          q={submittedChanges}
          qKey={`${p}-changes`}
          columns={[
            unit,
            { title: s.type, render: (r) => changeTypeWords[r.type] },
            { title: s.content, render: (r) => changeSubject(r.payload) },
            {
              title: t.common.actions,
              render: (r, reload) => (
                <Space>
                  <ActionButton label={change.approve} fn="reviewChange" data={{ programmeId: p, changeId: r.id, decision: "approve" }} onDone={reload} />
                  <ActionButton label={change.return} fn="reviewChange" data={{ programmeId: p, changeId: r.id, decision: "return" }} reason={{ field: "comment", title: s.returnChange }} onDone={reload} />
                  <ActionButton label={change.reject} fn="reviewChange" data={{ programmeId: p, changeId: r.id, decision: "reject" }} reason={{ field: "comment", title: s.rejectChange }} danger onDone={reload} />
                </Space>
              ),
            },
          ]}
        />
      </Col>
      <Col xs={24} xl={12}>
        <QueueCard
          title={s.candidates}
          q={candidates}
          qKey={`${p}-candidates`}
          columns={[
            { title: s.kind, render: (r) => proceedingKindWords[r.kind] },
            unit,
            { title: s.ground, render: (r) => <Tag color="blue">{r.ground}</Tag> },
            { title: s.facts, render: (r) => r.evidence.map((e) => e.description).join("；") },
            { title: s.proposedOn, render: (r) => formatDate(r.openedOn) },
          ]}
        />
      </Col>
      <Col xs={24} xl={12}>
        <QueueCard
          title={s.overdue(programme.pack.clauses.rectificationOverdue ?? "")}
          q={overdue}
          qKey={`${p}-overdue`}
          columns={[
            unit,
            { title: s.ground, render: (r) => r.ground },
            { title: nouns.rectificationDeadline, render: (r) => formatDate(r.kind === "criticism" ? r.rectificationDeadline : undefined) },
          ]}
        />
      </Col>
      <Col span={24}>
        <Typography.Text type="secondary">{s.openComplaints(openComplaints)}</Typography.Text>
      </Col>
    </Row>
  );
}
