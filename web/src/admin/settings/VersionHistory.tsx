// Every settings version, newest first: from when, why, under which clause, who adopted it and when.
import type { SettingsVersion } from "@domain/settings";
import { periodWord } from "@domain/words";
import { Card, Table } from "antd";
import { formatInstant } from "../../shared/dates";
import { t } from "../../shared/strings";
import { actorName } from "../actorName";

const c = t.settings.historyColumns;

export function VersionHistory({ versions }: { versions: SettingsVersion[] }) {
  return (
    <Card size="small" title={t.settings.historyTitle}>
      <Table<SettingsVersion>
        size="small"
        rowKey="version"
        pagination={false}
        dataSource={versions}
        columns={[
          { title: c.version, render: (_, v) => t.common.version(v.version) },
          { title: c.effectiveFrom, render: (_, v) => periodWord(v.effectiveFrom) },
          { title: c.reason, dataIndex: "reason" },
          { title: c.clause, dataIndex: "clause" },
          { title: c.by, render: (_, v) => actorName(v.createdBy) },
          { title: c.at, render: (_, v) => formatInstant(v.createdAt) },
        ]}
      />
    </Card>
  );
}
