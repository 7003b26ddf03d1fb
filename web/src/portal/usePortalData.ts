// Everything the portal pages read about the signed-in member's unit, in one place: the
// programme and its policy pack, the unit, the open period and this period's report, and the
// working-day calendar (with the national holiday arrangements entered as data).
import { getPolicyPack, type PolicyPack } from "@domain/policy/index";
import { makeCalendar, type WorkingDayCalendar } from "@domain/calendar";
import { packForPeriod } from "@domain/settings";
import type { Period } from "@domain/schemas/evaluation";
import type { Unit } from "@domain/schemas/unit";
import { doc, getDoc, getDocs, query, where } from "firebase/firestore";
import { useEffect, useState } from "react";
import { collections } from "../data/collections";
import { errorText } from "../shared/errorText";
import { t } from "../shared/strings";

export interface PortalContext {
  programmeId: string;
  unitId: string;
  programmeName: string;
  /** GZ-5.2 / DG-18: acceptance date, after which the programme is read-only. */
  programmeEndsOn: string | null;
  pack: PolicyPack;
  /** The pack the open period is decided with: the regulation's parts and the settings in force for it (GZ-3.4.2). */
  periodPack: PolicyPack;
  calendar: WorkingDayCalendar;
  unit: Unit;
  period: Period | null;
}

export type Load<T> = { state: "loading" } | { state: "error"; message: string } | { state: "ready"; value: T };

export function usePortalContext(programmeId: string, unitId: string): Load<PortalContext> {
  const [load, setLoad] = useState<Load<PortalContext>>({ state: "loading" });
  useEffect(() => {
    (async () => {
      const [programme, unit, periods, arrangements, settings] = await Promise.all([
        getDoc(doc(collections.programmes(), programmeId)),
        getDoc(doc(collections.units(programmeId), unitId)),
        getDocs(query(collections.periods(programmeId), where("state", "==", "open"))),
        getDocs(collections.holidayArrangements()),
        getDocs(collections.settingsVersions(programmeId)),
      ]);
      const p = programme.data();
      const u = unit.data();
      if (!p || !u) return setLoad({ state: "error", message: t.portal.unitNotFound });
      const open = periods.docs.map((d) => d.data()).sort((a, b) => b.id.localeCompare(a.id));
      const pack = getPolicyPack(p.packId);
      const period = open[0] ?? null;
      const versions = settings.docs.map((d) => d.data());
      setLoad({
        state: "ready",
        value: {
          programmeId,
          unitId,
          programmeName: p.name,
          programmeEndsOn: p.endsOn,
          pack,
          periodPack: period ? packForPeriod(pack, versions, period.id) : pack,
          // The same calendar the functions count on: the package, the arrangements entered for later years, the programme's own days.
          calendar: makeCalendar(p.calendarOverrides, arrangements.docs.map((d) => d.data())),
          unit: u,
          period,
        },
      });
    })().catch((err: unknown) => setLoad({ state: "error", message: t.portal.loadFailed(errorText(err)) }));
  }, [programmeId, unitId]);
  return load;
}
