// What needs a person: submitted reports, submitted applications, candidates the system raised
// (with clause and evidence), overdue rectifications, open complaints. Counts come from
// aggregate queries; each list shows one page. A submitted report opens in its review screen
// (review/ReportReview.tsx), where it is read and then decided.
import { proceedingKindsOf } from "@domain/procedureKinds";
import { changeTypeWords, jobWords, nouns, periodWord, proceedingKindWords, recordWords } from "@domain/words";
import { Badge, Button, Card, Col, Row, Space, Table, Tag, Typography } from "antd";
import { getCountFromServer, orderBy, query, where, type CollectionReference, type Query } from "firebase/firestore";
import { useEffect, useState, type ReactNode } from "react";
import { collections, type WithId } from "../data/collections";
import { changeSubject } from "../shared/changeSubject";
import { formatDate, formatInstant } from "../shared/dates";
import { t } from "../shared/strings";
import { usePagedQuery } from "../shared/usePagedQuery";
import { GroundText } from "./GroundText";
import { NameOf } from "./names";
import { ChangeReview } from "./review/change/ChangeReview";
import { ReportReview } from "./review/ReportReview";
import type { ProgrammeView } from "./useProgramme";

const s = t.queues;

/** A queue's column: what a row shows, given the row and a way to reload the page after an action. */
type Column<T> = { title: string; render: (r: WithId<T>, reload: () => void) => ReactNode };
/** A collection's documents as its typed reference reads them (the row adds the id). */
type Data<K extends keyof typeof collections> = ReturnType<(typeof collections)[K]> extends CollectionReference<infer T> ? T : never;

function useCount(q: Query, key: string) {
  const [n, setN] = useState<number | null>(null);
  useEffect(() => {
    getCountFromServer(q).then((c) => setN(c.data().count), () => setN(null));
  }, [key]);
  return n;
}

/** One queue: half the row on a wide screen, its count as a badge (red while anything waits), a page of ten. */
function QueueCard<T>({ title, q, qKey, columns, onOpen, reloadKey }: { title: string; q: Query<T>; qKey: string; columns: Column<T>[]; onOpen?: (r: WithId<T>) => void; reloadKey?: number }) {
  const page = usePagedQuery(q, `${qKey}-${reloadKey ?? 0}`, 10);
  return (
    <Col xs={24} xl={12}>
      <Card title={<Space>{title}<Badge count={page.total ?? 0} showZero color={page.total ? "red" : "green"} /></Space>} size="small">
        <Table<WithId<T>>
          rowKey="id"
          size="small"
          loading={page.loading}
          dataSource={page.rows}
          locale={{ emptyText: s.empty }}
          pagination={false}
          onRow={onOpen ? (r) => ({ onClick: () => onOpen(r), style: { cursor: "pointer" } }) : undefined}
          columns={columns.map((c, i) => ({ key: i, title: c.title, render: (_: unknown, r: WithId<T>) => c.render(r, page.reload) }))}
        />
        {(page.hasNext || page.pageIndex > 0) && (
          <Space style={{ marginTop: 8 }}>
            <a onClick={page.prev}>{t.common.prev}</a>
            <a onClick={page.next}>{t.common.next}</a>
          </Space>
        )}
      </Card>
    </Col>
  );
}

type Reviewing = WithId<Data<"reports">> | null;
type ReviewingChange = WithId<Data<"changes">> | null;

export function Queues({ programme }: { programme: ProgrammeView }) {
  const p = programme.id;
  const openComplaints = useCount(query(collections.complaints(p), where("status", "==", "open")), `${p}-complaints`);
  const [reviewing, setReviewing] = useState<Reviewing>(null);
  const [reviewingChange, setReviewingChange] = useState<ReviewingChange>(null);
  // A decision in the review screen takes the report off the queue: the queue reads again.
  const [decisions, setDecisions] = useState(0);
  return (
    <Row gutter={[16, 16]}>
      <QueueCard title={s.reports} q={query(collections.reports(p), where("state", "==", "submitted"))} qKey={`${p}-reports`} columns={reportColumns(p, setReviewing)} onOpen={setReviewing} reloadKey={decisions} />
      <ReportReview programme={programme} report={reviewing} onClose={() => setReviewing(null)} onDecided={() => setDecisions((n) => n + 1)} />
      <QueueCard title={s.changes} q={query(collections.changes(p), where("state", "==", "submitted"))} qKey={`${p}-changes`} columns={changeColumns(p, setReviewingChange)} onOpen={setReviewingChange} reloadKey={decisions} />
      <ChangeReview programme={programme} change={reviewingChange} onClose={() => setReviewingChange(null)} onDecided={() => setDecisions((n) => n + 1)} />
      <QueueCard title={s.candidates} q={query(collections.proceedings(p), where("state", "==", "proposed"))} qKey={`${p}-candidates`} columns={candidateColumns(programme)} />
      {/* Rectification follows a criticism: a programme without 通报批评 (Dongguan) has no such queue. */}
      {programme.pack.criticismGrounds.length > 0 && (
        <QueueCard title={s.overdue(programme.pack.clauses.rectificationOverdue ?? "")} q={query(collections.proceedings(p), where("state", "==", "overdue"))} qKey={`${p}-overdue`} columns={overdueColumns(programme)} />
      )}
      {/* What the scheduled jobs and triggers skipped because they could not read it: a person fixes it. */}
      <QueueCard title={s.jobProblems} q={query(collections.jobProblems(p), orderBy("lastSeenAt", "desc"))} qKey={`${p}-jobProblems`} columns={jobProblemColumns} />
      <Col span={24}>
        <Typography.Text type="secondary">{s.openComplaints(openComplaints, t.admin.tabs.proceedings(proceedingKindsOf(programme.pack)))}</Typography.Text>
      </Col>
    </Row>
  );
}

/** The unit a queued item belongs to, by name. */
const unitColumn = (p: string) => ({ title: nouns.unit, render: (r: { unitId: string }) => <NameOf programmeId={p} id={r.unitId} /> });

/** Submitted reports, each opening its review screen (the row, or its button for the keyboard). */
const reportColumns = (p: string, open: (r: WithId<Data<"reports">>) => void): Column<Data<"reports">>[] => [
  unitColumn(p),
  { title: nouns.period, render: (r) => periodWord(r.periodId) },
  { title: s.submittedOn, render: (r) => formatDate(r.submittedOn) },
  {
    title: s.flags,
    render: (r) => (
      <>
        {r.late && <Tag color="red">{s.late}</Tag>}
        {r.incomplete && <Tag color="orange">{s.incomplete}</Tag>}
        {r.returnedCount > 0 && <Tag>{s.resubmitted(r.returnedCount)}</Tag>}
      </>
    ),
  },
  {
    title: t.common.actions,
    render: (r) => (
      <Button
        size="small"
        type="primary"
        aria-label={s.reviewLabel(periodWord(r.periodId))}
        onClick={(e) => {
          e.stopPropagation();
          open(r);
        }}
      >
        {s.review}
      </Button>
    ),
  },
];

/** Submitted change applications, each opening its review screen, where it is read and then decided. */
const changeColumns = (p: string, open: (r: WithId<Data<"changes">>) => void): Column<Data<"changes">>[] => [
  unitColumn(p),
  { title: s.type, render: (r) => changeTypeWords[r.type] },
  {
    title: s.content,
    // A removal names its partner (GZ-4.6.0, DG-14), read by name, then the unit's reason.
    render: (r) =>
      r.payload.type === "partnerRemove" ? (
        <span>
          <NameOf programmeId={p} kind="partners" id={r.payload.partnerId} />：{r.payload.reason}
        </span>
      ) : (
        changeSubject(r.payload)
      ),
  },
  { title: s.submittedOn, render: (r) => formatDate(r.submittedOn) },
  {
    title: t.common.actions,
    render: (r) => (
      <Button
        size="small"
        type="primary"
        aria-label={s.reviewChangeLabel(changeTypeWords[r.type])}
        onClick={(e) => {
          e.stopPropagation();
          open(r);
        }}
      >
        {s.review}
      </Button>
    ),
  },
];

/**
 * Proceedings the system proposed, with the clause (and its wording) and the facts behind them; a
 * partner removal names the partner (DG-16.2, DG-16.3) where the programme has that procedure.
 */
const candidateColumns = ({ id: p, pack }: ProgrammeView): Column<Data<"proceedings">>[] => [
  { title: s.kind, render: (r) => proceedingKindWords[r.kind] },
  unitColumn(p),
  ...(pack.partnerRemovalGrounds.length > 0 ? [{ title: nouns.partner, render: (r: Data<"proceedings">) => (r.kind === "partnerRemoval" ? <NameOf programmeId={p} kind="partners" id={r.partnerId} /> : "—") }] : []),
  { title: s.ground, render: (r) => <GroundText pack={pack} ground={r.ground} /> },
  { title: s.facts, render: (r) => r.evidence.map((e) => e.description).join("；") },
  { title: s.proposedOn, render: (r) => formatDate(r.openedOn) },
];

/** Criticisms whose rectification deadline has passed without an answer. */
const overdueColumns = ({ id: p, pack }: ProgrammeView): Column<Data<"proceedings">>[] => [
  unitColumn(p),
  { title: s.ground, render: (r) => <GroundText pack={pack} ground={r.ground} /> },
  { title: nouns.rectificationDeadline, render: (r) => formatDate(r.kind === "criticism" ? r.rectificationDeadline : undefined) },
];

/** A skipped document, named by what kind of record it is (its id only to find it), with the job's reason. */
const jobProblemColumns: Column<Data<"jobProblems">>[] = [
  { title: s.job, render: (r) => jobWords[r.job] },
  {
    title: s.record,
    render: (r) => {
      const [, , collection = "", id = ""] = r.path.split("/");
      return s.recordOf(recordWords[collection] ?? collection, id);
    },
  },
  { title: s.reason, render: (r) => r.reason },
  { title: s.lastSeen, render: (r) => formatInstant(r.lastSeenAt) },
];
