// The pilot-enterprise registry (GZ-1.3, DG-3): the work group puts enterprises on the list, each
// served by one unit under contract. One at a time through a form, or a whole spreadsheet at once:
// the file is checked first (nothing written) and every bad row is listed with its row number and
// column; only a clean file can be imported, and importing it again changes nothing.
import { ENTERPRISE_IMPORT_COLUMNS } from "@domain/enterpriseRegistry";
import { errorMessages } from "@domain/errors";
import { usccField, text } from "@domain/schemas/common";
import { diagnosisWords, nouns, stateWords } from "@domain/words";
import { Alert, Button, Card, DatePicker, Descriptions, Form, Input, Space, Table, Tag, Upload } from "antd";
import type { Dayjs } from "dayjs";
import { orderBy, query, where } from "firebase/firestore";
import { useState } from "react";
import { call, type ImportResult } from "../data/callables";
import { collections } from "../data/collections";
import { formatDate } from "../shared/dates";
import { errorText } from "../shared/errorText";
import { mustChoose, zodRule } from "../shared/formRules";
import { Outcome, useOutcome } from "../shared/Outcome";
import { PagedTable } from "../shared/PagedTable";
import { prefixEnd, SearchBox, searchOf, type Search } from "../shared/SearchBox";
import { t } from "../shared/strings";
import { usePagedQuery } from "../shared/usePagedQuery";
import { Working } from "../shared/Working";
import { NameOf, NamePicker, UnitFilter } from "./names";
import type { ProgrammeView } from "./useProgramme";

const s = t.enterprises;
const MAX_FILE = 2 * 1024 * 1024;
const ACCEPTANCE_COLOR: Record<string, string> = { passed: "green", failed: "red" };

export default function Enterprises({ programme }: { programme: ProgrammeView }) {
  const [unitId, setUnitId] = useState<string | undefined>();
  const [typed, setTyped] = useState("");
  const page = usePagedQuery(enterpriseQuery(programme.id, unitId, searchOf(typed)), `${programme.id}-enterprises-${unitId ?? ""}-${typed}`, 20);
  return (
    <Space direction="vertical" size="large" style={{ width: "100%" }}>
      <RegisterEnterprise programme={programme} onDone={page.reload} />
      <ImportEnterprises programme={programme} onDone={page.reload} />
      <Card size="small" title={s.listTitle(page.total)} extra={
          <Space wrap>
            <SearchBox onSearch={setTyped} />
            <UnitFilter id="enterprise-unit-filter" programmeId={programme.id} unitId={unitId} onChange={setUnitId} />
          </Space>
        }>
        <PagedTable
          page={page}
          columns={[
            { title: s.name, dataIndex: "name" },
            { title: nouns.uscc, dataIndex: "uscc" },
            { title: s.servedBy, render: (_, e) => <NameOf programmeId={programme.id} id={e.servedBy} /> },
            { title: s.contractColumn, render: (_, e) => formatDate(e.contractSignedOn) },
            { title: s.diagnosis, render: (_, e) => (e.diagnosisDone ? diagnosisWords.done : diagnosisWords.notDone) },
            { title: s.levels, render: (_, e) => `${e.levelBefore ?? "—"} → ${e.levelAfter ?? "—"}` },
            { title: s.acceptance, render: (_, e) => <Tag color={ACCEPTANCE_COLOR[e.acceptance] ?? "default"}>{stateWords.acceptance[e.acceptance]}</Tag> },
          ]}
        />
      </Card>
    </Space>
  );
}

function RegisterEnterprise({ programme, onDone }: { programme: ProgrammeView; onDone: () => void }) {
  const [form] = Form.useForm();
  const outcome = useOutcome();
  const submit = (v: { name: string; uscc: string; servedBy: string; contractSignedOn?: Dayjs | null }) =>
    outcome.run(async () => {
      await call("registerEnterprise", { programmeId: programme.id, name: v.name.trim(), uscc: v.uscc.trim().toUpperCase(), servedBy: v.servedBy, contractSignedOn: v.contractSignedOn?.format("YYYY-MM-DD") });
      form.resetFields();
      onDone();
      return s.registered(v.name.trim());
    });
  return (
    <Card size="small" title={s.registerTitle(programme.pack.clauses.enterpriseList)}>
      <Form form={form} layout="inline" onFinish={submit}>
        <Form.Item name="name" label={s.name} rules={[zodRule(text(s.name, 200))]}>
          <Input style={{ width: 220 }} maxLength={200} />
        </Form.Item>
        <Form.Item name="uscc" label={s.uscc} normalize={(v: string) => v?.toUpperCase()} rules={[zodRule(usccField(s.uscc))]}>
          <Input style={{ width: 200 }} maxLength={18} />
        </Form.Item>
        <Form.Item name="servedBy" label={s.servedBy} rules={mustChoose(s.servedBy)}>
          <NamePicker programmeId={programme.id} kind="units" />
        </Form.Item>
        <Form.Item name="contractSignedOn" label={s.contractSignedOn}>
          <DatePicker />
        </Form.Item>
        <Button htmlType="submit" type="primary" loading={outcome.busy}>
          {s.register}
        </Button>
      </Form>
      <Outcome message={outcome.message} />
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
  // What the server is doing now, said while the person waits: checking the file, or writing it.
  const [busy, setBusy] = useState<string | false>(false);

  async function run(dryRun: boolean, chosen = file) {
    if (!chosen) return;
    setError(null);
    setBusy(dryRun ? s.checking(chosen.name) : s.importing(check?.created ?? 0));
    try {
      const result = await call("importEnterprises", { programmeId: programme.id, fileBase64: chosen.base64, dryRun });
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
    // The server's own refusals, given before the file is sent.
    if (!/\.xlsx$/i.test(f.name)) return setError(errorMessages.WORKBOOK_NOT_XLSX);
    if (f.size > MAX_FILE) return setError(errorMessages.WORKBOOK_TOO_LARGE);
    const chosen = { name: f.name, base64: await toBase64(f) };
    setFile(chosen);
    await run(true, chosen);
  }

  const c = ENTERPRISE_IMPORT_COLUMNS;
  return (
    <Card size="small" title={s.importTitle}>
      <Space direction="vertical" style={{ width: "100%" }}>
        <span>
          {s.importHelp.before}
          <strong>{[c.name, c.uscc, c.unit].join("、")}</strong>
          {s.importHelp.unitHint}
          <strong>{c.contractSignedOn}</strong>
          {s.importHelp.optional}
          <a href="/templates/pilot-enterprises.xlsx" download={s.templateFile}>
            {s.downloadTemplate}
          </a>
        </span>
        <Upload accept=".xlsx" showUploadList={false} beforeUpload={(f) => (choose(f), false)}>
          <Button loading={busy !== false}>{s.chooseFile}</Button>
        </Upload>
        <Working text={busy} testId="import-stage" />
        {error && <Alert type="error" showIcon role="alert" title={error} />}
        {check && file && (
          <div data-testid="import-check">
            <Descriptions size="small" bordered column={4}>
              <Descriptions.Item label={s.file}>{file.name}</Descriptions.Item>
              <Descriptions.Item label={s.rows}>{check.rows}</Descriptions.Item>
              <Descriptions.Item label={s.willCreate}>{check.created}</Descriptions.Item>
              <Descriptions.Item label={s.alreadyListed}>{check.unchanged}</Descriptions.Item>
            </Descriptions>
            {check.errors.length > 0 ? (
              <>
                <Alert type="error" showIcon role="alert" title={s.errorsFound(check.errors.length)} />
                <Table rowKey={(e) => `${e.row}-${e.field}`} size="small" dataSource={check.errors} pagination={{ pageSize: 10, showSizeChanger: false }} columns={[{ title: s.errorRow, dataIndex: "row" }, { title: s.errorColumn, dataIndex: "field" }, { title: s.errorProblem, dataIndex: "message" }]} />
              </>
            ) : (
              <Button type="primary" loading={busy !== false} onClick={() => run(false)} style={{ marginTop: 8 }}>
                {s.confirmImport(check.created)}
              </Button>
            )}
          </div>
        )}
        {done && <Alert type="success" showIcon title={s.imported(done.created, done.unchanged)} />}
      </Space>
    </Card>
  );
}

/** The programme's (or one unit's) pilot enterprises by name, or those a search finds (each query written out for the index check). */
function enterpriseQuery(programmeId: string, unitId: string | undefined, search: Search) {
  const all = collections.enterprises(programmeId);
  if (search && "uscc" in search) return unitId ? query(all, where("servedBy", "==", unitId), where("uscc", "==", search.uscc)) : query(all, where("uscc", "==", search.uscc));
  if (search) return unitId ? query(all, where("servedBy", "==", unitId), where("name", ">=", search.prefix), where("name", "<=", prefixEnd(search.prefix)), orderBy("name")) : query(all, where("name", ">=", search.prefix), where("name", "<=", prefixEnd(search.prefix)), orderBy("name"));
  return unitId ? query(all, where("servedBy", "==", unitId), orderBy("name")) : query(all, orderBy("name"));
}
