// Applying changes and publishing new list versions inside the caller's transaction (GZ-4.6.0,
// GZ-4.6.3, DG-13, DG-14), and the partner list's next version after a confirmed DG-16 removal, after `readForPublishing` (store/publishing.ts) has read the registry and each
// list's latest version: the domain applies each change to a copy of the registry, then the
// touched records and one new version of each affected list are written. Each touched record gets
// its own audit entry (entity: the record's path, before and after), so a unit's, partner's or
// catalogue item's trail shows the change that made it what it is — the change application's and
// the notice's entries are under their own paths.
import type { Transaction } from "firebase-admin/firestore";
import { applyChange, catalogueListEntries, cloneRegistry, partnerListAfterRemoval, partnerListEntries, type Registry, type Touched } from "../domain/applyChange.js";
import { publishedListOf } from "../domain/change.machine.js";
import type { IsoDate } from "../domain/dates.js";
import type { Refusal } from "../domain/errors.js";
import type { PublishedListKind } from "../domain/listDiff.js";
import type { Actor, ChangeApplication, Partner, UnitChangeList } from "../domain/schemas/index.js";
import { changeTypeWords } from "../domain/words.js";
import { appendAudit } from "../store/audit.js";
import { collections } from "../store/collections.js";
import type { PublishingSnapshot } from "../store/publishing.js";

export interface PublishResult {
  applied: string[];
  /** Changes that could not be applied (their partner or item is gone), with why. */
  failed: { changeId: string; refusal: Refusal }[];
  versions: Partial<Record<PublishedListKind, number>>;
}

type Item = { changeId: string; change: ChangeApplication };
interface PublishMeta {
  today: IsoDate;
  now: Date;
  clause: string;
  /** Who decided: the reviewer approving at once, or the job closing the notice. */
  actor: Actor;
  noticeId?: string;
}

/** One record a change touched, with what it was before this change (undefined: created) and after. */
type Applied = Touched & { changeId: string; change: ChangeApplication; before: unknown; after: unknown };

/** Applies `items` to a copy of the registry and publishes what applied; only those items are on the new versions. */
export function publishChanges(tx: Transaction, programmeId: string, snap: PublishingSnapshot, items: readonly Item[], meta: PublishMeta): PublishResult {
  const reg = cloneRegistry(snap.registry);
  const applied: Item[] = [];
  const failed: PublishResult["failed"] = [];
  const touched: Applied[] = [];
  // Each record as the previous change in this batch left it (two changes may touch one record).
  const seen = new Map<string, unknown>();
  for (const item of items) {
    const kind = publishedListOf(item.change.type);
    const r = applyChange(reg, item.changeId, item.change, meta.today, kind === "partners" ? (snap.latest.partners ?? 0) + 1 : undefined);
    if (!Array.isArray(r)) failed.push({ changeId: item.changeId, refusal: r });
    else {
      applied.push(item);
      for (const t of r) {
        const key = `${t.collection}/${t.id}`;
        const before = seen.has(key) ? seen.get(key) : snap.registry[t.collection].get(t.id);
        const after = reg[t.collection].get(t.id);
        seen.set(key, after);
        touched.push({ ...t, changeId: item.changeId, change: item.change, before, after });
      }
    }
  }
  writeTouched(tx, programmeId, reg, touched, meta);
  const versions: PublishResult["versions"] = {};
  for (const kind of new Set(applied.map((a) => publishedListOf(a.change.type)))) {
    versions[kind] = writeListVersion(tx, programmeId, kind, reg, snap, applied.filter((a) => publishedListOf(a.change.type) === kind), meta);
  }
  return { applied: applied.map((a) => a.changeId), failed, versions };
}

const RECORD_ACTION = { partners: "partner", catalogue: "catalogueItem", units: "unit" } as const;

function writeTouched(tx: Transaction, programmeId: string, reg: Registry, touched: readonly Applied[], meta: PublishMeta) {
  for (const t of touched) {
    const path = collections[t.collection](programmeId).doc(t.id).path;
    if (t.collection === "partners") tx.set(collections.partners(programmeId).doc(t.id), reg.partners.get(t.id)!);
    if (t.collection === "catalogue") tx.set(collections.catalogue(programmeId).doc(t.id), reg.catalogue.get(t.id)!);
    if (t.collection === "units") tx.set(collections.units(programmeId).doc(t.id), reg.units.get(t.id)!);
    appendAudit(tx, programmeId, `publish-${t.changeId}-${t.collection}-${t.id}`, {
      at: meta.now,
      actor: meta.actor,
      action: `${RECORD_ACTION[t.collection]}.${t.before === undefined ? "created" : "changed"}`,
      entity: path,
      ...(t.before !== undefined ? { before: t.before } : {}),
      after: t.after,
      clause: meta.clause,
      note: `依变更申请 ${t.changeId}（${changeTypeWords[t.change.type]}）${meta.noticeId ? `，经公示 ${meta.noticeId}` : ""}`,
    });
  }
}

/** Creates version n + 1 of one list (never rewrites a published one) and returns n + 1. */
function writeListVersion(tx: Transaction, programmeId: string, kind: PublishedListKind, reg: Registry, snap: PublishingSnapshot, applied: readonly Item[], meta: PublishMeta): number {
  const version = (snap.latest[kind] ?? 0) + 1;
  const header = { version, publishedOn: meta.today, publishedAt: meta.now, clause: meta.clause, ...(meta.noticeId ? { noticeId: meta.noticeId } : {}), changeIds: applied.map((a) => a.changeId) };
  const id = String(version);
  if (kind === "partners") tx.create(collections.partnerLists(programmeId).doc(id), { ...header, entries: partnerListEntries(reg) });
  if (kind === "catalogue") tx.create(collections.catalogueLists(programmeId).doc(id), { ...header, entries: catalogueListEntries(reg) });
  if (kind === "unitChanges") tx.create(collections.unitChangeLists(programmeId).doc(id), { ...header, entries: [...unitChangeEntries(reg, applied, meta.today), ...snap.previousUnitChanges] });
  return version;
}

function unitChangeEntries(reg: Registry, applied: readonly Item[], approvedOn: IsoDate): UnitChangeList["entries"] {
  return applied.flatMap(({ changeId, change }) =>
    change.payload.type === "unitInfo"
      ? [{ changeId, unitId: change.unitId, unitName: reg.units.get(change.unitId)?.name ?? change.unitId, changes: change.payload.changes.map((c) => ({ field: c.field, to: c.to })), approvedOn }]
      : [],
  );
}

/** Why a version without change applications was published: the DG-16 proceeding and its ground. */
interface RemovalMeta {
  today: IsoDate;
  now: Date;
  /** The proceeding's ground (DG-16.x). */
  clause: string;
  proceedingId: string;
  basis: string;
}

/**
 * DG-16 相应变更: the partner, as it is now written (removed), leaves the published partner list
 * through version n + 1, which names the proceeding and its ground. Nothing is published when the
 * latest version does not list the partner (it left already); returns the version written, if any.
 */
export function publishPartnerRemoval(tx: Transaction, programmeId: string, snap: PublishingSnapshot, partnerId: string, partner: Partner, meta: RemovalMeta): number | undefined {
  const reg = cloneRegistry(snap.registry);
  reg.partners.set(partnerId, partner);
  const entries = partnerListAfterRemoval(reg, snap.previousPartners, partnerId);
  if (!entries) return undefined;
  const version = (snap.latest.partners ?? 0) + 1;
  tx.create(collections.partnerLists(programmeId).doc(String(version)), {
    version,
    publishedOn: meta.today,
    publishedAt: meta.now,
    clause: meta.clause,
    changeIds: [],
    proceedingId: meta.proceedingId,
    basis: meta.basis,
    entries,
  });
  return version;
}
