// The pilot-enterprise registry (GZ-1.3, DG-3): the work group puts enterprises on the list, each
// served by one unit under contract. One at a time through a form, or a whole spreadsheet at once:
// the file is checked first (nothing written) and every bad row is listed with its row number and
// column; only a clean file can be imported, and importing it again changes nothing.
import { usccField, text } from "@domain/schemas/common";
import { Alert, Button, Card, DatePicker, Descriptions, Form, Input, Space, Table, Tag, Upload } from "antd";
import type { Dayjs } from "dayjs";
import { collection, orderBy, query, where } from "firebase/firestore";
import { useState } from "react";
import { call, errorText } from "../shared/call";
import { formatDate } from "../shared/dates";
import { db } from "../shared/db";
import { Outcome, type OutcomeMessage } from "../shared/Outcome";
import { PagedTable } from "../shared/PagedTable";
import { t } from "../shared/strings";
import { usePagedQuery } from "../shared/usePagedQuery";
import { zodRule } from "../shared/zodRule";
import { NameOf, NamePicker, UnitFilter } from "./names";
import type { ProgrammeView } from "./useProgramme";

interface Enterprise {
  id: string;
  name: string;
  uscc: string;
  servedBy: string;
  contractSignedOn?: string;
  diagnosisDone: boolean;
  levelBefore?: number;
  levelAfter?: number;
  acceptance: string;
}

interface ImportResult {
  rows: number;
  created: number;
  unchanged: number;
  errors: { row: number; field: string; message: string }[];
}

const MAX_FILE = 2 * 1024 * 1024;

export default function Enterprises({ programme }: { programme: ProgrammeView }) {
  const [unitId, setUnitId] = useState<string | undefined>();
  const q = unitId
    ? query(collection(db, "programmes", programme.id, "enterprises"), where("servedBy", "==", unitId), orderBy("name"))
    : query(collection(db, "programmes", programme.id, "enterprises"), orderBy("name"));
  const page = usePagedQuery<Enterprise>(q, `${programme.id}-enterprises-${unitId ?? ""}`, 20);
  return (
    <Space direction="vertical" size="large" style={{ width: "100%" }}>
      <RegisterEnterprise programme={programme} onDone={page.reload} />
      <ImportEnterprises programme={programme} onDone={page.reload} />
      <Card
        size="small"
        title={`试点企业名单（共 ${page.total ?? "…"} 家）`}
        extra={<UnitFilter id="enterprise-unit-filter" programmeId={programme.id} unitId={unitId} onChange={setUnitId} />}
      >
        <PagedTable<Enterprise>
          page={page}
          columns={[
            { title: "企业名称", dataIndex: "name" },
            { title: t.uscc, dataIndex: "uscc" },
            { title: "服务的牵引单位", render: (_, e) => <NameOf programmeId={programme.id} id={e.servedBy} /> },
            { title: "改造合同签订", render: (_, e) => formatDate(e.contractSignedOn) },
            { title: "诊断", render: (_, e) => (e.diagnosisDone ? "已诊断" : "未诊断") },
            { title: "数字化水平（前→后）", render: (_, e) => `${e.levelBefore ?? "—"} → ${e.levelAfter ?? "—"}` },
            { title: "验收", render: (_, e) => <Tag color={e.acceptance === "passed" ? "green" : e.acceptance === "failed" ? "red" : "default"}>{t.acceptanceState[e.acceptance] ?? e.acceptance}</Tag> },
          ]}
        />
      </Card>
    </Space>
  );
}

function RegisterEnterprise({ programme, onDone }: { programme: ProgrammeView; onDone: () => void }) {
  const [form] = Form.useForm();
  const [message, setMessage] = useState<OutcomeMessage>(null);
  const [busy, setBusy] = useState(false);
  async function submit(v: { name: string; uscc: string; servedBy: string; contractSignedOn?: Dayjs | null }) {
    setMessage(null);
    setBusy(true);
    try {
      await call("registerEnterprise", { programmeId: programme.id, name: v.name.trim(), uscc: v.uscc.trim().toUpperCase(), servedBy: v.servedBy, contractSignedOn: v.contractSignedOn?.format("YYYY-MM-DD") });
      setMessage({ type: "success", text: `已将“${v.name.trim()}”列入试点企业名单。` });
      form.resetFields();
      onDone();
    } catch (err) {
      setMessage({ type: "error", text: errorText(err) });
    } finally {
      setBusy(false);
    }
  }
  return (
    <Card size="small" title={`登记试点企业（${programme.pack.id === "dongguan" ? "DG-3" : "GZ-1.3"}）`}>
      <Form form={form} layout="inline" onFinish={submit}>
        <Form.Item name="name" label="企业名称" rules={[zodRule(text("企业名称", 200))]}>
          <Input style={{ width: 220 }} maxLength={200} />
        </Form.Item>
        <Form.Item name="uscc" label="企业统一社会信用代码" normalize={(v: string) => v?.toUpperCase()} rules={[zodRule(usccField("企业统一社会信用代码"))]}>
          <Input style={{ width: 200 }} maxLength={18} />
        </Form.Item>
        <Form.Item name="servedBy" label="服务的牵引单位" rules={[{ required: true, message: "请选择服务的牵引单位" }]}>
          <NamePicker programmeId={programme.id} kind="units" />
        </Form.Item>
        <Form.Item name="contractSignedOn" label="改造合同签订日期">
          <DatePicker />
        </Form.Item>
        <Button htmlType="submit" type="primary" loading={busy}>
          登记
        </Button>
      </Form>
      <Outcome message={message} />
    </Card>
  );
}

async function toBase64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

function ImportEnterprises({ programme, onDone }: { programme: ProgrammeView; onDone: () => void }) {
  const [file, setFile] = useState<{ name: string; base64: string } | null>(null);
  const [check, setCheck] = useState<ImportResult | null>(null);
  const [done, setDone] = useState<ImportResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function run(dryRun: boolean, chosen = file) {
    if (!chosen) return;
    setError(null);
    setBusy(true);
    try {
      const result = await call<ImportResult>("importEnterprises", { programmeId: programme.id, fileBase64: chosen.base64, dryRun });
      if (dryRun) setCheck(result);
      else {
        setDone(result);
        setCheck(null);
        setFile(null);
        onDone();
      }
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  }

  async function choose(f: File) {
    setCheck(null);
    setDone(null);
    setError(null);
    if (!/\.xlsx$/i.test(f.name)) return setError("请选择 Excel 文件（.xlsx）。");
    if (f.size > MAX_FILE) return setError("文件不能超过 2 MB。");
    const chosen = { name: f.name, base64: await toBase64(f) };
    setFile(chosen);
    await run(true, chosen);
  }

  return (
    <Card size="small" title="从 Excel 批量导入试点企业">
      <Space direction="vertical" style={{ width: "100%" }}>
        <span>
          第一个工作表的首行为表头：<strong>企业名称、统一社会信用代码、服务牵引单位</strong>（单位名称或其统一社会信用代码）、<strong>合同签订日期</strong>（可不填）。
          <a href="/templates/pilot-enterprises.xlsx" download="试点企业导入模板.xlsx">
            下载模板
          </a>
        </span>
        <Upload accept=".xlsx" showUploadList={false} beforeUpload={(f) => (choose(f), false)}>
          <Button loading={busy}>选择 Excel 文件并检查</Button>
        </Upload>
        {error && <Alert type="error" showIcon role="alert" title={error} />}
        {check && file && (
          <div data-testid="import-check">
            <Descriptions size="small" bordered column={4}>
              <Descriptions.Item label="文件">{file.name}</Descriptions.Item>
              <Descriptions.Item label="数据行">{check.rows}</Descriptions.Item>
              <Descriptions.Item label="将新增">{check.created}</Descriptions.Item>
              <Descriptions.Item label="已在名单中">{check.unchanged}</Descriptions.Item>
            </Descriptions>
            {check.errors.length > 0 ? (
              <>
                <Alert type="error" showIcon role="alert" title={`发现 ${check.errors.length} 处错误，请修改文件后重新选择；未写入任何数据。`} />
                <Table rowKey={(e) => `${e.row}-${e.field}`} size="small" dataSource={check.errors} pagination={{ pageSize: 10, showSizeChanger: false }} columns={[{ title: "行号", dataIndex: "row" }, { title: "列", dataIndex: "field" }, { title: "问题", dataIndex: "message" }]} />
              </>
            ) : (
              <Button type="primary" loading={busy} onClick={() => run(false)} style={{ marginTop: 8 }}>
                确认导入 {check.created} 家
              </Button>
            )}
          </div>
        )}
        {done && <Alert type="success" showIcon title={`导入完成：新增 ${done.created} 家，${done.unchanged} 家已在名单中未改动。`} />}
      </Space>
    </Card>
  );
}
