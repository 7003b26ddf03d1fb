// The version adopted last (GZ-3.4.2), each setting in words under its label, and which version
// the current period is decided with when the latest one only starts later. Values the
// regulation fixes carry their clause.
import { periodOf } from "@domain/periods";
import { describeSetting, SETTING_LABELS, settingsFor, type SettingKey, type SettingsVersion } from "@domain/settings";
import { periodWord } from "@domain/words";
import { Card, Descriptions, Space, Typography } from "antd";
import { today } from "../../shared/dates";
import { t } from "../../shared/strings";
import type { ProgrammeView } from "../useProgramme";
import { FixedTag } from "./fields";

const s = t.settings;

export function CurrentSettings({ programme, versions }: { programme: ProgrammeView; versions: SettingsVersion[] }) {
  const latest = versions[0]!;
  const nowPeriod = periodOf(today(), programme.pack.cadence);
  const inForce = settingsFor(versions, nowPeriod) ?? versions[versions.length - 1]!;
  const fixed = programme.pack.fixedSettings as Partial<Record<SettingKey, string>>;
  const items = (Object.keys(SETTING_LABELS) as SettingKey[]).flatMap((key) =>
    Object.entries(describeSetting(key, latest.values)).map(([row, r]) => ({
      key: row,
      label: r.label,
      children: (
        <Space wrap>
          {r.text}
          <FixedTag clause={fixed[key]} />
        </Space>
      ),
    })),
  );
  return (
    <Card size="small" title={s.currentTitle(latest.version, periodWord(latest.effectiveFrom))} data-testid="current-settings">
      <Typography.Paragraph>
        {s.reasonOf(latest.reason, latest.clause)} {inForce.version !== latest.version && s.inForceNow(periodWord(nowPeriod), inForce.version)}
      </Typography.Paragraph>
      <Descriptions size="small" column={1} bordered items={items} />
    </Card>
  );
}
