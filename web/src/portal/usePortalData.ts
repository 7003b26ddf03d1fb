// Everything the portal pages read about the signed-in member's unit, in one place: the
// programme and its policy pack, the unit, the open period and this period's report.
import { getPolicyPack, type PolicyPack } from "@domain/policy/index";
import { makeCalendar, type WorkingDayCalendar } from "@domain/calendar";
import { collection, doc, getDoc, getDocs, query, where } from "firebase/firestore";
import { useEffect, useState } from "react";
import { db } from "../shared/db";

export interface PortalContext {
  programmeId: string;
  unitId: string;
  programmeName: string;
  /** GZ-5.2 / DG-18: acceptance date, after which the programme is read-only. */
  programmeEndsOn: string | null;
  pack: PolicyPack;
  calendar: WorkingDayCalendar;
  unit: { name: string; uscc: string; status: string; listedOn: string; batch: string };
  period: { id: string; start: string; end: string; reportDeadline: string; state: string } | null;
}

export type Load<T> = { state: "loading" } | { state: "error"; message: string } | { state: "ready"; value: T };

export function usePortalContext(programmeId: string, unitId: string): Load<PortalContext> {
  const [load, setLoad] = useState<Load<PortalContext>>({ state: "loading" });
  useEffect(() => {
    (async () => {
      const [programme, unit, periods] = await Promise.all([
        getDoc(doc(db, "programmes", programmeId)),
        getDoc(doc(db, "programmes", programmeId, "units", unitId)),
        getDocs(query(collection(db, "programmes", programmeId, "periods"), where("state", "==", "open"))),
      ]);
      if (!programme.exists() || !unit.exists()) return setLoad({ state: "error", message: "未找到本单位的登记信息，请联系工作小组。" });
      const p = programme.data();
      const open = periods.docs.map((d) => d.data() as NonNullable<PortalContext["period"]>).sort((a, b) => b.id.localeCompare(a.id));
      setLoad({
        state: "ready",
        value: {
          programmeId,
          unitId,
          programmeName: p.name as string,
          programmeEndsOn: (p.endsOn as string | null | undefined) ?? null,
          pack: getPolicyPack(p.packId as string),
          calendar: makeCalendar(p.calendarOverrides ?? {}),
          unit: unit.data() as PortalContext["unit"],
          period: open[0] ?? null,
        },
      });
    })().catch((err: Error) => setLoad({ state: "error", message: `数据加载失败：${err.message}` }));
  }, [programmeId, unitId]);
  return load;
}
