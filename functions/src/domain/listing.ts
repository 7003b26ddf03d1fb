// Adding units (GZ-4.3a: at any time, in batches; DG-2) and the ban on re-listing a cleared-out
// unit (GZ-4.4b / DG-10: 不得重新申请纳入), checked by unified social credit code.
import { type Refusal, refuse } from "./errors.js";
import type { PolicyPack } from "./policy/schema.js";
import { parseUscc } from "./uscc.js";

export function checkListing(
  uscc: string,
  existing: { listedUsccs: readonly string[]; bannedUsccs: readonly string[] },
  pack: PolicyPack,
): { ok: true; clause: string } | Refusal {
  const parsed = parseUscc(uscc);
  if (!parsed.ok) return parsed;
  if (existing.bannedUsccs.includes(parsed.value.code)) return refuse("USCC_BANNED", parsed.value.code);
  if (existing.listedUsccs.includes(parsed.value.code)) return refuse("ALREADY_LISTED", parsed.value.code);
  return { ok: true, clause: pack.clauses.listing };
}

/** DG-5.5 / DG-11: the published clear-out list — effective clear-outs, newest first, with name and reason. */
export function clearOutList<T extends { unitName: string; ground: string; reason: string; effectiveOn: string }>(entries: readonly T[]): T[] {
  return [...entries].sort((a, b) => (a.effectiveOn < b.effectiveOn ? 1 : a.effectiveOn > b.effectiveOn ? -1 : a.unitName < b.unitName ? -1 : 1));
}
