// Change applications (GZ-4.6.0, GZ-4.6.1, DG-13, DG-14): the unit drafts one, uploads the
// documents its city's rules require (listed from the policy pack), and submits; the server checks
// again. A removal picks one of the unit's listed partners by name and gives the reason.
import type { ChangeType, DocumentKind, DocumentRequirement } from "@domain/policy/schema";
import type { ChangeApplication } from "@domain/schemas/change";
import { usccField } from "@domain/schemas/common";
import { catalogueActionWords, changeTypeWords, documentKindWords, nouns, stateWords, unitInfoFieldWords } from "@domain/words";
import { Alert, Button, Card, Checkbox, DatePicker, Form, Input, InputNumber, List, Radio, Select, Space, Table, Tag } from "antd";
import type { Dayjs } from "dayjs";
import { query, where } from "firebase/firestore";
import { useEffect, useState } from "react";
import { call } from "../data/callables";
import { collections, watchQuery, type Stored } from "../data/collections";
import { attachChangeDocuments, createChangeDraft } from "../data/writes";
import { changeSubject } from "../shared/changeSubject";
import { errorText } from "../shared/errorText";
import { FileUpload } from "../shared/FileUpload";
import { mustChoose, mustFill } from "../shared/formRules";
import { t } from "../shared/strings";
import { TextField } from "../shared/TextField";
import type { PortalContext } from "./usePortalData";
import { DocumentLink } from "../shared/DocumentLink";

const s = t.changes;
type Change = Stored<"changes">;
type Partner = Stored<"partners">;
/** Partners on the unit's list, the ones a removal may name (domain/applyChange.ts `removalRefusal`). */
const listed = (p: Partner) => p.status === "active" || p.status === "removalOrdered";
const TYPES: ChangeType[] = ["partnerAdd", "partnerRemove", "unitInfo", "catalogue"];
const options = (words: Record<string, string>) => Object.entries(words).map(([value, label]) => ({ value, label }));

export default function ChangeApplications({ ctx }: { ctx: PortalContext }) {
  const { programmeId, unitId, pack } = ctx;
  const [changes, setChanges] = useState<Change[]>([]);
  const [partners, setPartners] = useState<Partner[]>([]);
  const [openId, setOpenId] = useState<string | null>(null);

  useEffect(() => watchQuery(query(collections.changes(programmeId), where("unitId", "==", unitId)), setChanges), [programmeId, unitId]);
  useEffect(() => watchQuery(query(collections.partners(programmeId), where("unitId", "==", unitId)), setPartners), [programmeId, unitId]);
  const partnerName = ({ payload }: Change) => (payload.type === "partnerRemove" ? partners.find((p) => p.id === payload.partnerId)?.name : undefined);

  const open = changes.find((c) => c.id === openId);
  return (
    <Space direction="vertical" size="large" style={{ width: "100%" }}>
      <NewChange ctx={ctx} partners={partners.filter(listed)} onCreated={setOpenId} />
      {open && <ChangeDocuments ctx={ctx} change={open} requirements={pack.requiredDocuments[open.type] ?? []} />}
      <Card title={s.listTitle}>
        <Table
          rowKey="id"
          size="small"
          dataSource={changes}
          locale={{ emptyText: s.empty }}
          pagination={{ pageSize: 10 }}
          columns={[
            { title: s.type, render: (_, c) => changeTypeWords[c.type] },
            { title: s.content, render: (_, c) => changeSubject(c.payload, partnerName(c)) },
            { title: nouns.state, render: (_, c) => <Tag>{stateWords.change[c.state]}</Tag> },
            { title: s.reviewComment, render: (_, c) => c.reviewComment ?? "—" },
            { title: t.common.actions, render: (_, c) => (["draft", "returned"].includes(c.state) ? <Button onClick={() => setOpenId(c.id)}>{s.complete}</Button> : null) },
          ]}
        />
      </Card>
    </Space>
  );
}

interface Values {
  name?: string;
  uscc?: string;
  partnerId?: string;
  reason?: string;
  field?: keyof typeof unitInfoFieldWords;
  to?: string;
  effectiveOn?: Dayjs;
  licenceUscc?: string;
  action?: keyof typeof catalogueActionWords;
  category?: string;
  priceMin?: number;
  priceMax?: number;
}

/** The application's content from the form, or the reason it cannot be saved. */
function payloadOf(type: ChangeType, v: Values): ChangeApplication["payload"] | string {
  switch (type) {
    case "partnerAdd": {
      const uscc = usccField(s.partnerUscc).safeParse(v.uscc ?? "");
      if (!uscc.success) return uscc.error.issues[0]?.message ?? t.form.invalid;
      return { type, name: (v.name ?? "").trim(), uscc: uscc.data };
    }
    case "partnerRemove":
      return { type, partnerId: (v.partnerId ?? "").trim(), reason: (v.reason ?? "").trim() };
    case "unitInfo": {
      const typed = (v.licenceUscc ?? "").trim();
      const uscc = typed ? usccField(s.licenceUscc).safeParse(typed) : undefined;
      if (uscc && !uscc.success) return uscc.error.issues[0]?.message ?? t.form.invalid;
      return { type, changes: [{ field: v.field!, to: v.to ?? "" }], effectiveOn: v.effectiveOn!.format("YYYY-MM-DD"), ...(uscc?.data ? { licenceUscc: uscc.data } : {}) };
    }
    case "catalogue": {
      // Fields left empty are left out: an emptied number field gives null, which the schema and the rules refuse.
      const given = Object.entries({ category: v.category, priceMin: v.priceMin, priceMax: v.priceMax }).filter(([, x]) => x !== undefined && x !== null && x !== "");
      return { type, action: v.action ?? "add", name: (v.name ?? "").trim(), ...Object.fromEntries(given) };
    }
  }
}

function NewChange({ ctx, partners, onCreated }: { ctx: PortalContext; partners: Partner[]; onCreated: (id: string) => void }) {
  const [type, setType] = useState<ChangeType>("partnerAdd");
  const [error, setError] = useState<string | null>(null);
  const [form] = Form.useForm();

  async function create(values: Values) {
    setError(null);
    const payload = payloadOf(type, values);
    if (typeof payload === "string") return setError(payload);
    try {
      const id = await createChangeDraft(ctx.programmeId, { unitId: ctx.unitId, type, payload });
      form.resetFields();
      onCreated(id);
    } catch (err) {
      setError(s.saveFailed(errorText(err)));
    }
  }

  return (
    <Card title={s.newTitle}>
      <Form form={form} layout="vertical" onFinish={create} style={{ maxWidth: 560 }}>
        <Form.Item label={s.changeType}>
          <Radio.Group value={type} onChange={(e) => setType(e.target.value)} options={TYPES.map((v) => ({ value: v, label: changeTypeWords[v] }))} />
        </Form.Item>
        <ChangeFields type={type} partners={partners} localEntity={ctx.pack.unitChange.localEntity} />
        {error && <Alert type="error" showIcon title={error} role="alert" style={{ marginBottom: 16 }} />}
        <Button type="primary" htmlType="submit">
          {s.saveDraft}
        </Button>
      </Form>
    </Card>
  );
}

/** What each type of application asks for: the form values payloadOf turns into its content. */
function ChangeFields({ type, partners, localEntity }: { type: ChangeType; partners: Partner[]; localEntity: { place: string } | null }) {
  switch (type) {
    case "partnerAdd":
      return (
        <>
          <TextField label={s.partnerName} name="name" maxLength={200} required />
          <Form.Item label={s.partnerUscc} name="uscc" rules={mustFill(nouns.uscc)}>
            <Input maxLength={18} />
          </Form.Item>
        </>
      );
    case "partnerRemove":
      return (
        <>
          <Form.Item label={s.partnerToRemove} name="partnerId" rules={mustChoose(s.partnerToRemove)}>
            <Select
              showSearch
              optionFilterProp="label"
              notFoundContent={s.noPartners}
              options={[...partners].sort((a, b) => a.name.localeCompare(b.name, "zh-CN")).map((p) => ({ value: p.id, label: p.name }))}
            />
          </Form.Item>
          <Form.Item label={s.removalReason} name="reason" rules={mustFill(s.removalReason)}>
            <Input.TextArea maxLength={1000} />
          </Form.Item>
        </>
      );
    case "unitInfo":
      return (
        <>
          <Form.Item label={s.field} name="field" rules={mustChoose(s.field)}>
            <Select options={options(unitInfoFieldWords)} />
          </Form.Item>
          <Form.Item label={s.to} name="to" rules={[{ required: true, message: s.toRequired }]}>
            <Input maxLength={2000} />
          </Form.Item>
          <Form.Item label={s.effectiveOn} name="effectiveOn" rules={mustChoose(s.effectiveOn)}>
            <DatePicker />
          </Form.Item>
          {/* DG-13: the licence of the local independent legal person; reviewers check where it is registered. */}
          {localEntity && (
            <Form.Item label={s.licenceUscc} name="licenceUscc" extra={s.licenceUsccHint(localEntity.place)} rules={mustFill(s.licenceUscc)}>
              <Input maxLength={18} />
            </Form.Item>
          )}
        </>
      );
    case "catalogue":
      return (
        <>
          <Form.Item label={s.action} name="action" initialValue="add">
            <Radio.Group options={options(catalogueActionWords)} />
          </Form.Item>
          <TextField label={s.itemName} name="name" maxLength={200} required />
          <TextField label={nouns.category} name="category" maxLength={100} />
          <Space>
            <Form.Item label={s.priceMin} name="priceMin">
              <InputNumber min={0} />
            </Form.Item>
            <Form.Item label={s.priceMax} name="priceMax">
              <InputNumber min={0} />
            </Form.Item>
          </Space>
        </>
      );
  }
}

function ChangeDocuments({ ctx, change, requirements }: { ctx: PortalContext; change: Change; requirements: readonly DocumentRequirement[] }) {
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const attached = change.documents;

  async function attach(kind: DocumentKind, documentId: string) {
    const documents = [...attached.filter((d) => d.kind !== kind), { kind, documentId }];
    try {
      await attachChangeDocuments(ctx.programmeId, change.id, documents);
    } catch (err) {
      // Refused by the rules: the application is no longer the unit's to edit, or the programme
      // has ended (GZ-5.2 / DG-18). The SDK's own message is English, so say it in Chinese.
      const refused = (err as { code?: string }).code === "permission-denied";
      setError(s.attachFailed(refused ? s.notEditable : errorText(err)));
    }
  }

  async function submit() {
    setError(null);
    try {
      await call("submitChange", { programmeId: ctx.programmeId, changeId: change.id });
      setDone(true);
    } catch (err) {
      setError(errorText(err));
    }
  }

  return (
    <Card title={s.documentsTitle(changeTypeWords[change.type])}>
      {requirements.length === 0 ? (
        <p>{s.noDocuments}</p>
      ) : (
        <List
          dataSource={[...requirements]}
          renderItem={(r) => {
            const have = attached.find((d) => r.anyOf.includes(d.kind));
            return (
              <List.Item>
                <Space direction="vertical" style={{ width: "100%" }}>
                  <span>
                    {r.label}
                    {r.mustBeStamped ? s.mustBeStamped : ""}
                    {r.maxAgeDays ? s.maxAge(r.maxAgeDays) : ""} · {s.basis(r.clause)} {have ? <Tag color="green">{s.uploaded}</Tag> : <Tag color="orange">{s.toUpload}</Tag>}
                    {have && <DocumentLink programmeId={ctx.programmeId} documentId={have.documentId} label={r.label} />}
                  </span>
                  <RequirementUpload requirement={r} programmeId={ctx.programmeId} changeId={change.id} onUploaded={attach} />
                </Space>
              </List.Item>
            );
          }}
        />
      )}
      {error && <Alert type="error" showIcon role="alert" title={error} style={{ marginTop: 16 }} />}
      {done && <Alert type="success" showIcon title={s.submitted(ctx.pack.workGroupName)} style={{ marginTop: 16 }} />}
      <Button type="primary" onClick={submit} style={{ marginTop: 16 }}>
        {s.submit}
      </Button>
    </Card>
  );
}

/**
 * One required document: which kind (when several satisfy it), the query date a Credit China
 * report must carry (its freshness is counted from it), and whether the copy is stamped.
 */
function RequirementUpload({ requirement: r, programmeId, changeId, onUploaded }: { requirement: DocumentRequirement; programmeId: string; changeId: string; onUploaded: (kind: DocumentKind, documentId: string) => void }) {
  const [kind, setKind] = useState<DocumentKind>(r.anyOf[0]!);
  const [issuedOn, setIssuedOn] = useState<string | undefined>();
  const [stamped, setStamped] = useState(false);
  // A Credit China report's freshness is counted from its query date (the pack's limit).
  const needsDate = r.maxAgeDays !== undefined || r.anyOf.includes("creditChinaReport");
  const ready = !needsDate || issuedOn !== undefined;
  return (
    <Space direction="vertical">
      <Space wrap>
        {r.anyOf.length > 1 && <Select aria-label={s.kindOf(r.label)} value={kind} onChange={setKind} style={{ width: 220 }} options={r.anyOf.map((k) => ({ value: k, label: documentKindWords[k] }))} />}
        {needsDate && <DatePicker aria-label={s.queryDateOf(r.label)} placeholder={s.queryDate} onChange={(d: Dayjs | null) => setIssuedOn(d?.format("YYYY-MM-DD"))} />}
        <Checkbox checked={stamped} onChange={(e) => setStamped(e.target.checked)}>
          {s.stamped}
        </Checkbox>
      </Space>
      {ready ? (
        <FileUpload label={t.upload.labelFor(r.label)} target={{ programmeId, targetType: "change", targetId: changeId, kind, issuedOn, stamped }} onUploaded={(id) => onUploaded(kind, id)} />
      ) : (
        <span>{s.dateFirst(r.label)}</span>
      )}
    </Space>
  );
}
