// Staff read units, partners and catalogue items by name, not by id. Names are fetched once per
// record (one document read each, cached for the page's life) — a table page of 20 rows costs at
// most 20 small reads, and the same unit on many rows is read once.
import { doc, getDoc, getDocs, limit, orderBy, query, endAt, startAt } from "firebase/firestore";
import { Button, Select, Space } from "antd";
import { useEffect, useState } from "react";
import { named, type NamedCollection } from "../data/collections";
import { t } from "../shared/strings";

const s = t.names;

const cache = new Map<string, Promise<string>>();

function nameOf(programmeId: string, kind: NamedCollection, id: string): Promise<string> {
  const key = `${programmeId}/${kind}/${id}`;
  let hit = cache.get(key);
  if (!hit) {
    hit = getDoc(doc(named(programmeId, kind), id))
      .then((snap) => snap.data()?.name ?? id)
      .catch(() => id);
    cache.set(key, hit);
  }
  return hit;
}

/** The record's name, with its id in the tooltip; the id until the name arrives. */
export function NameOf({ programmeId, kind = "units", id }: { programmeId: string; kind?: NamedCollection; id: string | undefined }) {
  const [name, setName] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    setName(null);
    if (id) nameOf(programmeId, kind, id).then((n) => live && setName(n));
    return () => {
      live = false;
    };
  }, [programmeId, kind, id]);
  if (!id) return <>—</>;
  // While the name loads, an ellipsis: never the id in its place.
  return <span title={s.idTooltip(id)}>{name ?? "…"}</span>;
}

/** The names of many records at once (read and cached as NameOf does), by id; empty until they arrive. */
export function useNames(programmeId: string, kind: NamedCollection, ids: readonly string[]): ReadonlyMap<string, string> {
  const key = [...new Set(ids)].sort().join("\n");
  const [names, setNames] = useState<ReadonlyMap<string, string>>(new Map());
  useEffect(() => {
    let live = true;
    const list = key ? key.split("\n") : [];
    Promise.all(list.map((id) => nameOf(programmeId, kind, id).then((name) => [id, name] as const))).then((pairs) => live && setNames(new Map(pairs)));
    return () => {
      live = false;
    };
  }, [programmeId, kind, key]);
  return names;
}

/**
 * Pick a unit, partner or catalogue item by typing the start of its name (a prefix query on
 * `name`, 20 at a time) instead of knowing its id.
 */
export function NamePicker({ programmeId, kind, value, onChange, id, placeholder, style }: { programmeId: string; kind: NamedCollection; value?: string; onChange?: (id: string) => void; id?: string; placeholder?: string; style?: React.CSSProperties }) {
  const [options, setOptions] = useState<{ value: string; label: string }[]>([]);
  const [typed, setTyped] = useState("");
  useEffect(() => {
    let live = true;
    const base = named(programmeId, kind);
    const q = typed ? query(base, orderBy("name"), startAt(typed), endAt(`${typed}\uf8ff`), limit(20)) : query(base, orderBy("name"), limit(20));
    getDocs(q)
      .then((snap) => snap.docs.map((d) => ({ value: d.id, label: s.option(d.data().name, (d.data() as { uscc?: string }).uscc) })))
      .catch(() => [])
      .then((found) => live && setOptions(found));
    return () => {
      live = false;
    };
  }, [programmeId, kind, typed]);
  return (
    <Select
      id={id}
      showSearch={{ filterOption: false, onSearch: setTyped }}
      value={value}
      onChange={onChange}
      options={options}
      placeholder={placeholder ?? s.searchPlaceholder}
      style={{ width: 260, ...style }}
      notFoundContent={s.notFound}
    />
  );
}

/** Filter a table to one unit's records, or show all of the programme's. */
export function UnitFilter({ id, programmeId, unitId, onChange }: { id: string; programmeId: string; unitId: string | undefined; onChange: (u: string | undefined) => void }) {
  return (
    <Space>
      <label htmlFor={id}>{s.filterByUnit}</label>
      <NamePicker id={id} programmeId={programmeId} kind="units" value={unitId} onChange={onChange} />
      {unitId && (
        <Button size="small" onClick={() => onChange(undefined)}>
          {s.showAll}
        </Button>
      )}
    </Space>
  );
}
