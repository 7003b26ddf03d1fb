// Everything the portal pages read about the signed-in member's unit, in one place: the
// programme and its policy pack, the unit, the open period and this period's report, and the
// working-day calendar (with the national holiday arrangements entered as data).
// More than one period can be open at once: a period opens on its first day, while the one before
// still takes its report up to its report deadline and, recorded late, up to its evaluation close
// (GZ-3.4.1, DG-9.1). The portal starts on the oldest open period (its deadline comes first) and
// the member may switch to another open one.
import { getPolicyPack, type PolicyPack } from "@domain/policy/index";
import { makeCalendar, type WorkingDayCalendar } from "@domain/calendar";
import { packForPeriod } from "@domain/settings";
import type { Period } from "@domain/schemas/evaluation";
import type { Unit } from "@domain/schemas/unit";
import { doc, getDoc, getDocs, query, where } from "firebase/firestore";
import { useEffect, useMemo, useState } from "react";
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
  /** Every open period, oldest first (the one whose deadline comes first). */
  openPeriods: Period[];
}

export type Load<T> = { state: "loading" } | { state: "error"; message: string } | { state: "ready"; value: T };

type Loaded = Omit<PortalContext, "period" | "periodPack"> & { versions: Parameters<typeof packForPeriod>[1] };

/** The portal's context, on the open period the member chose (default: the oldest open one). */
export function usePortalContext(programmeId: string, unitId: string, chosenPeriodId?: string): Load<PortalContext> {
  const [load, setLoad] = useState<Load<Loaded>>({ state: "loading" });
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
      const openPeriods = periods.docs.map((d) => d.data()).sort((a, b) => a.id.localeCompare(b.id));
      setLoad({
        state: "ready",
        value: {
          programmeId,
          unitId,
          programmeName: p.name,
          programmeEndsOn: p.endsOn,
          pack: getPolicyPack(p.packId),
          versions: settings.docs.map((d) => d.data()),
          // The same calendar the functions count on: the package, the arrangements entered for later years, the programme's own days.
          calendar: makeCalendar(p.calendarOverrides, arrangements.docs.map((d) => d.data())),
          unit: u,
          openPeriods,
        },
      });
    })().catch((err: unknown) => setLoad({ state: "error", message: t.portal.loadFailed(errorText(err)) }));
  }, [programmeId, unitId]);
  return useMemo(() => {
    if (load.state !== "ready") return load;
    const { versions, ...c } = load.value;
    const period = c.openPeriods.find((x) => x.id === chosenPeriodId) ?? c.openPeriods[0] ?? null;
    return { state: "ready", value: { ...c, period, periodPack: period ? packForPeriod(c.pack, versions, period.id) : c.pack } };
  }, [load, chosenPeriodId]);
}
