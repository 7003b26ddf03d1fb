// Reads of a programme's settings versions. A programme that has never adopted a version runs on
// its pack, which is its version 1.
import type { Transaction } from "firebase-admin/firestore";
import type { PolicyPack } from "../domain/policy/schema.js";
import { initialSettingsVersion, type SettingsVersion } from "../domain/settings.js";
import { collections } from "./collections.js";

export async function loadSettingsVersions(programmeId: string, pack: PolicyPack, startsOn: string, tx?: Transaction): Promise<SettingsVersion[]> {
  const query = collections.settingsVersions(programmeId).orderBy("version");
  const snap = tx ? await tx.get(query) : await query.get();
  const stored = snap.docs.map((d) => d.data());
  return stored.length > 0 ? stored : [initialSettingsVersion(pack, startsOn)];
}
