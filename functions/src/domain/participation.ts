// Who takes part in a period (GZ-1.2, GZ-3.4.1 / DG-2, DG-9.1): every traction unit listed by the
// period's last day. A unit whose clear-out is only proposed is still a traction unit — it leaves
// the list only when the clear-out takes effect after the bureau meeting (GZ-4.4b.9) — so it is
// still reminded, still expected to report and still evaluated. A cleared-out, cancelled (GZ-4.3b) or
// withdrawn unit takes part in nothing. The period close and the deadline sweep both ask here.
import { periodBounds, type PeriodId } from "./periods.js";
import { offTheListStates, type UnitState } from "./states.js";

export function takesPartIn(unit: { status: UnitState; listedOn: string }, periodId: PeriodId): boolean {
  return !offTheListStates.includes(unit.status) && unit.listedOn <= periodBounds(periodId).end;
}
