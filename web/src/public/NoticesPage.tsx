// Open and closed public notices (GZ-4.6.3, DG-14), announcements of clear-outs (GZ-4.5, DG-11)
// and of qualifications cancelled for an unrectified criticism (GZ-4.3b), criticisms circulated
// (通报批评, GZ-4.4a.0) with their outcome once decided, and
// every published version of the partner list, catalogue and unit change list (DG-13, DG-14).
// Anyone may file an objection while a notice is open; it goes to the work group, never public.
import { fileObjectionRequestSchema } from "@domain/schemas/requests";
import { announcementKindWords, announcementOutcomeWords, stateWords } from "@domain/words";
import { Alert, Button, Empty, Form, Input, Select, Space, Tabs, Tag } from "antd";
import { getDocs, limit, orderBy, query, where } from "firebase/firestore";
import { useEffect, useState } from "react";
import { call } from "../data/callables";
import { collections, rowsOf, type Stored } from "../data/collections";
import { CircularList } from "../shared/CircularList";
import { formatDate, formatInstantDate } from "../shared/dates";
import { mustFill, zodRule } from "../shared/formRules";
import { NoticeItems, noticeItemText } from "../shared/NoticeItems";
import { Outcome, useOutcome } from "../shared/Outcome";
import { PublishedLists } from "../shared/PublishedLists";
import { PRINT_CSS, PrintableCard } from "./PrintableCard";
import { t } from "../shared/strings";

const s = t.publicNotices;
type Notice = Stored<"notices"> & { programmeId: string };

/** Each programme by its city (by its name as well where a city has two), in pinyin order as a Chinese list of places is read. */
function choices(rows: Stored<"publicProgrammes">[]) {
  const perCity = new Map<string, number>();
  for (const p of rows) perCity.set(p.city, (perCity.get(p.city) ?? 0) + 1);
  return rows.map((p) => ({ value: p.id, label: perCity.get(p.city)! > 1 ? `${p.city}（${p.name}）` : p.city })).sort((a, b) => a.label.localeCompare(b.label, "zh-CN") || a.value.localeCompare(b.value));
}

/** The programmes the public may see, from their public projection (publicProgrammes). */
function usePublicProgrammes() {
  const [programmes, setProgrammes] = useState<{ value: string; label: string }[] | null>(null);
  const [issuers, setIssuers] = useState<Record<string, string>>({});
  useEffect(() => {
    getDocs(collections.publicProgrammes())
      .then((snap) => {
        const rows = rowsOf(snap);
        // The body that issues the programme's notices: the programme and its work group.
        setIssuers(Object.fromEntries(rows.map((p) => [p.id, `${p.name}${p.workGroupName ?? ""}`])));
        return choices(rows);
      })
      .catch(() => [])
      .then(setProgrammes);
  }, []);
  return { programmes, issuers };
}

export default function NoticesPage() {
  const { programmes, issuers } = usePublicProgrammes();
  const [chosen, setProgrammeId] = useState(new URLSearchParams(window.location.search).get("p"));
  // The programme the address names, else the first city once the list has arrived.
  const programmeId = chosen ?? programmes?.[0]?.value ?? null;
  const [notices, setNotices] = useState<Notice[] | null>(null);
  const [announcements, setAnnouncements] = useState<Stored<"announcements">[] | null>(null);
  const [circulars, setCirculars] = useState<Stored<"publicCirculars">[] | null>(null);

  useEffect(() => {
    if (!programmeId) return;
    getDocs(query(collections.notices(programmeId), where("state", "in", ["open", "closed"]), limit(50)))
      .then((snap) => rowsOf(snap).map((n) => ({ ...n, programmeId })).sort((a, b) => b.startsOn.localeCompare(a.startsOn)))
      .catch(() => [])
      .then(setNotices);
    getDocs(query(collections.announcements(programmeId), orderBy("publishedAt", "desc"), limit(50)))
      .then(rowsOf)
      .catch(() => [])
      .then(setAnnouncements);
    getDocs(query(collections.publicCirculars(programmeId), orderBy("publishedAt", "desc"), limit(50)))
      .then(rowsOf)
      .catch(() => [])
      .then(setCirculars);
  }, [programmeId]);

  if (programmes !== null && programmeId === null) return <Empty description={s.noProgrammes} />;
  return (
    <Space direction="vertical" style={{ width: "100%", maxWidth: 960, margin: "0 auto", display: "flex" }}>
      <style>{PRINT_CSS}</style>
      <Space className="no-print">
        <span>{s.city}</span>
        <Select aria-label={s.chooseCity} style={{ minWidth: 120 }} loading={programmes === null} value={programmeId ?? undefined} onChange={setProgrammeId} options={programmes ?? []} />
      </Space>
      <Tabs
        items={[
          {
            key: "notices",
            label: s.noticesTab,
            children: notices === null ? null : notices.length === 0 ? <Empty description={s.noNotices} /> : notices.map((n) => <NoticeCard key={n.id} notice={n} issuer={issuers[n.programmeId] ?? ""} />),
          },
          {
            key: "announcements",
            label: s.announcementsTab,
            children:
              announcements === null ? null : announcements.length === 0 ? (
                <Empty description={s.noAnnouncements} />
              ) : (
                announcements.map((a) => <AnnouncementCard key={a.id} announcement={a} issuer={issuers[programmeId ?? ""] ?? ""} />)
              ),
          },
          { key: "circulars", label: s.circularsTab, children: circulars && <CircularList circulars={circulars} /> },
          { key: "lists", label: s.listsTab, children: programmeId && <PublishedLists key={programmeId} programmeId={programmeId} /> },
        ]}
      />
    </Space>
  );
}

/**
 * One 公示 as a government notice reads: its title, what is published and under which clause, the
 * period in Chinese dates and its length, the items, how to object (实名, in writing, with a
 * contact, before the end), the issuing body and date; printable on its own (打印本公示).
 */
function NoticeCard({ notice, issuer }: { notice: Notice; issuer: string }) {
  const [showForm, setShowForm] = useState(false);
  const start = formatDate(notice.startsOn);
  const end = formatDate(notice.endsOn);
  return (
    <PrintableCard testId="notice" printLabel={s.print} title={<Space wrap>{notice.title}<Tag color={notice.state === "open" ? "orange" : "default"}>{stateWords.notice[notice.state]}</Tag></Space>}>
      <p>{s.preamble(notice.clause, start, end, notice.length, notice.unit === "workingDays")}</p>
      <NoticeItems items={notice.items} />
      <p>{s.howToObject(end)}</p>
      <Signature issuer={issuer} date={start} />
      {notice.state === "open" && <div className="no-print">{showForm ? <ObjectionForm notice={notice} /> : <Button onClick={() => setShowForm(true)}>{s.object}</Button>}</div>}
    </PrintableCard>
  );
}

/** The issuing body and date, at the foot of the document as on paper. */
function Signature({ issuer, date }: { issuer: string; date: string }) {
  return (
    <p style={{ textAlign: "right", marginBottom: 0 }}>
      {issuer}
      <br />
      {date}
    </p>
  );
}

/**
 * A clear-out (GZ-4.5, DG-11) or a cancelled qualification (GZ-4.3b) announced as a bureau's
 * 公告 reads: its title, what was decided about which unit and from when, why and under which
 * clause, the issuing body and date; printable on its own.
 */
function AnnouncementCard({ announcement: a, issuer }: { announcement: Stored<"announcements">; issuer: string }) {
  return (
    <PrintableCard testId="announcement" printLabel={s.printAnnouncement} title={s.announcementHeading(a.unitName, announcementKindWords[a.outcome])}>
      <p>{s.announcementText(a.unitName, a.uscc, formatDate(a.effectiveOn), announcementOutcomeWords[a.outcome], a.ground)}</p>
      <p>{s.announcementReason(a.reason)}</p>
      <Signature issuer={issuer} date={formatInstantDate(a.publishedAt)} />
    </PrintableCard>
  );
}

function ObjectionForm({ notice }: { notice: Notice }) {
  const outcome = useOutcome();
  const submit = (v: { changeId?: string; name: string; contact: string; text: string }) =>
    outcome.run(async () => {
      await call("fileObjection", { programmeId: notice.programmeId, noticeId: notice.id, changeId: v.changeId || undefined, name: v.name, contact: v.contact, text: v.text });
      return s.objectionFiled;
    });
  if (outcome.message?.type === "success") return <Alert type="success" showIcon title={outcome.message.text} role="status" />;
  return (
    <Form layout="vertical" onFinish={submit} style={{ maxWidth: 560, marginTop: 16 }}>
      <Form.Item label={s.item} name="changeId">
        <Select allowClear placeholder={s.wholeNotice} options={notice.items.map((i) => ({ value: i.changeId, label: noticeItemText(i) }))} />
      </Form.Item>
      <Alert type="info" showIcon title={s.realName} style={{ marginBottom: 16 }} />
      <Form.Item label={s.name} name="name" required validateFirst rules={[...mustFill(s.name), zodRule(fileObjectionRequestSchema.shape.name)]}>
        <Input maxLength={200} autoComplete="name" />
      </Form.Item>
      <Form.Item label={s.contact} name="contact" required validateFirst extra={s.contactHelp} rules={[...mustFill(s.contact), zodRule(fileObjectionRequestSchema.shape.contact)]}>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item label={s.text} name="text" rules={[...mustFill(s.text), { max: 5000, message: s.textTooLong }]}>
        <Input.TextArea rows={4} maxLength={5000} showCount />
      </Form.Item>
      <Outcome message={outcome.message} />
      <Button type="primary" htmlType="submit" loading={outcome.busy} style={{ marginTop: 16 }}>
        {s.submitObjection}
      </Button>
    </Form>
  );
}
