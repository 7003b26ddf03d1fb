// From when a draft would apply, why, and on which closed period to try it (GZ-3.4.2). 预览 is open
// to all staff; 采用 only to the programme's administrators, and only for the very draft the last
// preview was of, when that preview found no problem and something changes. The confirmation says
// what adopting does before anything is written.
import { periodWord } from "@domain/words";
import type { SettingsValues } from "@domain/settings";
import { App, Button, Card, Form, Input, Select, Space, Typography } from "antd";
import { useState } from "react";
import { call, type SettingsPreview } from "../../data/callables";
import { today } from "../../shared/dates";
import { Outcome, useOutcome } from "../../shared/Outcome";
import { Problems } from "../../shared/Problems";
import { t } from "../../shared/strings";
import type { ProgrammeView } from "../useProgramme";
import { PreviewResult } from "./PreviewResult";
import { draftProblems, futurePeriods } from "./draftChecks";
import { useClosedPeriods } from "./useSettingsVersions";

const s = t.settings;

export function Proposal({ programme, admin, values, onAdopted }: { programme: ProgrammeView; admin: boolean; values: SettingsValues; onAdopted: (message: string) => void }) {
  const { modal } = App.useApp();
  const future = futurePeriods(programme.pack.cadence, today());
  const closed = useClosedPeriods(programme.id);
  const [effectiveFrom, setEffectiveFrom] = useState(future[0]!);
  const [reason, setReason] = useState("");
  const [whatIfPeriodId, setWhatIf] = useState<string | undefined>();
  const [local, setLocal] = useState<string[]>([]);
  const [preview, setPreview] = useState<{ stamp: string; result: SettingsPreview } | null>(null);
  const outcome = useOutcome();
  const proposal = { programmeId: programme.id, values, effectiveFrom, reason, ...(whatIfPeriodId ? { whatIfPeriodId } : {}) };
  const stamp = JSON.stringify(proposal);
  const current = preview?.stamp === stamp ? preview.result : null;
  const adoptable = admin && current !== null && current.problems.length === 0 && current.diff.length > 0;

  const runPreview = () => {
    const problems = draftProblems(values, reason);
    setLocal(problems);
    setPreview(null);
    if (problems.length === 0) outcome.run(async () => setPreview({ stamp, result: await call("previewSettings", proposal) }));
  };
  const adopt = (next: number) =>
    modal.confirm({
      title: s.confirmTitle(next),
      content: s.confirmContent(periodWord(effectiveFrom), next),
      okText: s.adopt,
      cancelText: t.common.cancel,
      onOk: () =>
        outcome.run(async () => {
          const { whatIfPeriodId: _, ...adopted } = proposal;
          const r = await call("adoptSettings", adopted);
          onAdopted(s.adopted(r.version, periodWord(r.effectiveFrom)));
        }),
    });

  return (
    <Card size="small" title={s.proposalTitle}>
      <ProposalFields future={future} closed={closed} effectiveFrom={effectiveFrom} setEffectiveFrom={setEffectiveFrom} whatIfPeriodId={whatIfPeriodId} setWhatIf={setWhatIf} reason={reason} setReason={setReason} />
      <Space>
        <Button onClick={runPreview} loading={outcome.busy}>
          {s.preview}
        </Button>
        {admin && (
          <Button type="primary" disabled={!adoptable} onClick={() => current && adopt(current.currentVersion + 1)}>
            {s.adopt}
          </Button>
        )}
        {admin && <Typography.Text type="secondary">{preview && !current ? s.staleHint : !current ? s.previewFirst : null}</Typography.Text>}
      </Space>
      <Outcome message={outcome.message} />
      <div style={{ marginTop: 12 }}>
        <Problems problems={local} title={s.problemsTitle} testId="settings-problems" />
        {current && <PreviewResult programmeId={programme.id} preview={current} proposal={proposal} />}
      </div>
    </Card>
  );
}

type FieldsProps = {
  future: string[];
  closed: string[];
  effectiveFrom: string;
  setEffectiveFrom: (p: string) => void;
  whatIfPeriodId: string | undefined;
  setWhatIf: (p: string | undefined) => void;
  reason: string;
  setReason: (r: string) => void;
};

function ProposalFields({ future, closed, effectiveFrom, setEffectiveFrom, whatIfPeriodId, setWhatIf, reason, setReason }: FieldsProps) {
  return (
    <Form layout="vertical" component="div">
      <Space wrap size="large" align="start">
        <Form.Item label={s.effectiveFrom} htmlFor="settings-effective-from" required>
          <Select id="settings-effective-from" style={{ width: 180 }} value={effectiveFrom} onChange={setEffectiveFrom} options={future.map((p) => ({ value: p, label: periodWord(p) }))} />
        </Form.Item>
        <Form.Item label={s.whatIf} htmlFor="settings-what-if">
          <Select id="settings-what-if" style={{ width: 200 }} allowClear placeholder={s.whatIfNone} value={whatIfPeriodId} onChange={setWhatIf} options={closed.map((p) => ({ value: p, label: periodWord(p) }))} />
        </Form.Item>
      </Space>
      <Form.Item label={s.reason} htmlFor="settings-reason" required>
        <Input.TextArea id="settings-reason" rows={2} maxLength={500} placeholder={s.reasonPlaceholder} value={reason} onChange={(e) => setReason(e.target.value)} />
      </Form.Item>
    </Form>
  );
}
