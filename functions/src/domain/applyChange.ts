// Carrying out a published change (GZ-4.6.3, DG-13, DG-14): a partner added or removed, a
// catalogue item added, modified or removed, a unit's registered details changed. Nothing is
// deleted: removal is a state. Works on in-memory copies of the registry so a whole notice batch
// can be applied, and the new published lists computed, before anything is written.
import type { IsoDate } from "./dates.js";
import { type Refusal, refuse } from "./errors.js";
import type { CatalogueItem, ChangeApplication, Partner, Unit } from "./schemas/index.js";

export interface Registry {
  partners: Map<string, Partner>;
  catalogue: Map<string, CatalogueItem>;
  units: Map<string, Unit>;
}

export type Touched = { collection: "partners" | "catalogue" | "units"; id: string };

/** Id of the record a change creates: derived from the change, so applying twice creates nothing twice. */
export const createdIdFor = (changeId: string) => `chg-${changeId}`;

export function cloneRegistry(r: Registry): Registry {
  return { partners: new Map(r.partners), catalogue: new Map(r.catalogue), units: new Map(r.units) };
}

/** Applies one change to `reg` (mutating it); returns what it touched, or why it cannot apply. */
export function applyChange(reg: Registry, changeId: string, change: ChangeApplication, today: IsoDate, listVersion?: number): Touched[] | Refusal {
  const p = change.payload;
  switch (p.type) {
    case "partnerAdd": {
      const id = createdIdFor(changeId);
      reg.partners.set(id, { unitId: change.unitId, name: p.name, uscc: p.uscc, status: "active", since: today, ...(listVersion !== undefined ? { listVersion } : {}) });
      return [{ collection: "partners", id }];
    }
    case "partnerRemove": {
      const partner = reg.partners.get(p.partnerId);
      const refusal = removalRefusal(partner, change.unitId, p.partnerId);
      if (refusal || !partner) return refusal ?? refuse("CHANGE_TARGET_NOT_FOUND", p.partnerId);
      reg.partners.set(p.partnerId, { ...partner, status: "removed" });
      return [{ collection: "partners", id: p.partnerId }];
    }
    case "catalogue": {
      if (p.action === "add") {
        const id = createdIdFor(changeId);
        const priceMin = p.priceMin ?? 0;
        reg.catalogue.set(id, {
          unitId: change.unitId,
          name: p.name,
          category: p.category ?? "未分类",
          priceMin,
          priceMax: Math.max(p.priceMax ?? priceMin, priceMin),
          smallFastLightPrecise: true,
          status: "approved",
        });
        return [{ collection: "catalogue", id }];
      }
      const item = p.itemId === undefined ? undefined : reg.catalogue.get(p.itemId);
      if (!item || item.unitId !== change.unitId || p.itemId === undefined) return refuse("CHANGE_TARGET_NOT_FOUND", p.itemId ?? "（未填写目录条目编号）");
      if (p.action === "remove") {
        reg.catalogue.set(p.itemId, { ...item, status: "withdrawn" });
      } else {
        const priceMin = p.priceMin ?? item.priceMin;
        reg.catalogue.set(p.itemId, {
          ...item,
          name: p.name,
          category: p.category ?? item.category,
          priceMin,
          priceMax: Math.max(p.priceMax ?? item.priceMax, priceMin),
          status: "approved",
        });
      }
      return [{ collection: "catalogue", id: p.itemId }];
    }
    case "unitInfo": {
      const unit = reg.units.get(change.unitId);
      if (!unit) return refuse("CHANGE_TARGET_NOT_FOUND", change.unitId);
      const next = { ...unit };
      for (const c of p.changes) next[c.field] = c.to;
      reg.units.set(change.unitId, next);
      return [{ collection: "units", id: change.unitId }];
    }
  }
}

/** Partners on the published list: active, or ordered removed (DG-16) but not yet confirmed. */
const LISTED_PARTNER_STATES: readonly Partner["status"][] = ["active", "removalOrdered"];

/**
 * Whether a unit may apply to remove this partner (GZ-4.6.0, DG-14): it must be the unit's own
 * and still on its list. A partner already removed, or suspended with its cleared-out unit, has
 * nothing left to remove. Undefined: it may.
 */
export function removalRefusal(partner: Partner | undefined, unitId: string, partnerId: string): Refusal | undefined {
  if (!partner || partner.unitId !== unitId) return refuse("CHANGE_TARGET_NOT_FOUND", partnerId);
  if (!LISTED_PARTNER_STATES.includes(partner.status)) return refuse("PARTNER_NOT_LISTED", partner.name);
  return undefined;
}

export interface PartnerListEntry {
  partnerId: string;
  unitId: string;
  unitName: string;
  name: string;
  uscc: string;
}

export interface CatalogueListEntry {
  itemId: string;
  unitId: string;
  unitName: string;
  name: string;
  category: string;
  priceMin: number;
  priceMax: number;
}

// Public lists read in pinyin order of the name within each unit.
const byUnitThenName = <T extends { unitId: string; name: string }>(a: T, b: T) =>
  a.unitId < b.unitId ? -1 : a.unitId > b.unitId ? 1 : a.name.localeCompare(b.name, "zh-CN");

/** The published partner list: every listed partner (active, or ordered removed but not yet confirmed), by unit. */
export function partnerListEntries(reg: Registry): PartnerListEntry[] {
  return [...reg.partners]
    .filter(([, p]) => LISTED_PARTNER_STATES.includes(p.status))
    .map(([partnerId, p]) => ({ partnerId, unitId: p.unitId, unitName: reg.units.get(p.unitId)?.name ?? p.unitId, name: p.name, uscc: p.uscc }))
    .sort(byUnitThenName);
}

/**
 * DG-16 相应变更: the entries of the partner list's next version once `partnerId` is removed in
 * `reg`, or undefined when the latest published version does not list it (it left already, or was
 * never published), so there is no change to publish. Replaying a confirmed removal publishes nothing.
 */
export function partnerListAfterRemoval(reg: Registry, latest: readonly Pick<PartnerListEntry, "partnerId">[], partnerId: string): PartnerListEntry[] | undefined {
  if (!latest.some((e) => e.partnerId === partnerId)) return undefined;
  const entries = partnerListEntries(reg);
  return entries.some((e) => e.partnerId === partnerId) ? undefined : entries;
}

/** The published catalogue: every approved item, by unit (DG-5.3, DG-6.2). */
export function catalogueListEntries(reg: Registry): CatalogueListEntry[] {
  return [...reg.catalogue]
    .filter(([, i]) => i.status === "approved")
    .map(([itemId, i]) => ({ itemId, unitId: i.unitId, unitName: reg.units.get(i.unitId)?.name ?? i.unitId, name: i.name, category: i.category, priceMin: i.priceMin, priceMax: i.priceMax }))
    .sort(byUnitThenName);
}

/** One line a notice shows for an item (public text: names, never documents). */
export function changeSummary(change: ChangeApplication, partnerName?: string): string {
  const p = change.payload;
  switch (p.type) {
    case "partnerAdd":
      return `新增产业生态合作伙伴：${p.name}（${p.uscc}）`;
    case "partnerRemove":
      return `取消合作伙伴：${partnerName ?? p.partnerId}`;
    case "catalogue":
      return `${p.action === "add" ? "新增" : p.action === "modify" ? "变更" : "撤下"}产品和服务目录条目：${p.name}`;
    case "unitInfo":
      return `单位信息变更：${p.changes.map((c) => `${c.field} → ${c.to}`).join("；")}`;
  }
}
