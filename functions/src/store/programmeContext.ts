// A programme with its policy pack and working-day calendar: what every decision needs.
import type { Transaction } from "firebase-admin/firestore";
import { makeCalendar, type CalendarOverrides, type WorkingDayCalendar } from "../domain/calendar.js";
import type { HolidayArrangement } from "../domain/holidayArrangement.js";
import { getPolicyPack, type PolicyPack } from "../domain/policy/index.js";
import type { Programme } from "../domain/schemas/index.js";
import { refused } from "../domain/errors.js";
import { collections } from "./collections.js";

export interface ProgrammeContext {
  programmeId: string;
  programme: Programme;
  pack: PolicyPack;
  calendar: WorkingDayCalendar;
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
  return { programmeId, programme, pack: getPolicyPack(programme.packId), calendar: calendarFor(programme.calendarOverrides, national) };
}
