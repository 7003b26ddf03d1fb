// Reads of a programme's settings versions. A programme that has never adopted a version runs on
// its pack, which is its version 1.
import type { Transaction } from "firebase-admin/firestore";
import type { PolicyPack } from "../domain/policy/schema.js";
import { settingsFromPack, type SettingsVersion } from "../domain/settings.js";
import { systemActor } from "./audit.js";
import { collections } from "./collections.js";

/** The pack's own values as version 1, for programmes that have stored none. */
export function packVersion(pack: PolicyPack, startsOn: string): SettingsVersion {
  return { version: 1, values: settingsFromPack(pack), effectiveFrom: startsOn.slice(0, 4), reason: "政策包初始设置", clause: pack.clauses.evaluationApproval, createdBy: systemActor("policyPack"), createdAt: new Date(`${startsOn}T00:00:00+08:00`) };
}

export async function loadSettingsVersions(programmeId: string, pack: PolicyPack, startsOn: string, tx?: Transaction): Promise<SettingsVersion[]> {
  const query = collections.settingsVersions(programmeId).orderBy("version");
  const snap = tx ? await tx.get(query) : await query.get();
  const stored = snap.docs.map((d) => d.data());
  return stored.length > 0 ? stored : [packVersion(pack, startsOn)];
}
