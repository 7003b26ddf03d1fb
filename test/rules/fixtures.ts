// Shared fixtures of the rules suites.
import { periodBounds } from "../../functions/src/domain/periods.js";
import type { periodStates } from "../../functions/src/domain/states.js";

/**
 * A reporting period as the functions create it (domain/reportSchedule.ts `newPeriod`), in the
 * given state. A client may write a report only for a period that exists and is open (issue
 * 16.2). The deadline is the period's last day here: the rules do not look at it.
 */
export function period(id: string, state: (typeof periodStates)[number] = "open") {
  const b = periodBounds(id);
  return { id, cadence: b.cadence, start: b.start, end: b.end, reportDeadline: b.end, state };
}
