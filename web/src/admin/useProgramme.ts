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
