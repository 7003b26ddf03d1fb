// Units with their status, and the audit trail of any record: who did what, when, under which
// clause, with the changed fields before and after (GZ-2.1).
import { Button, Card, Drawer, Table, Tag, Timeline } from "antd";
import { collection, getDocs, limit, orderBy, query, where } from "firebase/firestore";
import { useEffect, useState } from "react";
import { formatDate, formatInstant } from "../shared/dates";
import { db } from "../shared/db";
import { t } from "../shared/strings";
import { Pager } from "../shared/Pager";
import { usePagedQuery } from "../shared/usePagedQuery";
import type { ProgrammeView } from "./useProgramme";

interface Unit {
  id: string;
  name: string;
  uscc: string;
  status: string;
  listedOn: string;
  batch: string;
}
interface AuditEntry {
  id: string;
  at: unknown;
  actor: { uid: string; role: string; name?: string };
  action: string;
  clause?: string;
  before?: unknown;
  after?: unknown;
}

export default function Registry({ programme }: { programme: ProgrammeView }) {
  const q = query(collection(db, "programmes", programme.id, "units"), orderBy("name"));
  const page = usePagedQuery<Unit>(q, programme.id, 20);
  const [trail, setTrail] = useState<{ path: string; title: string } | null>(null);
  return (
    <Card size="small" title={t.unitsOfProgramme(page.total ?? 0)}>
      <Table<Unit>
        rowKey="id"
        size="small"
        loading={page.loading}
        dataSource={page.rows}
        pagination={false}
        columns={[
          { title: t.unitName, dataIndex: "name" },
          { title: t.uscc, dataIndex: "uscc" },
          { title: t.status, render: (_, u) => <Tag color={u.status === "listed" ? "green" : "red"}>{t.unitStatus[u.status] ?? u.status}</Tag> },
          { title: t.listedOn, render: (_, u) => formatDate(u.listedOn) },
          { title: "", render: (_, u) => <Button size="small" onClick={() => setTrail({ path: `programmes/${programme.id}/units/${u.id}`, title: u.name })}>审计记录</Button> },
        ]}
      />
      <Pager page={page} />
      <Drawer open={trail !== null} onClose={() => setTrail(null)} width={560} title={trail ? `审计记录：${trail.title}` : ""}>
        {trail && <AuditTrail programmeId={programme.id} entity={trail.path} />}
      </Drawer>
    </Card>
  );
}

export function AuditTrail({ programmeId, entity }: { programmeId: string; entity: string }) {
  const [rows, setRows] = useState<AuditEntry[] | null>(null);
  useEffect(() => {
    getDocs(query(collection(db, "programmes", programmeId, "audit"), where("entity", "==", entity), orderBy("at", "desc"), limit(50))).then((snap) => setRows(snap.docs.map((d) => ({ id: d.id, ...(d.data() as Omit<AuditEntry, "id">) }))));
  }, [programmeId, entity]);
  if (rows === null) return null;
  if (rows.length === 0) return <p>暂无记录</p>;
  return (
    <Timeline
      items={rows.map((r) => ({
        children: (
          <div>
            <strong>{r.action}</strong> {r.clause && <Tag color="blue">{r.clause}</Tag>}
            <div>
              {formatInstant(r.at)} · {r.actor.role === "system" ? `系统（${r.actor.name ?? ""}）` : (r.actor.name ?? r.actor.uid)}
            </div>
            {r.after !== undefined && r.after !== null && <code style={{ fontSize: 12 }}>{JSON.stringify(r.after)}</code>}
          </div>
        ),
      }))}
    />
  );
}
