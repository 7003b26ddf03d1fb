// The registry: units with their status, partners and catalogue items with their state, the
// published versions of the lists (GZ-4.6.3, DG-13, DG-14) with an Excel export of each, and the
// audit trail of any record: who did what, when, under which clause, with the changed fields
// before and after (GZ-2.1). Every table pages through Firestore with cursors and a count.
import { listSubjectId } from "@domain/decisionDocuments";
import { nouns, stateWords } from "@domain/words";
import { Button, Card, Drawer, Space, Tabs, Tag } from "antd";
import { orderBy, query, where, type Query } from "firebase/firestore";
import { useState, type ReactNode } from "react";
import { collections, type Stored, type WithId } from "../data/collections";
import { formatDate } from "../shared/dates";
import { PagedTable } from "../shared/PagedTable";
import { prefixEnd, SearchBox, searchOf, type Search } from "../shared/SearchBox";
import { PublishedLists } from "../shared/PublishedLists";
import { t } from "../shared/strings";
import { usePagedQuery } from "../shared/usePagedQuery";
import type { ColumnsType } from "antd/es/table";
import { AuditTrail } from "./AuditTrail";
import { DecisionDocumentButton } from "./DecisionDocuments";
import { ExportButton } from "./ExportButton";
import { NameOf, UnitFilter } from "./names";
import type { ProgrammeView } from "./useProgramme";

const s = t.registry;
type Trail = { path: string; title: string } | null;
type OnTrail = (t: Trail) => void;

export default function Registry({ programme }: { programme: ProgrammeView }) {
  const [trail, setTrail] = useState<Trail>(null);
  return (
    <>
      <Tabs
        size="small"
        items={[
          { key: "units", label: nouns.unit, children: <Units programme={programme} onTrail={setTrail} /> },
          { key: "partners", label: nouns.partner, children: <UnitRecords programme={programme} name="partners" queryOf={(u, typed) => partnerQuery(programme.id, u, searchOf(typed))} title={s.partnersTitle} columns={partnerColumns(programme.id, setTrail)} /> },
          { key: "catalogue", label: nouns.catalogue, children: <UnitRecords programme={programme} name="catalogue" searchLabel={t.common.searchByName} queryOf={(u, typed) => catalogueQuery(programme.id, u, typed.trim())} title={s.catalogueTitle} columns={catalogueColumns(programme.id, setTrail)} /> },
          {
            key: "lists",
            label: s.published,
            children: (
              <PublishedLists
                programmeId={programme.id}
                extra={(list, version) => (
                  <Space wrap>
                    <ExportButton size="small" label={t.exports.short} fn="exportPublishedList" data={{ programmeId: programme.id, list, version }} />
                    <DecisionDocumentButton size="small" programmeId={programme.id} subjectId={listSubjectId(list, version)} kind="publishedList" />
                  </Space>
                )}
              />
            ),
          },
        ]}
      />
      <Drawer open={trail !== null} onClose={() => setTrail(null)} width={560} title={trail ? s.trailTitle(trail.title) : ""}>
        {trail && <AuditTrail programmeId={programme.id} entity={trail.path} changes />}
      </Drawer>
    </>
  );
}

/** The audit-trail button of a record in one of the programme's collections. */
const trailColumn = <T extends { id: string; name: string }>(programmeId: string, collection: string, onTrail: OnTrail) => ({
  title: t.common.actions,
  render: (_: unknown, r: T) => (
    <Button size="small" onClick={() => onTrail({ path: `programmes/${programmeId}/${collection}/${r.id}`, title: r.name })}>
      {s.trail}
    </Button>
  ),
});

/**
 * A unit's records, or all of the programme's when no unit is picked, narrowed by a search and
 * paged by name. Partners and catalogue items are both kept per unit, so one card serves both lists.
 */
function UnitRecords<T extends { name: string; unitId: string }>({ programme, name, searchLabel, queryOf, title, columns }: { programme: ProgrammeView; name: string; searchLabel?: string; queryOf: (unitId: string | undefined, typed: string) => Query<T>; title: (total: number | null) => ReactNode; columns: ColumnsType<WithId<T>> }) {
  const [unitId, setUnitId] = useState<string | undefined>();
  const [typed, setTyped] = useState("");
  const page = usePagedQuery(queryOf(unitId, typed), `${programme.id}-${name}-${unitId ?? ""}-${typed}`, 20);
  return (
    <Card size="small" title={title(page.total)} extra={
        <Space wrap>
          <SearchBox label={searchLabel} onSearch={setTyped} />
          <UnitFilter id={`${name}-unit-filter`} programmeId={programme.id} unitId={unitId} onChange={setUnitId} />
        </Space>
      }>
      <PagedTable page={page} columns={columns} />
    </Card>
  );
}

// Every shape of the two lists' queries is written out, naming its collection, so the index check
// (test/unit/indexes.test.ts) sees each one: with a unit picked, a name range needs the
// (unitId, name) composite index; equality-only pairs (unitId, uscc) need none.
function partnerQuery(programmeId: string, unitId: string | undefined, search: Search) {
  const partners = collections.partners(programmeId);
  if (search && "uscc" in search) return unitId ? query(partners, where("unitId", "==", unitId), where("uscc", "==", search.uscc)) : query(partners, where("uscc", "==", search.uscc));
  if (search) return unitId ? query(partners, where("unitId", "==", unitId), where("name", ">=", search.prefix), where("name", "<=", prefixEnd(search.prefix)), orderBy("name")) : query(partners, where("name", ">=", search.prefix), where("name", "<=", prefixEnd(search.prefix)), orderBy("name"));
  return unitId ? query(partners, where("unitId", "==", unitId), orderBy("name")) : query(partners, orderBy("name"));
}

/** Catalogue items have no USCC: only a name prefix (what was typed, "" for none) narrows them. */
function catalogueQuery(programmeId: string, unitId: string | undefined, prefix: string) {
  const items = collections.catalogue(programmeId);
  if (prefix) return unitId ? query(items, where("unitId", "==", unitId), where("name", ">=", prefix), where("name", "<=", prefixEnd(prefix)), orderBy("name")) : query(items, where("name", ">=", prefix), where("name", "<=", prefixEnd(prefix)), orderBy("name"));
  return unitId ? query(items, where("unitId", "==", unitId), orderBy("name")) : query(items, orderBy("name"));
}

const PARTNER_COLOR: Record<string, string> = { active: "green", pending: "gold" };
const CATALOGUE_COLOR: Record<string, string> = { approved: "green", pending: "gold" };

const partnerColumns = (p: string, onTrail: OnTrail): ColumnsType<Stored<"partners">> => [
  { title: nouns.partner, dataIndex: "name" },
  { title: nouns.uscc, dataIndex: "uscc" },
  { title: nouns.unit, render: (_, r) => <NameOf programmeId={p} id={r.unitId} /> },
  { title: nouns.state, render: (_, r) => <Tag color={PARTNER_COLOR[r.status] ?? "red"}>{stateWords.partner[r.status]}</Tag> },
  { title: s.since, render: (_, r) => formatDate(r.since) },
  { title: s.firstListVersion, render: (_, r) => (r.listVersion ? t.common.version(r.listVersion) : "—") },
  trailColumn(p, "partners", onTrail),
];

const catalogueColumns = (p: string, onTrail: OnTrail): ColumnsType<Stored<"catalogue">> => [
  { title: nouns.catalogueItem, dataIndex: "name" },
  { title: nouns.category, dataIndex: "category" },
  { title: s.priceRange, render: (_, r) => t.common.priceRange(r.priceMin, r.priceMax) },
  { title: nouns.unit, render: (_, r) => <NameOf programmeId={p} id={r.unitId} /> },
  { title: nouns.state, render: (_, r) => <Tag color={CATALOGUE_COLOR[r.status] ?? "red"}>{stateWords.catalogue[r.status]}</Tag> },
  trailColumn(p, "catalogue", onTrail),
];

function Units({ programme, onTrail }: { programme: ProgrammeView; onTrail: OnTrail }) {
  const [typed, setTyped] = useState("");
  const search = searchOf(typed);
  const units = collections.units(programme.id);
  const q = search && "uscc" in search ? query(units, where("uscc", "==", search.uscc)) : search ? query(units, where("name", ">=", search.prefix), where("name", "<=", prefixEnd(search.prefix)), orderBy("name")) : query(units, orderBy("name"));
  const page = usePagedQuery(q, `${programme.id}-${typed}`, 20);
  return (
    <Card size="small" title={s.unitsTitle(page.total)} extra={<SearchBox onSearch={setTyped} />}>
      <PagedTable
        page={page}
        columns={[
          { title: nouns.unitName, dataIndex: "name" },
          { title: nouns.uscc, dataIndex: "uscc" },
          { title: nouns.state, render: (_, u) => <Tag color={u.status === "listed" ? "green" : "red"}>{stateWords.unit[u.status]}</Tag> },
          { title: nouns.listedOn, render: (_, u) => formatDate(u.listedOn) },
          trailColumn(programme.id, "units", onTrail),
        ]}
      />
    </Card>
  );
}
