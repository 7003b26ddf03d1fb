import { daysBetween } from "@domain/dates";
import { programmeClosed } from "@domain/machine";
import { reportMetrics } from "@domain/enterpriseMetrics";
import { missingReportFields } from "@domain/reportChecks";
import type { PolicyPack } from "@domain/policy/schema";
import type { MetricValues } from "@domain/scoring";
import { deadlineWord, groundLabel, nouns, periodWord, stateWords } from "@domain/words";
import { Alert, Button, Card, Col, Descriptions, Empty, Input, List, Row, Space, Statistic, Tag } from "antd";
import { doc, getDoc, getDocs, limit, orderBy, query, where } from "firebase/firestore";
import { useEffect, useMemo, useState } from "react";
import { call } from "../data/callables";
import { collections, ids, rowsOf, watchDoc, watchQuery, type Stored } from "../data/collections";
import { formatDate, formatInstant, today } from "../shared/dates";
import { errorText } from "../shared/errorText";
import { FileUpload } from "../shared/FileUpload";
import { Outcome, useOutcome } from "../shared/Outcome";
import { t } from "../shared/strings";
import { CalendarFeedCard } from "./CalendarFeedCard";
import { MailPreferencesCard } from "./MailPreferencesCard";
import { openPortalLink } from "./portalRoute";
import type { PortalContext } from "./usePortalData";

const s = t.dashboard;
type Criticism = Extract<Stored<"proceedings">, { kind: "criticism" }>;
const OPEN_CRITICISM: readonly string[] = ["issued", "responded", "overdue"];

export function UnitDashboard({ ctx }: { ctx: PortalContext }) {
  const { reportState, missing, criticisms, notes } = useDashboardData(ctx);
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} lg={12}>
        <UnitCard ctx={ctx} />
      </Col>
      <Col xs={24} lg={12}>
        <PeriodCard ctx={ctx} reportState={reportState} missing={missing} />
      </Col>
      <Col xs={24} lg={12}>
        <CriticismsCard programmeId={ctx.programmeId} pack={ctx.pack} criticisms={criticisms} />
      </Col>
      <Col xs={24} lg={12}>
        <Card title={s.notifications}>
          {notes.length === 0 ? <Empty description={s.noNotifications} /> : <List data-testid="notifications" dataSource={notes} renderItem={(n) => <NotificationItem note={n} />} />}
        </Card>
      </Col>
      <Col xs={24} lg={12}>
        <PastReportsCard ctx={ctx} />
      </Col>
      <Col xs={24} lg={12}>
        <CalendarFeedCard programmeId={ctx.programmeId} unitId={ctx.unitId} readOnly={!!programmeClosed({ today: today(), pack: ctx.pack, programmeEndsOn: ctx.programmeEndsOn })} />
      </Col>
      <Col xs={24} lg={12}>
        <MailPreferencesCard programmeId={ctx.programmeId} readOnly={!!programmeClosed({ today: today(), pack: ctx.pack, programmeEndsOn: ctx.programmeEndsOn })} />
      </Col>
    </Row>
  );
}

/** undefined while loading, null when there is no report (or no open period) yet. */
type ReportState = keyof typeof stateWords.report | null | undefined;

/**
 * What the dashboard follows live while it is open: the unit's open criticisms, its latest
 * notifications, and this period's report state with what it still lacks for submitting. A
 * return, a criticism or an acceptance shows up without reloading. The targets and the pilot
 * enterprises the lack is counted against are read once.
 */
function useDashboardData({ programmeId, unitId, period, periodPack: pack }: PortalContext) {
  const [report, setReport] = useState<Stored<"reports"> | null | undefined>(undefined);
  const [basis, setBasis] = useState<{ targets: MetricValues; served: string[] } | null>(null);
  const [criticisms, setCriticisms] = useState<Criticism[]>([]);
  const [notes, setNotes] = useState<Stored<"notifications">[]>([]);

  useEffect(() => {
    const stops = [
      watchQuery(query(collections.proceedings(programmeId), where("unitId", "==", unitId), where("kind", "==", "criticism")), (rows) =>
        setCriticisms(rows.filter((p): p is Criticism => p.kind === "criticism" && OPEN_CRITICISM.includes(p.state))),
      ),
      watchQuery(query(collections.notifications(programmeId), where("toUnitId", "==", unitId), orderBy("createdAt", "desc"), limit(10)), setNotes),
    ];
    if (!period) {
      setReport(null);
      return () => stops.forEach((stop) => stop());
    }
    stops.push(watchDoc(doc(collections.reports(programmeId), ids.report(unitId, period.id)), setReport, () => setReport(null)));
    Promise.all([getDoc(doc(collections.taskBooks(programmeId), ids.taskBook(unitId, period.id.slice(0, 4)))), getDocs(query(collections.enterprises(programmeId), where("servedBy", "==", unitId)))])
      .then(([taskBook, served]) => setBasis({ targets: taskBook.data()?.targets ?? {}, served: served.docs.map((d) => d.id) }))
      .catch(() => setBasis({ targets: {}, served: [] }));
    return () => stops.forEach((stop) => stop());
  }, [programmeId, unitId, period]);

  const missing = useMemo(() => {
    if (!period || !basis) return [];
    // Counted as the submission counts them: the row figures from the report's enterprise rows.
    const metrics = reportMetrics(report?.metrics ?? {}, report?.enterprises ?? [], basis.served);
    return missingReportFields(period.id, basis.targets, { metrics, lagExplanation: report?.lagExplanation }, pack);
  }, [period, basis, report, pack]);

  const reportState: ReportState = report === undefined ? undefined : (report?.state ?? null);
  return { reportState, missing, criticisms, notes };
}

function UnitCard({ ctx }: { ctx: PortalContext }) {
  const { unit } = ctx;
  return (
    <Card title={<span data-testid="unit-name">{unit.name}</span>}>
      <Descriptions column={1} bordered size="small">
        <Descriptions.Item label={nouns.uscc}>{unit.uscc}</Descriptions.Item>
        <Descriptions.Item label={nouns.state}>
          <Tag color={unit.status === "listed" ? "green" : "red"}>{stateWords.unit[unit.status]}</Tag>
        </Descriptions.Item>
        <Descriptions.Item label={nouns.listedOn}>{formatDate(unit.listedOn)}</Descriptions.Item>
        <Descriptions.Item label={nouns.batch}>{unit.batch}</Descriptions.Item>
        <Descriptions.Item label={s.programme}>{ctx.programmeName}</Descriptions.Item>
      </Descriptions>
    </Card>
  );
}

/** The open period: days and working days to the report deadline, the report's state and what it lacks. */
function PeriodCard({ ctx, reportState, missing }: { ctx: PortalContext; reportState: ReportState; missing: string[] }) {
  const { period, calendar } = ctx;
  const now = today();
  if (!period) {
    return (
      <Card title={s.periodTitle(undefined)}>
        <Empty description={t.report.noOpenPeriod} />
      </Card>
    );
  }
  const state = <p data-testid="report-state">{s.reportState(reportState === undefined ? "…" : reportState === null ? t.report.notStarted : stateWords.report[reportState])}</p>;
  if (!period.reportDeadline) {
    // The deadline falls in a year whose holiday arrangement is not entered yet: say so, never a guessed date.
    return (
      <Card title={s.periodTitle(periodWord(period.id))}>
        <Alert type="info" showIcon data-testid="deadline-pending" title={s.reportDeadline(deadlineWord(period))} description={s.deadlinePendingHint} />
        {state}
      </Card>
    );
  }
  const deadline = period.reportDeadline;
  // GZ-3.4.1 / DG-9.1: past the report deadline the count is to the evaluation close, the last day a report is still taken (late).
  const lateWindow = now > deadline && period.evaluationCloseOn !== undefined && now <= period.evaluationCloseOn;
  const countTo = lateWindow ? period.evaluationCloseOn! : deadline;
  // Today itself may lie in a year not covered yet (a period still open in January): then say why there is no figure.
  let workingDaysLeft: number | string;
  try {
    workingDaysLeft = calendar.workingDaysBetween(now, countTo);
  } catch (err) {
    workingDaysLeft = errorText(err);
  }
  return (
    <Card title={s.periodTitle(periodWord(period.id))}>
      <Row gutter={16}>
        <Col span={12}>
          <Statistic title={lateWindow ? s.daysToClose(formatDate(countTo)) : s.daysLeft(formatDate(deadline))} value={daysBetween(now, countTo)} suffix={s.daysSuffix} data-testid="deadline-days" />
        </Col>
        <Col span={12}>
          <Statistic title={s.workingDaysLeft} value={workingDaysLeft} suffix={typeof workingDaysLeft === "number" ? s.workingDaysSuffix : undefined} data-testid="deadline-working-days" />
        </Col>
      </Row>
      {period.evaluationCloseOn && (
        <p data-testid="evaluation-close">{now > deadline ? s.lateWindow(formatDate(deadline), formatDate(period.evaluationCloseOn)) : s.evaluationClose(formatDate(period.evaluationCloseOn))}</p>
      )}
      {state}
      {missing.length > 0 && reportState !== "submitted" && reportState !== "accepted" && <Alert type="warning" showIcon title={s.missing} description={missing.join("、")} />}
    </Card>
  );
}

/**
 * GZ-3.4.1 / GZ-4.4a.2: the unit's reports of the closed periods, newest first, with the day each
 * was submitted against the period's report deadline and evaluation close; one that came between
 * the two is marked 逾期 (accepted, recorded late: 资料报送不及时), not missing.
 */
function PastReportsCard({ ctx }: { ctx: PortalContext }) {
  const { programmeId, unitId, openPeriods } = ctx;
  const [rows, setRows] = useState<{ report: Stored<"reports">; deadline?: string; close?: string }[] | null>(null);
  useEffect(() => {
    Promise.all([getDocs(query(collections.reports(programmeId), where("unitId", "==", unitId))), getDocs(collections.periods(programmeId))]).then(
      ([reports, periods]) => {
        const byId = new Map(rowsOf(periods).map((p) => [p.id, p]));
        // The open periods are on the period card and the report tab; these are the closed ones.
        const past = rowsOf(reports).filter((r) => !openPeriods.some((o) => o.id === r.periodId)).sort((a, b) => b.periodId.localeCompare(a.periodId));
        setRows(past.map((report) => {
          const p = byId.get(report.periodId);
          return { report, deadline: p?.reportDeadline, close: p?.evaluationCloseOn };
        }));
      },
      () => setRows([]),
    );
  }, [programmeId, unitId, openPeriods]);
  return (
    <Card title={s.pastReports} data-testid="past-reports">
      {rows === null ? null : rows.length === 0 ? (
        <Empty description={s.noPastReports} />
      ) : (
        <List
          dataSource={rows}
          renderItem={({ report: r, deadline, close }) => (
            <List.Item>
              <List.Item.Meta
                title={
                  <Space>
                    {s.pastReportLine(periodWord(r.periodId), stateWords.report[r.state])}
                    {r.submittedOn && <Tag color={r.late ? "red" : "green"}>{r.late ? s.lateTag : s.onTimeTag}</Tag>}
                  </Space>
                }
                description={
                  r.submittedOn ? (
                    <>
                      {s.pastReportDates(formatDate(r.submittedOn), deadline && formatDate(deadline), close && formatDate(close))}
                      {r.late && <div>{s.lateMeaning}</div>}
                    </>
                  ) : (
                    s.notSubmitted
                  )
                }
              />
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}

/** Open criticisms with their rectification deadline; an issued one takes the unit's rectification report here. */
function CriticismsCard({ programmeId, pack, criticisms }: { programmeId: string; pack: PolicyPack; criticisms: Criticism[] }) {
  const workGroup = pack.workGroupName;
  return (
    <Card title={s.criticisms}>
      {criticisms.length === 0 ? (
        <Empty description={s.noCriticisms} />
      ) : (
        <List
          dataSource={criticisms}
          renderItem={(c) => (
            <List.Item>
              <Space direction="vertical" style={{ width: "100%" }}>
                <List.Item.Meta title={s.criticismLine(groundLabel(pack, c.ground), stateWords.criticism[c.state])} description={c.rectificationDeadline ? s.deadline(formatDate(c.rectificationDeadline)) : undefined} />
                {c.state === "issued" && <RectificationResponse programmeId={programmeId} proceedingId={c.id} workGroup={workGroup} />}
              </Space>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}

/** The unit's answer to a criticism: the rectification report, before the deadline (GZ-4.4a). */
function RectificationResponse({ programmeId, proceedingId, workGroup }: { programmeId: string; proceedingId: string; workGroup: string }) {
  const [documentId, setDocumentId] = useState<string | null>(null);
  const [note, setNote] = useState("");
  const outcome = useOutcome();
  const send = () =>
    outcome.run(async () => {
      await call("respondToCriticism", { programmeId, proceedingId, documentId: documentId!, note: note || undefined });
      return s.responded(workGroup);
    });
  if (outcome.message?.type === "success") return <Outcome message={outcome.message} />;
  return (
    <Space direction="vertical" style={{ width: "100%" }}>
      <FileUpload label={s.uploadRectification} target={{ programmeId, targetType: "proceeding", targetId: proceedingId, kind: "rectificationReport" }} onUploaded={setDocumentId} />
      <Input.TextArea aria-label={s.rectificationNote} placeholder={s.rectificationNotePlaceholder} rows={2} maxLength={2000} value={note} onChange={(e) => setNote(e.target.value)} />
      <Outcome message={outcome.message} />
      <Button type="primary" disabled={!documentId} onClick={send}>
        {s.sendRectification}
      </Button>
    </Space>
  );
}

/** One notification; its link opens the page it is about, in the portal, without reloading. */
function NotificationItem({ note }: { note: Stored<"notifications"> }) {
  const open = (e: React.MouseEvent) => {
    e.preventDefault();
    openPortalLink(note.link!);
  };
  const title = note.link ? (
    <a href={note.link} onClick={open}>
      {note.title}
    </a>
  ) : (
    note.title
  );
  return (
    <List.Item>
      <List.Item.Meta title={title} description={s.notification(note.body, formatInstant(note.createdAt))} />
    </List.Item>
  );
}
