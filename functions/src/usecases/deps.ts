// What every use case is given instead of reaching for globals: the database, the clock, the
// working-day calendar and the file store. Adapters pass `productionDeps()`; tests and scripts
// may pass their own clock. Use cases never call `new Date()` themselves.
import type { Firestore } from "firebase-admin/firestore";
import { makeCalendar } from "../domain/calendar.js";
import type { Actor } from "../domain/schemas/index.js";
import { db } from "../store/admin.js";
import type { CalendarFactory } from "../store/programmeContext.js";
import { files } from "../files/config.js";

export interface Deps {
  db: Firestore;
  /** The instant the use case acts at. */
  clock: () => Date;
  /** The working-day calendar for a programme's own overrides (extra closure days). */
  calendar: CalendarFactory;
  /** The configured file store (local disk on the emulators, Cloud Storage deployed). */
  files: typeof files;
}

export function productionDeps(): Deps {
  return { db, clock: () => new Date(), calendar: makeCalendar, files };
}

/** Who acts: a staff member, a unit member (with the unit from the verified claims), or the system. */
export type Acting = Actor & { unitId?: string };
