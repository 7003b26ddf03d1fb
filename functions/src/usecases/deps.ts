// What every use case is given instead of reaching for globals: the database, the clock, the
// working-day calendar and the file store. Adapters pass `productionDeps()`; tests and scripts
// may pass their own clock. Use cases never call `new Date()` themselves.
import type { Firestore, Transaction } from "firebase-admin/firestore";
import { makeCalendar } from "../domain/calendar.js";
import type { Actor } from "../domain/schemas/index.js";
import { db } from "../store/admin.js";
import { loadProgrammeContext, type CalendarFactory, type ProgrammeContext } from "../store/programmeContext.js";
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

/**
 * The usual frame of a decision: one transaction at one instant that starts by reading the
 * programme (its pack, settings and calendar), so every later read and write sees the same facts.
 */
export function inProgrammeTransaction<T>(deps: Deps, programmeId: string, work: (tx: Transaction, ctx: ProgrammeContext, now: Date) => Promise<T>): Promise<T> {
  const now = deps.clock();
  return deps.db.runTransaction(async (tx) => work(tx, await loadProgrammeContext(programmeId, tx, deps.calendar), now));
}
