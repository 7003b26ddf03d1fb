// The programme's settings as governed data (GZ-3.4.2 工作小组制定评价指标): the version in force
// with every setting under its label (what the regulation fixes shown with its clause), a draft
// of the next version, its effective period, reason and what-if on a closed period, the preview
// (problems, diff, what-if) and — for the programme's administrators — adoption; then the history
// of versions. Reviewers see everything and may preview; only administrators adopt.
import type { SettingsVersion } from "@domain/settings";
import { Alert, Card, Space, Spin, Typography } from "antd";
import { useState } from "react";
import { t } from "../shared/strings";
import { CurrentSettings } from "./settings/CurrentSettings";
import { Proposal } from "./settings/Proposal";
import { SettingsEditor } from "./settings/SettingsEditor";
import { useSettingsVersions } from "./settings/useSettingsVersions";
import { VersionHistory } from "./settings/VersionHistory";
import type { ProgrammeView } from "./useProgramme";

const s = t.settings;

export default function Settings({ programme, role }: { programme: ProgrammeView; role: "reviewer" | "admin" }) {
  const { versions, error } = useSettingsVersions(programme);
  const [adopted, setAdopted] = useState<string | null>(null);
  if (error) return <Alert type="error" showIcon title={s.loadFailed(error)} />;
  if (!versions) return <Spin />;
  return (
    <Space direction="vertical" size="large" style={{ width: "100%" }}>
      {adopted && <Alert type="success" showIcon title={adopted} data-testid="settings-adopted" />}
      <CurrentSettings programme={programme} versions={versions} />
      {/* A new version starts a fresh draft from it. */}
      <Draft key={versions[0]!.version} programme={programme} admin={role === "admin"} current={versions[0]!} onAdopted={setAdopted} />
      <VersionHistory versions={versions} />
    </Space>
  );
}

function Draft({ programme, admin, current, onAdopted }: { programme: ProgrammeView; admin: boolean; current: SettingsVersion; onAdopted: (message: string) => void }) {
  const [draft, setDraft] = useState(current.values);
  return (
    <>
      <Card size="small" title={admin ? s.editTitle : s.readOnlyTitle}>
        {!admin && <Typography.Paragraph type="secondary">{s.readOnlyHelp}</Typography.Paragraph>}
        <SettingsEditor pack={programme.pack} values={draft} onChange={setDraft} editable={admin} />
      </Card>
      <Proposal programme={programme} admin={admin} values={draft} onAdopted={onAdopted} />
    </>
  );
}
