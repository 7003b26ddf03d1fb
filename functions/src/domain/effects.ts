// What a transition asks the caller (a trigger, job or callable) to carry out. The domain never
// performs them; the use case does, inside the same transaction as the state change. Every effect
// here is consumed; the notice machine emits none (its use cases write the objection and the
// notice's items themselves; the machine says whether, to which state and under which clause).
import type { IsoDate } from "./dates.js";
import type { CircularOutcome } from "./schemas/proceeding.js";
import type { AnnouncementOutcome, UnitState } from "./states.js";

export type Effect =
  /** `ground`: the clause the unit's step is taken under, when not the proceeding's own ground (GZ-4.3b). */
  | { type: "setUnitStatus"; status: UnitState; ground?: string }
  | { type: "recordLateReport"; deadline: IsoDate }
  | { type: "notifyUnit"; message: string }
  | { type: "scheduleDeadline"; kind: "rectification"; on: IsoDate }
  | { type: "publishCriticism"; ground: string }
  /** GZ-4.4a.0: the issued criticism is circulated (通报) to every unit and the public, under `clause`. */
  | { type: "circulateCriticism"; clause: string; deadline: IsoDate }
  /** GZ-4.4a.0: the rectification's outcome is added to the circulated criticism. */
  | { type: "recordCircularOutcome"; clause: string; outcome: CircularOutcome }
  | { type: "openClearOut"; ground: string }
  | { type: "banUscc"; ground: string }
  | { type: "suspendPartnersAndCatalogue" }
  /** A public announcement of a clear-out (GZ-4.5 / DG-11) or of a cancelled qualification (GZ-4.3b). */
  | { type: "publishAnnouncement"; outcome: AnnouncementOutcome; ground: string; reason: string }
  | { type: "addToNoticeBatch" }
  /** Apply the approved change to the registry and publish a new version of its list (publishChanges). */
  | { type: "applyChange"; list: "partners" | "catalogue" | "unitChanges" }
  | { type: "setPartnerStatus"; status: "removalOrdered" | "removed" }
  /** DG-16 相应变更: the removed partner leaves the published partner list through a new version. */
  | { type: "publishPartnerList" };

/**
 * The effects the proceeding machines (criticism, clear-out, partner removal) and the opening of a
 * proceeding may ask for. Their writer (usecases/proceedingEffects.ts) handles each of them, and
 * the compiler checks that it does.
 */
export type ProceedingEffect = Extract<
  Effect,
  { type: "setUnitStatus" | "notifyUnit" | "publishCriticism" | "circulateCriticism" | "recordCircularOutcome" | "scheduleDeadline" | "openClearOut" | "banUscc" | "suspendPartnersAndCatalogue" | "publishAnnouncement" | "setPartnerStatus" | "publishPartnerList" }
>;
