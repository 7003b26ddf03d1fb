// A programme with its policy pack and working-day calendar: what every decision needs.
import type { Transaction } from "firebase-admin/firestore";
import { makeCalendar, type CalendarOverrides, type WorkingDayCalendar } from "../domain/calendar.js";
import { getPolicyPack, type PolicyPack } from "../domain/policy/index.js";
import type { Programme } from "../domain/schemas/index.js";
import { collections } from "./collections.js";

export interface ProgrammeContext {
  programmeId: string;
  programme: Programme;
  pack: PolicyPack;
  calendar: WorkingDayCalendar;
}

export class ProgrammeNotFound extends Error {
  constructor(readonly programmeId: string) {
    super(`未找到专项：${programmeId}`);
  }
}

export async function loadProgrammeContext(programmeId: string, tx?: Transaction, calendarFor: (o?: CalendarOverrides) => WorkingDayCalendar = makeCalendar): Promise<ProgrammeContext> {
  const ref = collections.programmes().doc(programmeId);
  const snap = tx ? await tx.get(ref) : await ref.get();
  const programme = snap.data();
  if (!programme) throw new ProgrammeNotFound(programmeId);
  return { programmeId, programme, pack: getPolicyPack(programme.packId), calendar: calendarFor(programme.calendarOverrides) };
}
