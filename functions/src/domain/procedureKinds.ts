// Which proceedings a programme has, and on which grounds: read from its policy pack alone (no
// machines), so the first screen the staff open can shape its tabs without loading them.
import type { PolicyPack } from "./policy/schema.js";

export type ProceedingKind = "criticism" | "clearOut" | "partnerRemoval";

type PackGrounds = Pick<PolicyPack, "criticismGrounds" | "clearOut" | "partnerRemovalGrounds">;

/** The grounds the pack's regulation lists for a kind of proceeding (none: the programme has no such procedure). */
export function groundsOf(kind: ProceedingKind, pack: PackGrounds): readonly string[] {
  if (kind === "criticism") return pack.criticismGrounds;
  if (kind === "clearOut") return pack.clearOut.grounds;
  return pack.partnerRemovalGrounds;
}

const ALL_KINDS: readonly ProceedingKind[] = ["criticism", "clearOut", "partnerRemoval"];

/**
 * The proceedings the programme's regulation has (issue 15.3): a kind with no grounds is absent from
 * every screen (Dongguan has no 通报批评, Guangzhou no partner-removal proceeding).
 */
export const proceedingKindsOf = (pack: PackGrounds): ProceedingKind[] => ALL_KINDS.filter((k) => groundsOf(k, pack).length > 0);
