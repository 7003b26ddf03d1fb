// Proceedings (GZ-4.4a, GZ-4.3b, GZ-4.4b, GZ-4.4b.9, DG-10, DG-16): only the next actions the
// server's state machines allow today are offered (proceedingAllowedEvents: the server's date,
// not the browser's), each naming its clause; the bureau-meeting record (date, minutes file,
// decision) is required before a Guangzhou clear-out can take effect.
import { proceedingDecisionDocuments } from "@domain/decisionDocuments";
import { groundsOf, proceedingKindsOf, type ProceedingKind } from "@domain/procedureKinds";
import { bureauMeetingDecisionWords, groundOptions, nouns, proceedingEventWords, proceedingKindWords, proceedingSourceWords, stateWord, type ProceedingEventType } from "@domain/words";
import { Alert, Button, Card, DatePicker, Descriptions, Drawer, Form, Input, Radio, Select, Space, Spin } from "antd";
import type { Dayjs } from "dayjs";
import { orderBy, query, where } from "firebase/firestore";
import { useEffect, useState } from "react";
import { call } from "../data/callables";
import { collections, type Stored } from "../data/collections";
import { formatDate } from "../shared/dates";
import { errorText } from "../shared/errorText";
import { FileUpload } from "../shared/FileUpload";
import { mustChoose } from "../shared/formRules";
import { Outcome, useOutcome } from "../shared/Outcome";
import { PagedTable } from "../shared/PagedTable";
import { t } from "../shared/strings";
import { usePagedQuery } from "../shared/usePagedQuery";
import { ActionButton } from "./ActionButton";
import { DecisionDocuments } from "./DecisionDocuments";
import { NameOf, NamePicker } from "./names";
import { GroundText } from "./GroundText";
import { PartnerRatings } from "./PartnerRatings";
import type { ProgrammeView } from "./useProgramme";

const s = t.proceedings;
type Proceeding = Stored<"proceedings">;
/** What the buttons send along: who and which proceeding, and the state the staff member saw. */
type EventData = { programmeId: string; proceedingId: string; expectedState: string };

const kindOptions = (kinds: readonly ProceedingKind[]) => kinds.map((k) => ({ value: k, label: proceedingKindWords[k] }));

export default function Proceedings({ programme }: { programme: ProgrammeView }) {
  const [kind, setKind] = useState<ProceedingKind | "all">("all");
  const [selected, setSelected] = useState<Proceeding | null>(null);
  const all = collections.proceedings(programme.id);
  const q = kind === "all" ? query(all, orderBy("openedOn", "desc")) : query(all, where("kind", "==", kind), orderBy("openedOn", "desc"));
  const page = usePagedQuery(q, `${programme.id}-${kind}`, 20);
  // Only the procedures this programme's regulation has (no 通报批评 in Dongguan).
  const kinds = proceedingKindsOf(programme.pack);
  const partners = kinds.includes("partnerRemoval");

  return (
    <Space direction="vertical" size="large" style={{ width: "100%" }}>
      <OpenProceeding programme={programme} onDone={page.reload} />
      <Card
        size="small"
        title={s.listTitle(page.total)}
        extra={<Radio.Group value={kind} onChange={(e) => setKind(e.target.value)} options={[{ value: "all", label: t.common.all }, ...kindOptions(kinds)]} />}
      >
        <PagedTable
          page={page}
          onRowClick={setSelected}
          columns={[
            { title: s.kind, render: (_, r) => proceedingKindWords[r.kind] },
            { title: nouns.unit, render: (_, r) => <NameOf programmeId={programme.id} id={r.unitId} /> },
            ...(partners ? [{ title: nouns.partner, render: (_: unknown, r: Proceeding) => (r.kind === "partnerRemoval" ? <NameOf programmeId={programme.id} kind="partners" id={r.partnerId} /> : "—") }] : []),
            { title: s.ground, render: (_, r) => <GroundText pack={programme.pack} ground={r.ground} /> },
            { title: nouns.state, render: (_, r) => stateWord(r.kind, r.state) },
            { title: s.source, render: (_, r) => (r.automatic ? proceedingSourceWords.automatic : proceedingSourceWords.manual) },
            { title: s.openedOn, render: (_, r) => formatDate(r.openedOn) },
          ]}
        />
      </Card>
      <Drawer open={selected !== null} onClose={() => setSelected(null)} width={640} title={selected ? <>{proceedingKindWords[selected.kind]} · <NameOf programmeId={programme.id} id={selected.unitId} /></> : ""}>
        {selected && (
          <ProceedingDetail
            programme={programme}
            p={selected}
            onChanged={() => {
              page.reload();
              setSelected(null);
            }}
          />
        )}
      </Drawer>
    </Space>
  );
}

/** What may be done with the proceeding today, as the server's machine says. */
function useAllowedEvents(programmeId: string, p: Proceeding) {
  const [answer, setAnswer] = useState<{ state: string; events: ProceedingEventType[] } | { error: string } | null>(null);
  useEffect(() => {
    let live = true;
    setAnswer(null);
    call("proceedingAllowedEvents", { programmeId, proceedingId: p.id }).then(
      (r) => live && setAnswer({ state: r.state, events: r.allowedEvents }),
      (err: unknown) => live && setAnswer({ error: errorText(err) }),
    );
    return () => {
      live = false;
    };
  }, [programmeId, p.id, p.state]);
  return answer;
}

function ProceedingDetail({ programme, p, onChanged }: { programme: ProgrammeView; p: Proceeding; onChanged: () => void }) {
  const allowed = useAllowedEvents(programme.id, p);
  const events = allowed && "events" in allowed ? allowed.events : [];
  // expectedState: if someone else acts first, the server answers "already decided". Steps with
  // their own form are not buttons: the bureau meeting (below), the unit's response (its portal),
  // the announcement (taken with the clear-out's effect).
  const data: EventData = { programmeId: programme.id, proceedingId: p.id, expectedState: allowed && "state" in allowed ? allowed.state : p.state };
  const meeting = p.kind === "clearOut" ? p.bureauMeeting : undefined;
  return (
    <Space direction="vertical" style={{ width: "100%" }}>
      <Descriptions column={1} bordered size="small">
        {p.kind === "partnerRemoval" && (
          <Descriptions.Item label={nouns.partner}>
            <NameOf programmeId={programme.id} kind="partners" id={p.partnerId} />
          </Descriptions.Item>
        )}
        <Descriptions.Item label={nouns.ground}>
          <GroundText pack={programme.pack} ground={p.ground} />
        </Descriptions.Item>
        <Descriptions.Item label={nouns.state}>{stateWord(p.kind, p.state)}</Descriptions.Item>
        <Descriptions.Item label={s.facts}>{p.evidence.map((e) => e.description).join("；")}</Descriptions.Item>
        {p.kind === "criticism" && p.rectificationDeadline && <Descriptions.Item label={nouns.rectificationDeadline}>{formatDate(p.rectificationDeadline)}</Descriptions.Item>}
        {meeting && <Descriptions.Item label={nouns.bureauMeeting}>{`${formatDate(meeting.heldOn)} · ${bureauMeetingDecisionWords[meeting.decision]}`}</Descriptions.Item>}
      </Descriptions>
      <div data-testid="allowed-events">
        {allowed === null ? (
          <Spin size="small" />
        ) : "error" in allowed ? (
          <Alert type="error" showIcon role="alert" title={allowed.error} />
        ) : events.length === 0 ? (
          <Alert type="info" showIcon title={s.noActions} />
        ) : (
          <Space wrap>
            {events.map((e) =>
              e === "recordBureauMeeting" || e === "respond" || e === "announce" ? null : e === "dismiss" || e === "returnResponse" || e === "cancelQualification" ? (
                <ReasonEvent key={e} event={e} data={data} onDone={onChanged} />
              ) : e === "extend" || e === "escalate" ? (
                <EventWithInput key={e} event={e} programme={programme} data={data} onDone={onChanged} />
              ) : (
                <ActionButton key={e} label={proceedingEventWords[e]} fn="proceedingEvent" data={{ ...data, event: { type: e } }} onDone={onChanged} />
              ),
            )}
          </Space>
        )}
      </div>
      {events.includes("recordBureauMeeting") && <BureauMeeting programme={programme} proceedingId={p.id} onDone={onChanged} />}
      {p.kind === "partnerRemoval" && <PartnerRatings programmeId={programme.id} partnerId={p.partnerId} pack={programme.pack} />}
      <DecisionDocuments programmeId={programme.id} subjectId={p.id} kinds={proceedingDecisionDocuments(p)} />
    </Space>
  );
}

/**
 * dismiss and cancelQualification (GZ-4.3b: the facts and severity, quoted in the announcement)
 * need `reason`, returnResponse needs `comment`: all inside the event.
 */
function ReasonEvent({ event, data, onDone }: { event: "dismiss" | "returnResponse" | "cancelQualification"; data: EventData; onDone: () => void }) {
  const [text, setText] = useState("");
  const label = proceedingEventWords[event];
  const payload = event === "returnResponse" ? { type: event, comment: text } : { type: event, reason: text };
  return (
    <Space>
      <Input aria-label={s.reasonFor(label)} placeholder={s.reasonPlaceholder} value={text} onChange={(e) => setText(e.target.value)} style={{ width: 200 }} />
      <ActionButton label={label} fn="proceedingEvent" data={{ ...data, event: payload }} danger onDone={onDone} />
    </Space>
  );
}

function EventWithInput({ event, programme, data, onDone }: { event: "extend" | "escalate"; programme: ProgrammeView; data: EventData; onDone: () => void }) {
  const [value, setValue] = useState("");
  const payload = event === "extend" ? { type: event, deadline: value } : { type: event, clearOutGround: value };
  return (
    <Space>
      {event === "extend" ? (
        <DatePicker aria-label={s.newDeadline} onChange={(d: Dayjs | null) => setValue(d?.format("YYYY-MM-DD") ?? "")} />
      ) : (
        <Select aria-label={s.clearOutGround} style={{ width: 320 }} popupMatchSelectWidth={false} placeholder={s.clearOutGround} onChange={setValue} options={groundOptions(programme.pack, programme.pack.clearOut.grounds)} />
      )}
      <ActionButton label={proceedingEventWords[event]} fn="proceedingEvent" data={{ ...data, event: payload }} onDone={onDone} />
    </Space>
  );
}

function BureauMeeting({ programme, proceedingId, onDone }: { programme: ProgrammeView; proceedingId: string; onDone: () => void }) {
  const [minutes, setMinutes] = useState<string | null>(null);
  const outcome = useOutcome();
  const record = (v: { heldOn: Dayjs; decision: keyof typeof bureauMeetingDecisionWords }) =>
    outcome.run(async () => {
      await call("recordBureauMeeting", { programmeId: programme.id, proceedingId, heldOn: v.heldOn.format("YYYY-MM-DD"), minutesDocumentId: minutes!, decision: v.decision });
      onDone();
    });
  return (
    <Card size="small" title={s.meetingTitle(programme.pack.clearOut.bureauMeeting === "required", programme.pack.clauses.bureauMeeting ?? "")}>
      <FileUpload label={s.uploadMinutes} target={{ programmeId: programme.id, targetType: "proceeding", targetId: proceedingId, kind: "meetingMinutes" }} onUploaded={setMinutes} />
      <Form layout="inline" onFinish={record} style={{ marginTop: 12 }} initialValues={{ decision: "confirmed" }}>
        <Form.Item name="heldOn" label={s.meetingDate} rules={mustChoose(s.meetingDate)}>
          <DatePicker />
        </Form.Item>
        <Form.Item name="decision" label={s.meetingDecision}>
          <Radio.Group options={Object.entries(bureauMeetingDecisionWords).map(([value, label]) => ({ value, label }))} />
        </Form.Item>
        <Button htmlType="submit" type="primary" disabled={!minutes}>
          {s.register}
        </Button>
      </Form>
      <Outcome message={outcome.message} />
    </Card>
  );
}

function OpenProceeding({ programme, onDone }: { programme: ProgrammeView; onDone: () => void }) {
  const { pack } = programme;
  const kinds = proceedingKindsOf(pack);
  const [kind, setKind] = useState<ProceedingKind>(kinds[0] ?? "clearOut");
  const outcome = useOutcome();
  const [form] = Form.useForm();
  const grounds = groundsOf(kind, pack);
  const open = (v: { unitId: string; partnerId?: string; ground: string; evidence: string; note?: string }) =>
    outcome.run(async () => {
      await call("openProceeding", { programmeId: programme.id, kind, unitId: v.unitId, partnerId: v.partnerId || undefined, ground: v.ground, evidence: [{ description: v.evidence }], note: v.note });
      form.resetFields();
      onDone();
      return s.opened;
    });
  return (
    <Card size="small" title={s.openTitle}>
      <Space direction="vertical" style={{ width: "100%" }}>
        <Radio.Group
          value={kind}
          onChange={(e) => {
            setKind(e.target.value);
            form.setFieldValue("ground", undefined);
          }}
          options={kindOptions(kinds)}
        />
        <Form form={form} layout="inline" onFinish={open}>
          <Form.Item name="unitId" label={nouns.unit} rules={mustChoose(nouns.unit)}>
            <NamePicker programmeId={programme.id} kind="units" />
          </Form.Item>
          {kind === "partnerRemoval" && (
            <Form.Item name="partnerId" label={nouns.partner} rules={mustChoose(nouns.partner)}>
              <NamePicker programmeId={programme.id} kind="partners" />
            </Form.Item>
          )}
          <Form.Item name="ground" label={nouns.ground} rules={mustChoose(nouns.ground)}>
            <Select style={{ width: 360 }} popupMatchSelectWidth={false} options={groundOptions(pack, grounds)} />
          </Form.Item>
          <Form.Item name="evidence" label={nouns.evidence} rules={[{ required: true, message: s.evidenceRequired }]}>
            <Input style={{ width: 260 }} maxLength={1000} />
          </Form.Item>
          <Button htmlType="submit">{s.open}</Button>
        </Form>
        <Outcome message={outcome.message} />
      </Space>
    </Card>
  );
}
