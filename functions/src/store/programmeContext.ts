// A programme with its policy pack and working-day calendar: what every decision needs.
import type { Transaction } from "firebase-admin/firestore";
import { makeCalendar, type CalendarOverrides, type WorkingDayCalendar } from "../domain/calendar.js";
import type { HolidayArrangement } from "../domain/holidayArrangement.js";
import type { IsoDate } from "../domain/dates.js";
import { periodOf, type PeriodId } from "../domain/periods.js";
import { getPolicyPack, testOnlyPackRefusal, type PolicyPack } from "../domain/policy/index.js";
import { packForPeriod, type SettingsVersion } from "../domain/settings.js";
import type { Programme } from "../domain/schemas/index.js";
import { Refused, refused } from "../domain/errors.js";
import { collections } from "./collections.js";
import { loadSettingsVersions } from "./settings.js";

export interface ProgrammeContext {
  programmeId: string;
  programme: Programme;
  /** The policy pack as compiled: what the regulation fixes, and the bureau's initial choices (settings version 1). */
  pack: PolicyPack;
  calendar: WorkingDayCalendar;
  /** The settings versions the work group adopted (GZ-3.4.2), oldest first; version 1 is the pack's own values. */
  settings: SettingsVersion[];
  /** The pack a period is decided with: the settings in force for that period (a later version never reaches back). */
  packFor(periodId: PeriodId): PolicyPack;
  /** The pack for what is decided today (notice and rectification lengths, review batches, document age): today's period's settings. */
  packOn(today: IsoDate): PolicyPack;
}

export type CalendarFactory = (overrides?: CalendarOverrides, national?: readonly HolidayArrangement[]) => WorkingDayCalendar;


/** The national arrangements entered for years the holiday package does not cover (a handful of documents). */
export async function loadHolidayArrangements(tx?: Transaction): Promise<HolidayArrangement[]> {
  const query = collections.holidayArrangements();
  const snap = tx ? await tx.get(query) : await query.get();
  return snap.docs.map((d) => d.data());
}

export async function loadProgrammeContext(programmeId: string, tx?: Transaction, calendarFor: CalendarFactory = makeCalendar): Promise<ProgrammeContext> {
  const ref = collections.programmes().doc(programmeId);
  const [snap, national] = await Promise.all([tx ? tx.get(ref) : ref.get(), loadHolidayArrangements(tx)]);
  const programme = snap.data();
  if (!programme) refused("PROGRAMME_NOT_FOUND", programmeId);
  const pack = getPolicyPack(programme.packId);
  // A test-only pack works only on the Firestore emulator (functions and in-process tests reach it through FIRESTORE_EMULATOR_HOST).
  const testOnly = testOnlyPackRefusal(pack, Boolean(process.env.FIRESTORE_EMULATOR_HOST));
  if (testOnly) throw new Refused(testOnly);
  const settings = await loadSettingsVersions(programmeId, pack, programme.startsOn, tx);
  const packFor = (periodId: PeriodId) => packForPeriod(pack, settings, periodId);
  return { programmeId, programme, pack, calendar: calendarFor(programme.calendarOverrides, national), settings, packFor, packOn: (today) => packFor(periodOf(today, pack.cadence)) };
}
