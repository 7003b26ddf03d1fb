import { makeCalendar, type WorkingDayCalendar } from "@domain/calendar";
import { getPolicyPack, type PolicyPack } from "@domain/policy/index";
import { doc, getDoc } from "firebase/firestore";
import { useEffect, useState } from "react";
import { db } from "../shared/db";

export interface ProgrammeView {
  id: string;
  name: string;
  pack: PolicyPack;
  calendar: WorkingDayCalendar;
  endsOn: string | null;
}

export function useProgramme(programmeId: string): ProgrammeView | null {
  const [view, setView] = useState<ProgrammeView | null>(null);
  useEffect(() => {
    getDoc(doc(db, "programmes", programmeId)).then((snap) => {
      const p = snap.data();
      if (!p) return;
      setView({ id: programmeId, name: p.name as string, pack: getPolicyPack(p.packId as string), calendar: makeCalendar(p.calendarOverrides ?? {}), endsOn: (p.endsOn as string | null) ?? null });
    });
  }, [programmeId]);
  return view;
}
