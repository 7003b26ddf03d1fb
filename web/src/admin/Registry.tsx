// The registry: units with their status, partners and catalogue items with their state, the
// published versions of the lists (GZ-4.6.3, DG-13, DG-14) with an Excel export of each, and the
// audit trail of any record: who did what, when, under which clause, with the changed fields
// before and after (GZ-2.1). Every table pages through Firestore with cursors and a count.
import { Button, Card, Drawer, Tabs, Tag, Timeline } from "antd";
import { collection, getDocs, limit, orderBy, query, where } from "firebase/firestore";
import { useEffect, useState } from "react";
import { formatDate, formatInstant } from "../shared/dates";
import { db } from "../shared/db";
import { t } from "../shared/strings";
import { PagedTable } from "../shared/PagedTable";
import { usePagedQuery } from "../shared/usePagedQuery";
import { PublishedLists } from "../shared/PublishedLists";
import { ExportButton } from "./ExportButton";
import { NameOf, UnitFilter } from "./names";
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

interface Partner {
  id: string;
  unitId: string;
  name: string;
  uscc: string;
  status: string;
  since?: string;
  listVersion?: number;
}
interface CatalogueItem {
  id: string;
  unitId: string;
  name: string;
  category: string;
  priceMin: number;
  priceMax: number;
  status: string;
}

type Trail = { path: string; title: string } | null;

export default function Registry({ programme }: { programme: ProgrammeView }) {
  const [trail, setTrail] = useState<Trail>(null);
  return (
    <>
      <Tabs
        size="small"
        items={[
          { key: "units", label: "牵引单位", children: <Units programme={programme} onTrail={setTrail} /> },
          { key: "partners", label: "合作伙伴", children: <Partners programme={programme} onTrail={setTrail} /> },
          { key: "catalogue", label: "产品和服务目录", children: <Catalogue programme={programme} onTrail={setTrail} /> },
          {
            key: "lists",
            label: "已发布名单",
            children: <PublishedLists programmeId={programme.id} extra={(list, version) => <ExportButton size="small" label="导出" fn="exportPublishedList" data={{ programmeId: programme.id, list, version }} />} />,
          },
        ]}
      />
      <Drawer open={trail !== null} onClose={() => setTrail(null)} width={560} title={trail ? `审计记录：${trail.title}` : ""}>
        {trail && <AuditTrail programmeId={programme.id} entity={trail.path} />}
      </Drawer>
    </>
  );
}

const trailButton = (onTrail: (t: Trail) => void, path: string, title: string) => (
  <Button size="small" onClick={() => onTrail({ path, title })}>
    审计记录
  </Button>
);

function Partners({ programme, onTrail }: { programme: ProgrammeView; onTrail: (t: Trail) => void }) {
  const [unitId, setUnitId] = useState<string | undefined>();
  const q = unitId
    ? query(collection(db, "programmes", programme.id, "partners"), where("unitId", "==", unitId), orderBy("name"))
    : query(collection(db, "programmes", programme.id, "partners"), orderBy("name"));
  const page = usePagedQuery<Partner>(q, `${programme.id}-partners-${unitId ?? ""}`, 20);
  return (
    <Card size="small" title={`合作伙伴（共 ${page.total ?? "…"} 家）`} extra={<UnitFilter id="unit-filter" programmeId={programme.id} unitId={unitId} onChange={setUnitId} />}>
      <PagedTable<Partner>
        page={page}
        columns={[
          { title: "合作伙伴", dataIndex: "name" },
          { title: t.uscc, dataIndex: "uscc" },
          { title: "牵引单位", render: (_, r) => <NameOf programmeId={programme.id} id={r.unitId} /> },
          { title: t.status, render: (_, r) => <Tag color={r.status === "active" ? "green" : r.status === "pending" ? "gold" : "red"}>{t.partnerState[r.status] ?? r.status}</Tag> },
          { title: "加入日期", render: (_, r) => formatDate(r.since) },
          { title: "首次列入名单版本", render: (_, r) => (r.listVersion ? `第 ${r.listVersion} 版` : "—") },
          { title: "", render: (_, r) => trailButton(onTrail, `programmes/${programme.id}/partners/${r.id}`, r.name) },
        ]}
      />
    </Card>
  );
}

function Catalogue({ programme, onTrail }: { programme: ProgrammeView; onTrail: (t: Trail) => void }) {
  const [unitId, setUnitId] = useState<string | undefined>();
  const q = unitId
    ? query(collection(db, "programmes", programme.id, "catalogue"), where("unitId", "==", unitId), orderBy("name"))
    : query(collection(db, "programmes", programme.id, "catalogue"), orderBy("name"));
  const page = usePagedQuery<CatalogueItem>(q, `${programme.id}-catalogue-${unitId ?? ""}`, 20);
  return (
    <Card size="small" title={`产品和服务目录（共 ${page.total ?? "…"} 项）`} extra={<UnitFilter id="unit-filter" programmeId={programme.id} unitId={unitId} onChange={setUnitId} />}>
      <PagedTable<CatalogueItem>
        page={page}
        columns={[
          { title: "产品或服务", dataIndex: "name" },
          { title: "类别", dataIndex: "category" },
          { title: "价格区间（元）", render: (_, r) => `${r.priceMin.toLocaleString("zh-CN")}–${r.priceMax.toLocaleString("zh-CN")}` },
          { title: "牵引单位", render: (_, r) => <NameOf programmeId={programme.id} id={r.unitId} /> },
          { title: t.status, render: (_, r) => <Tag color={r.status === "approved" ? "green" : r.status === "pending" ? "gold" : "red"}>{t.catalogueState[r.status] ?? r.status}</Tag> },
          { title: "", render: (_, r) => trailButton(onTrail, `programmes/${programme.id}/catalogue/${r.id}`, r.name) },
        ]}
      />
    </Card>
  );
}

function Units({ programme, onTrail }: { programme: ProgrammeView; onTrail: (t: Trail) => void }) {
  const q = query(collection(db, "programmes", programme.id, "units"), orderBy("name"));
  const page = usePagedQuery<Unit>(q, programme.id, 20);
  return (
    <Card size="small" title={t.unitsOfProgramme(page.total ?? 0)}>
      <PagedTable<Unit>
        page={page}
        columns={[
          { title: t.unitName, dataIndex: "name" },
          { title: t.uscc, dataIndex: "uscc" },
          { title: t.status, render: (_, u) => <Tag color={u.status === "listed" ? "green" : "red"}>{t.unitStatus[u.status] ?? u.status}</Tag> },
          { title: t.listedOn, render: (_, u) => formatDate(u.listedOn) },
          { title: "", render: (_, u) => trailButton(onTrail, `programmes/${programme.id}/units/${u.id}`, u.name) },
        ]}
      />
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
