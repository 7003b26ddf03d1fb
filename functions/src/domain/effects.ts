// What a transition asks the caller (a trigger, job or callable) to carry out. The domain never
// performs them; the use case does, inside the same transaction as the state change.
import type { IsoDate } from "./dates.js";
import type { UnitState } from "./states.js";

export type Effect =
  | { type: "setUnitStatus"; status: UnitState }
  | { type: "recordLateReport"; deadline: IsoDate }
  | { type: "notifyUnit"; message: string }
  | { type: "scheduleDeadline"; kind: "rectification" | "notice"; on: IsoDate }
  | { type: "publishCriticism"; ground: string }
  | { type: "openClearOut"; ground: string }
  | { type: "banUscc"; ground: string }
  | { type: "suspendPartnersAndCatalogue" }
  | { type: "publishAnnouncement"; ground: string; reason: string }
  | { type: "addToNoticeBatch" }
  | { type: "applyChange" }
  | { type: "publishList"; list: "partners" | "catalogue" | "unitChanges" }
  | { type: "recordObjection" }
  | { type: "decideObjection"; objectionId: string; upheld: boolean }
  | { type: "notAdmitObjections"; objectionIds: readonly string[] }
  | { type: "concludeNoticeItems" }
  | { type: "setPartnerStatus"; status: "removalOrdered" | "removed" };

/**
 * The effects the proceeding machines (criticism, clear-out, partner removal) and the opening of a
 * proceeding may ask for. Their writer (usecases/proceedingEffects.ts) handles each of them, and
 * the compiler checks that it does.
 */
export type ProceedingEffect = Extract<
  Effect,
  { type: "setUnitStatus" | "notifyUnit" | "publishCriticism" | "scheduleDeadline" | "openClearOut" | "banUscc" | "suspendPartnersAndCatalogue" | "publishAnnouncement" | "setPartnerStatus" }
>;
