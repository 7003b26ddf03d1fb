// The national holiday calendar as data, for the platform calendar administrator: the years
// entered (with the notice's reference, revision, who and when) and the form to enter the next
// year or correct one — a correction loads the year into the form. Years the bundled holiday data
// covers need no entry (the function refuses them).
import { libraryCoveredYears } from "@domain/calendar";
import { Alert, Button, Card, Space, Table, Typography } from "antd";
import { useState } from "react";
import { formatInstant } from "../shared/dates";
import { t } from "../shared/strings";
import { actorName } from "./actorName";
import { HolidayForm } from "./holidays/HolidayForm";
import { useHolidayArrangements, type EnteredArrangement } from "./holidays/useHolidayArrangements";

const s = t.holidays;

export default function Holidays() {
  const { rows, error } = useHolidayArrangements();
  const [correcting, setCorrecting] = useState<EnteredArrangement | null>(null);
  const [saved, setSaved] = useState<{ message: string; count: number }>({ message: "", count: 0 });
  const built = libraryCoveredYears();
  return (
    <Space direction="vertical" size="large" style={{ width: "100%" }}>
      {error && <Alert type="error" showIcon title={s.loadFailed(error)} />}
      {saved.message && <Alert type="success" showIcon title={saved.message} data-testid="holiday-saved" />}
      <HolidayForm
        key={`${correcting?.year ?? "new"}-${saved.count}`}
        initial={correcting}
        entered={(rows ?? []).map((r) => r.year)}
        onSaved={(message) => {
          setSaved({ message, count: saved.count + 1 });
          setCorrecting(null);
        }}
      />
      <Card size="small" title={s.listTitle}>
        <Typography.Paragraph type="secondary">{s.builtIn(built[0], built[built.length - 1])}</Typography.Paragraph>
        <ArrangementTable rows={rows} onCorrect={setCorrecting} />
      </Card>
    </Space>
  );
}

function ArrangementTable({ rows, onCorrect }: { rows: EnteredArrangement[] | null; onCorrect: (r: EnteredArrangement) => void }) {
  const c = s.columns;
  return (
    <Table<EnteredArrangement>
      size="small"
      rowKey="id"
      loading={rows === null}
      pagination={false}
      dataSource={rows ?? []}
      locale={{ emptyText: s.empty }}
      columns={[
        { title: c.year, render: (_, r) => s.yearOption(r.year) },
        { title: c.reference, dataIndex: "reference" },
        { title: c.holidays, render: (_, r) => r.holidays.map((h) => h.name).join("、") },
        { title: c.revision, render: (_, r) => (r.revision === 0 ? s.firstEntry : s.revision(r.revision)) },
        { title: c.by, render: (_, r) => actorName(r.enteredBy) },
        { title: c.at, render: (_, r) => formatInstant(r.enteredAt) },
        { title: c.note, dataIndex: "note" },
        { title: t.common.actions, render: (_, r) => <Button size="small" onClick={() => onCorrect(r)}>{s.correct(r.year)}</Button> },
      ]}
    />
  );
}
