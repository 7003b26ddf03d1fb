// 满意度评价 (GZ-3.3 试点企业满意度, DG-16.3): staff issue a pilot enterprise its one-use rating
// link — copied, as a QR code, on a printed slip with the enterprise's name, the QR, the URL and
// the expiry, or mailed to an address staff give (issue 18.1) — and follow, live, the links issued in a period (未使用 / 已评价 / 已过期) and the
// ratings they brought, per unit and partner. The token is shown once: only its hash is stored.
import { ratingClause, SURVEY_LINK_VALID_DAYS, surveyLinkState, tallyBySubject, type RatingTally } from "@domain/feedback";
import { issueSurveyLinkRequestSchema } from "@domain/schemas/workflowRequests";
import { nouns, periodWord, ratingAverageWord, ratingWords, surveyLinkStateWords } from "@domain/words";
import { Alert, Button, Card, Form, Input, Select, Space, Table, Tag, Typography } from "antd";
import { doc, getDoc, getDocs, query, where, type Query } from "firebase/firestore";
import { useEffect, useMemo, useState } from "react";
import { createPortal } from "react-dom";
import { call } from "../data/callables";
import { collections, watchQuery, type Stored, type WithId } from "../data/collections";
import { formatDate, today } from "../shared/dates";
import { errorText } from "../shared/errorText";
import { mustChoose, zodRule } from "../shared/formRules";
import { Outcome, useOutcome } from "../shared/Outcome";
import { t } from "../shared/strings";
import { NamePicker, useNames } from "./names";
import type { ProgrammeView } from "./useProgramme";

const s = t.satisfaction;
type Token = Stored<"surveyTokens">;
type Rating = Stored<"ratings">;
/** A link just issued: the only moment its URL exists. */
type Issued = { url: string; expiresOn: string; enterpriseId: string };

const STATE_COLOR = { valid: "blue", used: "green", expired: "default", invalid: "red" } as const;
const byName = (a: string, b: string) => a.localeCompare(b, "zh-CN");

/** The programme's periods, newest first, and the one under way today (else the newest). */
function usePeriods(programmeId: string) {
  const [periods, setPeriods] = useState<{ id: string; start: string }[] | null>(null);
  useEffect(() => {
    getDocs(collections.periods(programmeId)).then((snap) => setPeriods(snap.docs.map((d) => ({ id: d.id, start: d.data().start })).sort((a, b) => b.id.localeCompare(a.id))));
  }, [programmeId]);
  const now = today();
  const list = periods ?? [];
  return { periods: list, loaded: periods !== null, current: list.find((p) => p.start <= now)?.id ?? list[0]?.id };
}

/** Follows a period's links and ratings as they change: a rating shows as soon as it is given. */
function useLive<T>(q: Query<T> | null, key: string) {
  const [rows, setRows] = useState<WithId<T>[]>([]);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    setRows([]);
    if (!q) return;
    return watchQuery(q, setRows, (err) => setError(errorText(err)));
  }, [key]);
  return { rows, error };
}

export default function Satisfaction({ programme }: { programme: ProgrammeView }) {
  const p = programme.id;
  const clause = ratingClause(programme.pack);
  const { periods, current, loaded } = usePeriods(p);
  const [chosen, setChosen] = useState<string | undefined>();
  const periodId = chosen ?? current;
  const tokens = useLive(periodId ? query(collections.surveyTokens(p), where("periodId", "==", periodId)) : null, `${p}-${periodId}-tokens`);
  const ratings = useLive(periodId ? query(collections.ratings(p), where("periodId", "==", periodId)) : null, `${p}-${periodId}-ratings`);
  const periodOptions = periods.map((x) => ({ value: x.id, label: periodWord(x.id) }));
  return (
    <Space direction="vertical" size="large" style={{ width: "100%" }}>
      <style>{PRINT_CSS}</style>
      <Space>
        <label htmlFor="satisfaction-period">{s.period}</label>
        <Select id="satisfaction-period" style={{ width: 180 }} value={periodId} onChange={setChosen} options={periodOptions} />
      </Space>
      {periodId ? <IssueLink programme={programme} clause={clause} periodId={periodId} /> : loaded && <Alert type="info" showIcon title={s.noPeriod} />}
      {(tokens.error || ratings.error) && <Alert type="error" showIcon role="alert" title={tokens.error ?? ratings.error} />}
      <LinksTable programmeId={p} tokens={tokens.rows} ratings={ratings.rows} />
      <Tally programmeId={p} clause={clause} ratings={ratings.rows} />
    </Space>
  );
}

function IssueLink({ programme, clause, periodId }: { programme: ProgrammeView; clause: string; periodId: string }) {
  const [form] = Form.useForm();
  const outcome = useOutcome();
  const [issued, setIssued] = useState<Issued | null>(null);
  const issue = (v: { enterpriseId: string; email?: string }) =>
    outcome.run(async () => {
      setIssued(null);
      const email = v.email?.trim();
      const r = await call("issueSurveyLink", { programmeId: programme.id, enterpriseId: v.enterpriseId, periodId, ...(email ? { email } : {}) });
      setIssued({ url: new URL(r.link, window.location.origin).href, expiresOn: r.expiresOn, enterpriseId: v.enterpriseId });
      form.resetFields();
      const name = await enterpriseName(programme.id, v.enterpriseId);
      return email ? s.issuedAndMailed(name, email) : s.issued(name);
    });
  return (
    <Card size="small" title={s.issueTitle(clause)}>
      <Typography.Paragraph type="secondary">
        {s.issueHint(SURVEY_LINK_VALID_DAYS)}
      </Typography.Paragraph>
      <Form form={form} layout="inline" onFinish={issue}>
        <Form.Item name="enterpriseId" label={nouns.enterprise} htmlFor="survey-enterprise" rules={mustChoose(nouns.enterprise)}>
          <NamePicker id="survey-enterprise" programmeId={programme.id} kind="enterprises" />
        </Form.Item>
        {/* Optional: a blank field is no address (normalised away), anything else must be one the callable accepts. */}
        <Form.Item name="email" label={s.email} htmlFor="survey-email" normalize={(v: string) => (v.trim() ? v : undefined)} rules={[zodRule(issueSurveyLinkRequestSchema.shape.email)]}>
          <Input id="survey-email" inputMode="email" autoComplete="off" placeholder={s.emailPlaceholder} style={{ width: 300 }} maxLength={254} />
        </Form.Item>
        <Button htmlType="submit" type="primary">
          {s.issue}
        </Button>
      </Form>
      <Outcome message={outcome.message} />
      {issued && <Slip programme={programme} periodId={periodId} issued={issued} />}
    </Card>
  );
}

const enterpriseName = async (programmeId: string, id: string) => (await getDoc(doc(collections.enterprises(programmeId), id))).data()?.name ?? nouns.enterprise;

/** The printable slip: who it is for, whom they rate, the QR code, the URL and until when it works. */
function Slip({ programme, periodId, issued }: { programme: ProgrammeView; periodId: string; issued: Issued }) {
  const [qr, setQr] = useState<string | null>(null);
  const [copied, setCopied] = useState<"yes" | "failed" | null>(null);
  const [enterprise, setEnterprise] = useState<{ name: string; servedBy: string } | null>(null);
  useEffect(() => {
    let live = true;
    setQr(null);
    setCopied(null);
    // The QR library is loaded only when a link is issued (keeps the admin bundle lean).
    import("qrcode").then((QRCode) => QRCode.toDataURL(issued.url, { margin: 1, width: 220, errorCorrectionLevel: "M" })).then((url) => live && setQr(url));
    getDoc(doc(collections.enterprises(programme.id), issued.enterpriseId)).then((snap) => {
      const e = snap.data();
      if (live && e) setEnterprise({ name: e.name, servedBy: e.servedBy });
    });
    return () => {
      live = false;
    };
  }, [issued, programme.id]);
  const copy = () => navigator.clipboard.writeText(issued.url).then(() => setCopied("yes"), () => setCopied("failed"));
  const body = (testId: string) => (
    <>
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {s.slipTitle}
      </Typography.Title>
      <Typography.Paragraph>{programme.name}</Typography.Paragraph>
      <Typography.Paragraph strong>{s.slipFor(enterprise?.name ?? "…")}</Typography.Paragraph>
      <Typography.Paragraph>
        {nouns.period}：{periodWord(periodId)}
        <br />
        {enterprise && <SubjectsLine programmeId={programme.id} unitId={enterprise.servedBy} />}
      </Typography.Paragraph>
      <Typography.Paragraph>{s.slipHowTo}</Typography.Paragraph>
      {qr ? <img src={qr} width={220} height={220} alt={s.qrAlt(enterprise?.name ?? nouns.enterprise)} /> : <Typography.Text type="secondary">{s.qrLoading}</Typography.Text>}
      <Typography.Paragraph style={{ marginTop: 12 }}>
        {s.link}：<span data-testid={`${testId}-url`} style={{ wordBreak: "break-all" }}>{issued.url}</span>
      </Typography.Paragraph>
      <Typography.Paragraph>
        {s.expiresOn}：<span data-testid={`${testId}-expiry`}>{formatDate(issued.expiresOn)}</span>
      </Typography.Paragraph>
    </>
  );
  return (
    <div data-testid="survey-slip" style={{ marginTop: 16, padding: 16, border: "1px solid #d9d9d9", borderRadius: 6, maxWidth: 560 }}>
      {body("survey")}
      <Space>
        <Button onClick={copy}>{s.copy}</Button>
        <Button onClick={() => window.print()}>{s.print}</Button>
        {/* Plain text: the coloured success/warning text is below WCAG AA contrast on white. */}
        {copied && <Typography.Text role="status">{copied === "yes" ? s.copied : s.copyFailed}</Typography.Text>}
      </Space>
      {/* What the printer gets: the slip alone, outside the page (hidden on screen, see PRINT_CSS). */}
      {createPortal(
        <div className="survey-print" data-testid="survey-slip-print">
          {body("print")}
        </div>,
        document.body,
      )}
    </div>
  );
}

function SubjectsLine({ programmeId, unitId }: { programmeId: string; unitId: string }) {
  const names = useNames(programmeId, "units", [unitId]);
  return <>{s.slipSubjects(names.get(unitId) ?? "…")}</>;
}

/** Only the slip is printed, on A4 (the page's root, menus and buttons are not). */
const PRINT_CSS = `.survey-print { display: none; }
@media print {
  body > *:not(.survey-print) { display: none !important; }
  .survey-print { display: block; }
  @page { size: A4 portrait; margin: 20mm; }
}`;

/** The links issued in the period, sorted by enterprise (拼音), with their state and the ratings they brought. */
function LinksTable({ programmeId, tokens, ratings }: { programmeId: string; tokens: Token[]; ratings: Rating[] }) {
  const enterprises = useNames(programmeId, "enterprises", tokens.map((x) => x.enterpriseId));
  const units = useNames(programmeId, "units", tokens.map((x) => x.unitId));
  const partners = useNames(programmeId, "partners", ratings.flatMap((r) => (r.partnerId ? [r.partnerId] : [])));
  const now = today();
  const rows = useMemo(
    () =>
      tokens
        .map((x) => ({ ...x, enterprise: enterprises.get(x.enterpriseId) ?? "…", unit: units.get(x.unitId) ?? "…", state: surveyLinkState(x, now), got: ratings.filter((r) => r.tokenId === x.id) }))
        .sort((a, b) => byName(a.enterprise, b.enterprise) || a.expiresOn.localeCompare(b.expiresOn)),
    [tokens, ratings, enterprises, units, now],
  );
  return (
    <Card size="small" title={s.linksTitle(tokens.length)}>
      <Table
        rowKey="id"
        size="small"
        dataSource={rows}
        locale={{ emptyText: s.noLinks }}
        pagination={{ pageSize: 20, showTotal: (total) => s.pageTotal(total, Math.max(1, Math.ceil(total / 20))), hideOnSinglePage: false }}
        columns={[
          { key: "enterprise", title: nouns.enterprise, render: (_, r) => r.enterprise },
          { key: "unit", title: nouns.unit, render: (_, r) => r.unit },
          { key: "expiresOn", title: s.expiresOn, render: (_, r) => formatDate(r.expiresOn) },
          { key: "state", title: nouns.state, render: (_, r) => <Tag color={STATE_COLOR[r.state]}>{surveyLinkStateWords[r.state]}</Tag> },
          {
            key: "ratings",
            title: s.ratingsReceived,
            render: (_, r) =>
              r.got.length === 0
                ? "—"
                : r.got
                    .map((g) => s.ratingLine(g.partnerId ? (partners.get(g.partnerId) ?? "…") : r.unit, ratingWords[g.value]))
                    .sort(byName)
                    .join("；"),
          },
        ]}
      />
    </Card>
  );
}

/** Per unit and partner: how many of each rating, how many in all, the mean. */
function Tally({ programmeId, clause, ratings }: { programmeId: string; clause: string; ratings: Rating[] }) {
  const groups = [...tallyBySubject(ratings).values()];
  const units = useNames(programmeId, "units", groups.map((g) => g.unitId));
  const partners = useNames(programmeId, "partners", groups.filter((g) => g.kind === "partner").map((g) => g.id));
  const rows = groups
    .map((g) => ({ ...g, key: `${g.kind}:${g.id}`, name: (g.kind === "unit" ? units.get(g.id) : partners.get(g.id)) ?? "…", unit: units.get(g.unitId) ?? "…" }))
    .sort((a, b) => byName(a.name, b.name));
  const count = (v: keyof RatingTally["byValue"]) => ({ key: v, title: ratingWords[v], render: (_: unknown, r: (typeof rows)[number]) => r.tally.byValue[v] });
  return (
    <Card size="small" title={s.tallyTitle(clause)} data-testid="rating-tally">
      <Table
        rowKey="key"
        size="small"
        dataSource={rows}
        locale={{ emptyText: s.none }}
        pagination={{ pageSize: 20, showTotal: (total) => s.pageTotal(total, Math.max(1, Math.ceil(total / 20))) }}
        columns={[
          { key: "name", title: s.subject, render: (_, r) => r.name },
          { key: "kind", title: s.subjectKind, render: (_, r) => (r.kind === "unit" ? nouns.unit : nouns.partner) },
          { key: "unit", title: s.servedUnit, render: (_, r) => r.unit },
          count("satisfied"),
          count("basicallySatisfied"),
          count("dissatisfied"),
          { key: "count", title: s.count, render: (_, r) => r.tally.count },
          { key: "average", title: s.average, render: (_, r) => ratingAverageWord(r.tally.average) },
        ]}
      />
    </Card>
  );
}
