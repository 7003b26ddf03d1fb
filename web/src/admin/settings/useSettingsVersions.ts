// A programme's settings versions, newest first, kept live (an adoption shows at once). A
// programme that has adopted none runs on its pack, which is its version 1 — the same version
// the functions decide with (domain/settings.ts initialSettingsVersion).
import { initialSettingsVersion, type SettingsVersion } from "@domain/settings";
import { orderBy, query, where } from "firebase/firestore";
import { useEffect, useState } from "react";
import { collections, watchQuery } from "../../data/collections";
import { errorText } from "../../shared/errorText";
import type { ProgrammeView } from "../useProgramme";

export function useSettingsVersions(programme: ProgrammeView) {
  const [stored, setStored] = useState<SettingsVersion[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => watchQuery(query(collections.settingsVersions(programme.id), orderBy("version", "desc")), setStored, (e) => setError(errorText(e))), [programme.id]);
  const versions = stored && (stored.length > 0 ? stored : [initialSettingsVersion(programme.pack, programme.startsOn)]);
  return { versions, error };
}

/** The closed periods of a programme, newest first: what a what-if may be run on. */
export function useClosedPeriods(programmeId: string): string[] {
  const [ids, setIds] = useState<string[]>([]);
  useEffect(() => watchQuery(query(collections.periods(programmeId), where("state", "==", "closed")), (rows) => setIds(rows.map((r) => r.id).sort().reverse())), [programmeId]);
  return ids;
}
