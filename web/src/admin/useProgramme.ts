import { getPolicyPack, type PolicyPack } from "@domain/policy/index";
import { doc, getDoc } from "firebase/firestore";
import { useEffect, useState } from "react";
import { collections } from "../data/collections";

export interface ProgrammeView {
  id: string;
  name: string;
  pack: PolicyPack;
  startsOn: string;
  endsOn: string | null;
}

export function useProgramme(programmeId: string): ProgrammeView | null {
  const [view, setView] = useState<ProgrammeView | null>(null);
  useEffect(() => {
    getDoc(doc(collections.programmes(), programmeId)).then((snap) => {
      const p = snap.data();
      if (!p) return;
      setView({ id: programmeId, name: p.name, pack: getPolicyPack(p.packId), startsOn: p.startsOn, endsOn: p.endsOn });
    });
  }, [programmeId]);
  return view;
}

/** The names of the programmes a person works in, for choosing between them (names, never ids). */
export function useProgrammeNames(programmeIds: string[]): Record<string, string> {
  const [names, setNames] = useState<Record<string, string>>({});
  const key = programmeIds.join(",");
  useEffect(() => {
    Promise.all(programmeIds.map(async (id) => [id, (await getDoc(doc(collections.programmes(), id))).data()?.name] as const)).then((pairs) =>
      setNames(Object.fromEntries(pairs.filter((p): p is readonly [string, string] => typeof p[1] === "string"))),
    );
  }, [key]);
  return names;
}
