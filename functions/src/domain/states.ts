// Lifecycle states of every record that has one. Shared by the zod schemas (what may be stored)
// and the state machines (how a record moves), so the two cannot drift apart.

/**
 * GZ-1.2: listed / criticised / under rectification / cleared out / qualification cancelled
 * (GZ-4.3b, an unrectified criticism) / withdrawn.
 */
export const unitStates = ["listed", "criticised", "rectifying", "clearOutProposed", "clearedOut", "qualificationCancelled", "withdrawn"] as const;
export type UnitState = (typeof unitStates)[number];

/** Statuses after which a unit is no longer on the programme's list (GZ-1.2 / DG-2). */
export const offTheListStates: readonly UnitState[] = ["clearedOut", "qualificationCancelled", "withdrawn"];

/** GZ-3.4.1, DG-9.1. `missing` is never stored: it is the absence of a report at period close. */
export const reportStates = ["draft", "submitted", "returned", "accepted"] as const;
export type ReportState = (typeof reportStates)[number];

/** GZ-4.6, DG-13, DG-14. */
export const changeStates = ["draft", "submitted", "returned", "rejected", "approved", "inNotice", "published", "withdrawn"] as const;
export type ChangeState = (typeof changeStates)[number];

/** GZ-4.6.3, DG-14. */
export const noticeStates = ["scheduled", "open", "closed"] as const;
export type NoticeState = (typeof noticeStates)[number];

/**
 * An objection is decided on its merits (upheld / dismissed) or not admitted at all (notAdmitted,
 * 不予受理: junk, abuse, not about the notice), which staff may do for many at once with one reason.
 */
export const objectionStates = ["pending", "upheld", "dismissed", "notAdmitted"] as const;
export type ObjectionState = (typeof objectionStates)[number];

/**
 * GZ-4.4a criticism and rectification; GZ-4.3b overdue handling: continued rectification (back to
 * issued), qualification cancelled, or escalated to a clear-out on a GZ-4.4b ground.
 */
export const criticismStates = ["proposed", "dismissed", "issued", "responded", "accepted", "overdue", "qualificationCancelled", "escalated"] as const;
export type CriticismState = (typeof criticismStates)[number];

/** GZ-4.4b / DG-10 clear-out, GZ-4.4b.9 bureau meeting, GZ-4.5 / DG-11 announcement. */
export const clearOutStates = ["proposed", "dismissed", "confirmed", "dropped", "effective", "announced"] as const;
export type ClearOutState = (typeof clearOutStates)[number];

/** What a public announcement announces: a clear-out (GZ-4.5 / DG-11) or a cancelled qualification (GZ-4.3b). */
export const announcementOutcomes = ["clearOut", "qualificationCancelled"] as const;
export type AnnouncementOutcome = (typeof announcementOutcomes)[number];

/** GZ-4.4a.0: the decisions added to a circulated criticism (整改完成, 继续整改, 取消牵引单位资格, 转入清退). */
export const circularOutcomes = ["rectified", "extended", "qualificationCancelled", "escalated"] as const;
export type CircularOutcomeKind = (typeof circularOutcomes)[number];

/** DG-16 partner removal. */
export const partnerRemovalStates = ["proposed", "dismissed", "ordered", "removed"] as const;
export type PartnerRemovalState = (typeof partnerRemovalStates)[number];

/** GZ-3.4.2: an evaluation is final only once staff approve it. */
export const evaluationStates = ["draft", "approved"] as const;
export type EvaluationState = (typeof evaluationStates)[number];

export const periodStates = ["open", "closing", "closed"] as const;
export type PeriodState = (typeof periodStates)[number];

export const partnerStates = ["pending", "active", "removalOrdered", "removed", "suspended"] as const;
export type PartnerState = (typeof partnerStates)[number];

/** DG-5.3: catalogue items need the work group's approval. */
export const catalogueStates = ["pending", "approved", "rejected", "suspended", "withdrawn"] as const;
export type CatalogueState = (typeof catalogueStates)[number];

/** GZ-2.2.12 project acceptance. */
export const acceptanceStates = ["pending", "passed", "failed"] as const;
export type AcceptanceState = (typeof acceptanceStates)[number];

/** A unit member's private deadline calendar link: revoking it is a state, nothing is deleted. */
export const calendarFeedStates = ["active", "revoked"] as const;
export type CalendarFeedState = (typeof calendarFeedStates)[number];
