// Adding units (GZ-4.3a: at any time, in batches; DG-2) and the bar on re-listing a cleared-out
// unit, checked by unified social credit code. GZ-4.4b / DG-10 say a cleared-out unit 不得重新申请
// 纳入 — may not re-apply to be included in the list it was cleared from: that city's programme
// list (GZ-1.2 广州市…名单, DG-2 东莞市…名单). So a ban bars the programme it was recorded in and
// no other: a unit cleared out in Guangzhou may still be listed in Dongguan. A cancelled
// qualification (GZ-4.3b) or a withdrawn listing bars nothing.
import { type Refusal, refuse } from "./errors.js";
import type { PolicyPack } from "./policy/schema.js";
import { offTheListStates, type UnitState } from "./states.js";
import { parseUscc } from "./uscc.js";
import { groundWord } from "./words.js";

/** A recorded ban: the unit cleared out of `programmeId` on `ground`. */
export interface BanRecord {
  uscc: string;
  programmeId: string;
  ground: string;
  effectiveOn: string;
}

export interface ListingFacts {
  /** The programme whose list the unit is to join. */
  programmeId: string;
  /** This programme's units with the same USCC, whatever their status (history is kept). */
  sameUscc: readonly { status: UnitState }[];
  /** Bans found for the USCC; only those of `programmeId` bar the listing. */
  bans: readonly BanRecord[];
}

export type ListingDecision = { ok: true; clause: string; uscc: string; unitId: string } | Refusal;

/** The ban that bars listing `uscc` in `programmeId`, if any: bans of other programmes never do. */
export function banFor(uscc: string, programmeId: string, bans: readonly BanRecord[]): BanRecord | undefined {
  return bans.find((b) => b.uscc === uscc && b.programmeId === programmeId);
}

/**
 * May the unit join this programme's list, and under which id. A first listing is `u-{USCC}`; a
 * unit listed again after its qualification was cancelled or its listing withdrawn gets
 * `u-{USCC}-{n}`, so the earlier record stays as it was. The id follows from the facts, so two
 * staff adding the same unit at once compete for the same document.
 */
export function checkListing(uscc: string, facts: ListingFacts, pack: PolicyPack): ListingDecision {
  const parsed = parseUscc(uscc);
  if (!parsed.ok) return parsed;
  const code = parsed.value.code;
  const ban = banFor(code, facts.programmeId, facts.bans);
  if (ban) return refuse("USCC_BANNED", `${code} 已于 ${ban.effectiveOn} 依据 ${ban.ground}（${groundWord(ban.ground)}）清退`);
  // A clear-out recorded on the unit itself bars as much as its ban record does.
  if (facts.sameUscc.some((u) => u.status === "clearedOut")) return refuse("USCC_BANNED", code);
  if (facts.sameUscc.some((u) => !offTheListStates.includes(u.status))) return refuse("ALREADY_LISTED", code);
  const n = facts.sameUscc.length;
  return { ok: true, clause: pack.clauses.listing, uscc: code, unitId: n === 0 ? `u-${code}` : `u-${code}-${n + 1}` };
}

