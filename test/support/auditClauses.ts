// Item 10 of issue 14: every audit entry a programme's flows write cites a clause of that
// programme's own regulation (its pack's prefix: GZ- in Guangzhou, DG- in Dongguan, SL- in the
// test-only city), and names no other city's clause anywhere in the entry (note, before, after).
// Read straight from the emulator's database, so the check covers whatever the test file ran.
import { getPolicyPack } from "../../functions/src/domain/policy/index.js";
import { admin } from "./emulators.js";

const CLAUSE = /\b([A-Z]{2,6})-\d/g;

/** The prefix every clause of a pack carries (the work group's mandate clause names it). */
export function packPrefix(packId: string): string {
  const m = /^([A-Z]{2,6})-/.exec(getPolicyPack(packId).clauses.workGroup);
  if (!m) throw new Error(`pack ${packId} has no clause prefix`);
  return m[1]!;
}

/**
 * Every audit entry in the database that cites no clause, cites another pack's clause, or names
 * another pack's clause in its text, as "programme/entry action: what is wrong". Empty when all
 * is well. `audited` counts the entries read per programme, so a caller can see the check ran on something.
 */
export async function auditClauseOffenders(): Promise<{ offenders: string[]; audited: Record<string, number> }> {
  const db = admin().db;
  const offenders: string[] = [];
  const audited: Record<string, number> = {};
  for (const programme of (await db.collection("programmes").get()).docs) {
    const packId = programme.get("packId") as string | undefined;
    if (!packId) continue;
    const own = packPrefix(packId);
    const entries = (await db.collection(`programmes/${programme.id}/audit`).get()).docs;
    audited[programme.id] = entries.length;
    for (const e of entries) {
      const { action, clause } = e.data() as { action?: string; clause?: string };
      const where = `${programme.id}/${e.id} ${action}`;
      if (typeof clause !== "string") offenders.push(`${where}: 未引用条款`);
      else if (!clause.startsWith(`${own}-`)) offenders.push(`${where}: 引用 ${clause}`);
      const foreign = [...JSON.stringify(e.data()).matchAll(CLAUSE)].map((m) => m[1]!).filter((p) => p !== own && (p === "GZ" || p === "DG" || p === "SL"));
      if (foreign.length > 0) offenders.push(`${where}: 文字中出现 ${[...new Set(foreign)].join("、")} 条款`);
    }
  }
  return { offenders, audited };
}
