// Change applications (GZ-4.6.1, DG-13, DG-14): the unit drafts one, uploads the documents its
// city's rules require (listed from the policy pack), and submits; the server checks again.
import { usccField } from "@domain/schemas/common";
import type { ChangeType, DocumentRequirement } from "@domain/policy/schema";
import { Alert, Button, Card, Checkbox, DatePicker, Form, Input, InputNumber, List, Radio, Select, Space, Table, Tag } from "antd";
import type { Dayjs } from "dayjs";
import { collection, doc, onSnapshot, query, serverTimestamp, setDoc, updateDoc, where } from "firebase/firestore";
import { useEffect, useState } from "react";
import { call, errorText } from "../shared/call";
import { FileUpload } from "../shared/FileUpload";
import { db } from "../shared/db";
import { auth } from "../shared/firebase";
import { t } from "../shared/strings";
import type { PortalContext } from "./usePortalData";

interface Change {
  id: string;
  type: ChangeType;
  state: string;
  payload: Record<string, unknown> & { type: string };
  documents?: { kind: string; documentId: string }[];
  reviewComment?: string;
}

const TYPES: ChangeType[] = ["partnerAdd", "partnerRemove", "unitInfo", "catalogue"];

export default function ChangeApplications({ ctx }: { ctx: PortalContext }) {
  const { programmeId, unitId, pack } = ctx;
  const [changes, setChanges] = useState<Change[]>([]);
  const [openId, setOpenId] = useState<string | null>(null);

  useEffect(
    () =>
      onSnapshot(query(collection(db, "programmes", programmeId, "changes"), where("unitId", "==", unitId)), (snap) =>
        setChanges(snap.docs.map((d) => ({ id: d.id, ...(d.data() as Omit<Change, "id">) }))),
      ),
    [programmeId, unitId],
  );

  const open = changes.find((c) => c.id === openId);
  return (
    <Space direction="vertical" size="large" style={{ width: "100%" }}>
      <NewChange ctx={ctx} onCreated={setOpenId} />
      {open && <ChangeDocuments ctx={ctx} change={open} requirements={pack.requiredDocuments[open.type] ?? []} />}
      <Card title="本单位的变更申请">
        <Table
          rowKey="id"
          size="small"
          dataSource={changes}
          locale={{ emptyText: "暂无变更申请" }}
          pagination={{ pageSize: 10 }}
          columns={[
            { title: "类型", render: (_, c) => t.changeType[c.type] ?? c.type },
            { title: "内容", render: (_, c) => String(c.payload.name ?? c.payload.reason ?? (c.payload.changes ? "单位信息" : "")) },
            { title: "状态", render: (_, c) => <Tag>{t.changeState[c.state] ?? c.state}</Tag> },
            { title: "审核意见", render: (_, c) => c.reviewComment ?? "—" },
            { title: "操作", render: (_, c) => (["draft", "returned"].includes(c.state) ? <Button onClick={() => setOpenId(c.id)}>补充材料并提交</Button> : null) },
          ]}
        />
      </Card>
    </Space>
  );
}

function NewChange({ ctx, onCreated }: { ctx: PortalContext; onCreated: (id: string) => void }) {
  const [type, setType] = useState<ChangeType>("partnerAdd");
  const [error, setError] = useState<string | null>(null);
  const [form] = Form.useForm();

  async function create(values: Record<string, unknown>) {
    setError(null);
    let payload: Record<string, unknown>;
    if (type === "partnerAdd") {
      const uscc = usccField("合作伙伴统一社会信用代码").safeParse(values.uscc ?? "");
      if (!uscc.success) return setError(uscc.error.issues[0]?.message ?? "统一社会信用代码无效");
      payload = { type, name: String(values.name ?? "").trim(), uscc: uscc.data };
    } else if (type === "partnerRemove") payload = { type, partnerId: String(values.partnerId ?? "").trim(), reason: String(values.reason ?? "").trim() };
    else if (type === "unitInfo") payload = { type, changes: [{ field: values.field, to: String(values.to ?? "").trim() }], effectiveOn: (values.effectiveOn as { format(f: string): string } | undefined)?.format("YYYY-MM-DD") };
    else {
      // Fields left empty are left out (an emptied number field gives null, which changePayloadSchema refuses, and so do the rules).
      const given = Object.entries({ category: values.category, priceMin: values.priceMin, priceMax: values.priceMax }).filter(([, v]) => v !== undefined && v !== null && v !== "");
      payload = { type, action: values.action ?? "add", name: String(values.name ?? "").trim(), ...Object.fromEntries(given) };
    }
    const ref = doc(collection(db, "programmes", ctx.programmeId, "changes"));
    try {
      await setDoc(ref, { unitId: ctx.unitId, type, state: "draft", payload: JSON.parse(JSON.stringify(payload)), documents: [], updatedBy: auth.currentUser!.uid, updatedAt: serverTimestamp() });
      form.resetFields();
      onCreated(ref.id);
    } catch (err) {
      setError(`保存失败：${errorText(err)}`);
    }
  }

  return (
    <Card title="新建变更申请">
      <Form form={form} layout="vertical" onFinish={create} style={{ maxWidth: 560 }}>
        <Form.Item label="变更类型">
          <Radio.Group value={type} onChange={(e) => setType(e.target.value)} options={TYPES.map((v) => ({ value: v, label: t.changeType[v] }))} />
        </Form.Item>
        {type === "partnerAdd" && (
          <>
            <Form.Item label="合作伙伴名称" name="name" rules={[{ required: true, message: "请填写合作伙伴名称" }]}>
              <Input maxLength={200} />
            </Form.Item>
            <Form.Item label="合作伙伴统一社会信用代码" name="uscc" rules={[{ required: true, message: "请填写统一社会信用代码" }]}>
              <Input maxLength={18} />
            </Form.Item>
          </>
        )}
        {type === "partnerRemove" && (
          <>
            <Form.Item label="合作伙伴编号" name="partnerId" rules={[{ required: true, message: "请填写合作伙伴编号" }]}>
              <Input />
            </Form.Item>
            <Form.Item label="取消合作原因" name="reason" rules={[{ required: true, message: "请填写原因" }]}>
              <Input.TextArea maxLength={1000} />
            </Form.Item>
          </>
        )}
        {type === "unitInfo" && (
          <>
            <Form.Item label="变更事项" name="field" rules={[{ required: true, message: "请选择变更事项" }]}>
              <Select
                options={[
                  { value: "name", label: "名称" },
                  { value: "address", label: "住所" },
                  { value: "legalRepresentative", label: "法定代表人" },
                  { value: "businessScope", label: "经营范围" },
                  { value: "registeredCapital", label: "注册资本" },
                ]}
              />
            </Form.Item>
            <Form.Item label="变更后" name="to" rules={[{ required: true, message: "请填写变更后的内容" }]}>
              <Input maxLength={2000} />
            </Form.Item>
            <Form.Item label="变更生效日期" name="effectiveOn" rules={[{ required: true, message: "请选择日期" }]}>
              <DatePicker />
            </Form.Item>
          </>
        )}
        {type === "catalogue" && (
          <>
            <Form.Item label="方式" name="action" initialValue="add">
              <Radio.Group options={[{ value: "add", label: "新增" }, { value: "modify", label: "修改" }, { value: "remove", label: "下架" }]} />
            </Form.Item>
            <Form.Item label="产品或服务名称" name="name" rules={[{ required: true, message: "请填写名称" }]}>
              <Input maxLength={200} />
            </Form.Item>
            <Form.Item label="类别" name="category">
              <Input maxLength={100} />
            </Form.Item>
            <Space>
              <Form.Item label="最低价格（元）" name="priceMin">
                <InputNumber min={0} />
              </Form.Item>
              <Form.Item label="最高价格（元）" name="priceMax">
                <InputNumber min={0} />
              </Form.Item>
            </Space>
          </>
        )}
        {error && <Alert type="error" showIcon title={error} role="alert" style={{ marginBottom: 16 }} />}
        <Button type="primary" htmlType="submit">
          保存草稿，下一步上传材料
        </Button>
      </Form>
    </Card>
  );
}

function ChangeDocuments({ ctx, change, requirements }: { ctx: PortalContext; change: Change; requirements: readonly DocumentRequirement[] }) {
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const attached = change.documents ?? [];

  async function attach(kind: string, documentId: string) {
    const documents = [...attached.filter((d) => d.kind !== kind), { kind, documentId }];
    // Only the unit's own fields: what the functions recorded (the reviewer's comment on a
    // returned application, its review batch) stays, and the rules refuse to let it change.
    try {
      await updateDoc(doc(db, "programmes", ctx.programmeId, "changes", change.id), {
        // Editing a returned application makes it a draft again; submitChange re-checks it.
        state: "draft",
        documents,
        updatedBy: auth.currentUser!.uid,
        updatedAt: serverTimestamp(),
      });
    } catch (err) {
      // Refused by the rules: the application is no longer the unit's to edit, or the programme
      // has ended (GZ-5.2 / DG-18). The SDK's own message is English, so say it in Chinese.
      const refused = (err as { code?: string }).code === "permission-denied";
      setError(`材料已上传，但未能附到申请上：${refused ? "该申请当前不可修改（已提交或已审定，或专项已验收结束）。" : errorText(err)}`);
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
    <Card title={`${t.changeType[change.type]}：所需材料`}>
      {requirements.length === 0 ? (
        <p>本类申请无须上传材料。</p>
      ) : (
        <List
          dataSource={[...requirements]}
          renderItem={(r) => {
            const have = attached.find((d) => r.anyOf.includes(d.kind as never));
            return (
              <List.Item>
                <Space direction="vertical" style={{ width: "100%" }}>
                  <span>
                    {r.label}
                    {r.mustBeStamped ? "（须加盖公章）" : ""}
                    {r.maxAgeDays ? `（查询日期须在 ${r.maxAgeDays} 天内）` : ""} · 依据 {r.clause} {have ? <Tag color="green">已上传</Tag> : <Tag color="orange">待上传</Tag>}
                  </span>
                  <RequirementUpload requirement={r} programmeId={ctx.programmeId} changeId={change.id} onUploaded={attach} />
                </Space>
              </List.Item>
            );
          }}
        />
      )}
      {error && <Alert type="error" showIcon role="alert" title={error} style={{ marginTop: 16 }} />}
      {done && <Alert type="success" showIcon title="已提交，等待工作小组审核。" style={{ marginTop: 16 }} />}
      <Button type="primary" onClick={submit} style={{ marginTop: 16 }}>
        提交申请
      </Button>
    </Card>
  );
}

/**
 * One required document: which kind (when several satisfy it), the query date a Credit China
 * report must carry (its freshness is counted from it), and whether the copy is stamped.
 */
function RequirementUpload({ requirement: r, programmeId, changeId, onUploaded }: { requirement: DocumentRequirement; programmeId: string; changeId: string; onUploaded: (kind: string, documentId: string) => void }) {
  const [kind, setKind] = useState<string>(r.anyOf[0]!);
  const [issuedOn, setIssuedOn] = useState<string | undefined>();
  const [stamped, setStamped] = useState(false);
  // A Credit China report's freshness is counted from its query date (the pack's limit).
  const needsDate = r.maxAgeDays !== undefined || r.anyOf.includes("creditChinaReport");
  const ready = !needsDate || issuedOn !== undefined;
  return (
    <Space direction="vertical">
      <Space wrap>
        {r.anyOf.length > 1 && <Select aria-label={`${r.label}的类型`} value={kind} onChange={setKind} style={{ width: 220 }} options={r.anyOf.map((k) => ({ value: k, label: KIND_LABELS[k] ?? k }))} />}
        {needsDate && <DatePicker aria-label={`${r.label}的查询日期`} placeholder="查询日期" onChange={(d: Dayjs | null) => setIssuedOn(d?.format("YYYY-MM-DD"))} />}
        <Checkbox checked={stamped} onChange={(e) => setStamped(e.target.checked)}>
          已加盖公章
        </Checkbox>
      </Space>
      {ready ? (
        <FileUpload label={`上传${r.label}`} target={{ programmeId, targetType: "change", targetId: changeId, kind, issuedOn, stamped }} onUploaded={(id) => onUploaded(kind, id)} />
      ) : (
        <span>请先选择查询日期，再上传{r.label}。</span>
      )}
    </Space>
  );
}

const KIND_LABELS: Record<string, string> = { auditReport: "上年度财务审计报告", stampedFinancialStatements: "加盖公章的财务报表" };
