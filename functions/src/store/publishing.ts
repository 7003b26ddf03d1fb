// Applying changes and publishing new list versions inside one transaction (GZ-4.6.3, DG-13,
// DG-14). Firestore transactions need every read before the first write, so this comes in two
// steps: `readForPublishing` (registry and the latest version of each list), then
// `applyAndPublish` (pure decisions from the domain, then the writes).
import type { CollectionReference, Transaction } from "firebase-admin/firestore";
import { applyChange, catalogueListEntries, cloneRegistry, partnerListEntries, type Registry, type Touched } from "../domain/applyChange.js";
import type { IsoDate } from "../domain/dates.js";
import type { Refusal } from "../domain/errors.js";
import type { ChangeApplication, UnitChangeList } from "../domain/schemas/index.js";
import { collections } from "./collections.js";

export type ListKind = "partners" | "catalogue" | "unitChanges";

// Typed loosely: the three list schemas share the version header, which is all that is read here.
const listCollection = (programmeId: string, kind: ListKind) =>
  (kind === "partners" ? collections.partnerLists(programmeId) : kind === "catalogue" ? collections.catalogueLists(programmeId) : collections.unitChangeLists(programmeId)) as CollectionReference<{ version: number; entries: unknown[] }>;

export const listKindOf = (c: ChangeApplication): ListKind => (c.type === "catalogue" ? "catalogue" : c.type === "unitInfo" ? "unitChanges" : "partners");

export interface PublishingSnapshot {
  registry: Registry;
  latest: Partial<Record<ListKind, number>>;
  previousUnitChanges: UnitChangeList["entries"];
}

/** Reads what applying `changes` needs: the programme's registry and each affected list's latest version. */
export async function readForPublishing(tx: Transaction, programmeId: string, changes: readonly ChangeApplication[]): Promise<PublishingSnapshot> {
  const kinds = new Set(changes.map(listKindOf));
  const [units, partners, catalogue] = await Promise.all([
    tx.get(collections.units(programmeId)),
    kinds.has("partners") ? tx.get(collections.partners(programmeId)) : undefined,
    kinds.has("catalogue") ? tx.get(collections.catalogue(programmeId)) : undefined,
  ]);
  const registry: Registry = {
    units: new Map(units.docs.map((d) => [d.id, d.data()])),
    partners: new Map(partners?.docs.map((d) => [d.id, d.data()]) ?? []),
    catalogue: new Map(catalogue?.docs.map((d) => [d.id, d.data()]) ?? []),
  };
  const latest: PublishingSnapshot["latest"] = {};
  let previousUnitChanges: UnitChangeList["entries"] = [];
  for (const kind of kinds) {
    const col = listCollection(programmeId, kind);
    const top = (await tx.get(col.orderBy("version", "desc").limit(1))).docs[0];
    const version = top?.data().version ?? 0;
    // Read the next version's document too: a concurrent publisher then conflicts and retries
    // instead of both writing the same version number.
    await tx.get(col.doc(String(version + 1)));
    latest[kind] = version;
    if (kind === "unitChanges" && top) previousUnitChanges = (top.data() as unknown as UnitChangeList).entries;
  }
  return { registry, latest, previousUnitChanges };
}

export interface PublishResult {
  applied: string[];
  /** Changes that could not be applied (their partner or item is gone), with why. */
  failed: { changeId: string; refusal: Refusal }[];
  versions: Partial<Record<ListKind, number>>;
  touched: Touched[];
}

/**
 * Applies `items` to a copy of the registry; writes the touched records and one new version of
 * each affected list. Only items that applied are published.
 */
export function applyAndPublish(
  tx: Transaction,
  programmeId: string,
  snap: PublishingSnapshot,
  items: readonly { changeId: string; change: ChangeApplication }[],
  meta: { today: IsoDate; now: Date; clause: string; noticeId?: string },
): PublishResult {
  const reg = cloneRegistry(snap.registry);
  const applied: { changeId: string; change: ChangeApplication }[] = [];
  const failed: PublishResult["failed"] = [];
  const touched: Touched[] = [];
  const nextVersion = (k: ListKind) => (snap.latest[k] ?? 0) + 1;
  for (const item of items) {
    const kind = listKindOf(item.change);
    const r = applyChange(reg, item.changeId, item.change, meta.today, kind === "partners" ? nextVersion("partners") : undefined);
    if (!Array.isArray(r)) failed.push({ changeId: item.changeId, refusal: r });
    else {
      applied.push(item);
      touched.push(...r);
    }
  }
  for (const t of touched) {
    if (t.collection === "partners") tx.set(collections.partners(programmeId).doc(t.id), reg.partners.get(t.id)!);
    if (t.collection === "catalogue") tx.set(collections.catalogue(programmeId).doc(t.id), reg.catalogue.get(t.id)!);
    if (t.collection === "units") tx.set(collections.units(programmeId).doc(t.id), reg.units.get(t.id)!);
  }
  const versions: PublishResult["versions"] = {};
  const kinds = new Set(applied.map((a) => listKindOf(a.change)));
  for (const kind of kinds) {
    const version = nextVersion(kind);
    const changeIds = applied.filter((a) => listKindOf(a.change) === kind).map((a) => a.changeId);
    const header = { version, publishedOn: meta.today, publishedAt: meta.now, clause: meta.clause, ...(meta.noticeId ? { noticeId: meta.noticeId } : {}), changeIds };
    const id = String(version);
    if (kind === "partners") tx.create(collections.partnerLists(programmeId).doc(id), { ...header, entries: partnerListEntries(reg) });
    if (kind === "catalogue") tx.create(collections.catalogueLists(programmeId).doc(id), { ...header, entries: catalogueListEntries(reg) });
    if (kind === "unitChanges") {
      const added = applied
        .filter((a) => a.change.payload.type === "unitInfo")
        .map((a) => {
          const p = a.change.payload as Extract<ChangeApplication["payload"], { type: "unitInfo" }>;
          return { changeId: a.changeId, unitId: a.change.unitId, unitName: reg.units.get(a.change.unitId)?.name ?? a.change.unitId, changes: p.changes.map((c) => ({ field: c.field, to: c.to })), approvedOn: meta.today };
        });
      tx.create(collections.unitChangeLists(programmeId).doc(id), { ...header, entries: [...added, ...snap.previousUnitChanges] });
    }
    versions[kind] = version;
  }
  return { applied: applied.map((a) => a.changeId), failed, versions, touched };
}
