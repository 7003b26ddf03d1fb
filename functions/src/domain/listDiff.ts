// What a published list version changed against the one before it (GZ-4.6.3, DG-13, DG-14):
// staff and the public read a new partner list or catalogue as "these were added, these
// removed", not as two long tables to compare by eye. Entries are matched by their record id.
import type { CatalogueList, PartnerList, UnitChangeList } from "./schemas/lists.js";

export type PublishedListKind = "partners" | "catalogue" | "unitChanges";

export type ListEntry<K extends PublishedListKind> = K extends "partners" ? PartnerList["entries"][number] : K extends "catalogue" ? CatalogueList["entries"][number] : UnitChangeList["entries"][number];

export interface ListDiff<T> {
  added: T[];
  removed: T[];
  /** Entries in both versions whose content differs (e.g. a catalogue item's price). */
  changed: { before: T; after: T }[];
  unchanged: number;
}

/** The id an entry of a list kind is matched by across versions. */
export function entryKey(kind: PublishedListKind, entry: Record<string, unknown>): string {
  const key = kind === "partners" ? entry.partnerId : kind === "catalogue" ? entry.itemId : entry.changeId;
  return String(key);
}

const canonical = (v: unknown): string => JSON.stringify(v, (_k, x: unknown) => (x && typeof x === "object" && !Array.isArray(x) ? Object.fromEntries(Object.entries(x).sort(([a], [b]) => a.localeCompare(b))) : x));

/** Compare two versions of one list; `previous` is empty for the first version. */
export function diffList<T extends Record<string, unknown>>(kind: PublishedListKind, previous: readonly T[], next: readonly T[]): ListDiff<T> {
  const before = new Map(previous.map((e) => [entryKey(kind, e), e]));
  const after = new Map(next.map((e) => [entryKey(kind, e), e]));
  const diff: ListDiff<T> = { added: [], removed: [], changed: [], unchanged: 0 };
  for (const [key, e] of after) {
    const old = before.get(key);
    if (!old) diff.added.push(e);
    else if (canonical(old) !== canonical(e)) diff.changed.push({ before: old, after: e });
    else diff.unchanged += 1;
  }
  for (const [key, e] of before) if (!after.has(key)) diff.removed.push(e);
  return diff;
}
