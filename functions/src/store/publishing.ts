// Published list versions (GZ-4.6.3, DG-13, DG-14): where each list lives, what publishing a new
// version must read first (Firestore transactions need every read before the first write), and
// the version an export asks for.
import type { CollectionReference, Transaction } from "firebase-admin/firestore";
import type { Registry } from "../domain/applyChange.js";
import { publishedListOf } from "../domain/change.machine.js";
import type { PublishedListKind } from "../domain/listDiff.js";
import type { CatalogueList, ChangeApplication, PartnerList, UnitChangeList } from "../domain/schemas/index.js";
import { collections } from "./collections.js";

// Typed loosely: the three list schemas share the version header and `entries`.
export const publishedLists = (programmeId: string, kind: PublishedListKind) =>
  (kind === "partners" ? collections.partnerLists(programmeId) : kind === "catalogue" ? collections.catalogueLists(programmeId) : collections.unitChangeLists(programmeId)) as unknown as CollectionReference<PartnerList | CatalogueList | UnitChangeList>;

/** The named version of a list, or its newest when none is named; undefined when not published. */
export async function readPublishedVersion(programmeId: string, kind: PublishedListKind, version?: number) {
  const lists = publishedLists(programmeId, kind);
  const snap = version ? await lists.doc(String(version)).get() : (await lists.orderBy("version", "desc").limit(1).get()).docs[0];
  const data = snap?.data();
  return snap && data ? { path: snap.ref.path, version: data } : undefined;
}

export interface PublishingSnapshot {
  registry: Registry;
  latest: Partial<Record<PublishedListKind, number>>;
  previousUnitChanges: UnitChangeList["entries"];
  /** The entries of the latest published partner list ([] before the first). */
  previousPartners: PartnerList["entries"];
}

/** Reads what applying `changes` needs: the programme's registry and each affected list's latest version. */
export function readForPublishing(tx: Transaction, programmeId: string, changes: readonly ChangeApplication[]): Promise<PublishingSnapshot> {
  return readListsForPublishing(tx, programmeId, new Set(changes.map((c) => publishedListOf(c.type))));
}

/** Reads what publishing new versions of `kinds` needs: the programme's registry and each list's latest version. */
export async function readListsForPublishing(tx: Transaction, programmeId: string, kinds: ReadonlySet<PublishedListKind>): Promise<PublishingSnapshot> {
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
  let previousPartners: PartnerList["entries"] = [];
  for (const kind of kinds) {
    const col = publishedLists(programmeId, kind);
    const top = (await tx.get(col.orderBy("version", "desc").limit(1))).docs[0];
    const version = top?.data().version ?? 0;
    // Read the next version's document too: a concurrent publisher then conflicts and retries
    // instead of both writing the same version number.
    await tx.get(col.doc(String(version + 1)));
    latest[kind] = version;
    if (kind === "unitChanges" && top) previousUnitChanges = (top.data() as UnitChangeList).entries;
    if (kind === "partners" && top) previousPartners = (top.data() as PartnerList).entries;
  }
  return { registry, latest, previousUnitChanges, previousPartners };
}
