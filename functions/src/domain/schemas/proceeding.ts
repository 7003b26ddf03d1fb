import { z } from "zod";
import { announcementOutcomes, circularOutcomes, clearOutStates, criticismStates, partnerRemovalStates } from "../states.js";
import { actorSchema, clauseIdField, enumOf, evidenceSchema, idOf, instant, isoDate, optionalText, text, usccField } from "./common.js";

const base = {
  unitId: idOf("牵引单位编号"),
  ground: clauseIdField("依据条款"),
  evidence: z.array(evidenceSchema).default([]),
  /** true when raised automatically from facts (grounds.ts): the system proposes, staff dispose. */
  automatic: z.boolean().default(false),
  openedOn: isoDate("立案日期"),
  openedBy: actorSchema,
  note: optionalText("备注"),
  /** Chronograph: the day after which the deadline sweep acts (a criticism: its rectification deadline, GZ-4.3b). */
  nextDeadlineOn: isoDate("下一期限").optional(),
};

export const bureauMeetingSchema = z.object({
  heldOn: isoDate("局务会日期"),
  minutesDocumentId: idOf("会议纪要文件编号"),
  decision: enumOf("局务会结论", ["confirmed", "rejected"] as const),
});

export type BureauMeeting = z.infer<typeof bureauMeetingSchema>;

/** Proceedings: criticism (GZ-4.4a, GZ-4.3b), clear-out (GZ-4.4b, DG-10), partner removal (DG-16). */
export const proceedingSchema = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("criticism"),
    ...base,
    state: enumOf("程序状态", criticismStates),
    rectificationDeadline: isoDate("整改期限").optional(),
    responseDocumentId: idOf("整改报告编号").optional(),
    extensions: z.array(isoDate("延长后的整改期限")).default([]),
  }),
  z.object({
    kind: z.literal("clearOut"),
    ...base,
    state: enumOf("程序状态", clearOutStates),
    bureauMeeting: bureauMeetingSchema.optional(),
    effectiveOn: isoDate("生效日期").optional(),
    announcedOn: isoDate("公告日期").optional(),
  }),
  z.object({
    kind: z.literal("partnerRemoval"),
    ...base,
    partnerId: idOf("合作伙伴编号"),
    state: enumOf("程序状态", partnerRemovalStates),
    removedOn: isoDate("取消合作日期").optional(),
  }),
]);
export type Proceeding = z.infer<typeof proceedingSchema>;

/**
 * GZ-4.4b / DG-10: a unit cleared out of a programme may never re-apply to that programme's list.
 * Kept per programme (programmes/{p}/bans/{uscc}); other programmes' lists are not barred.
 */
export const banSchema = z.object({
  uscc: usccField(),
  unitName: text("单位名称", 200),
  programmeId: idOf("专项编号"),
  proceedingId: idOf("清退程序编号"),
  ground: clauseIdField("清退依据"),
  effectiveOn: isoDate("清退生效日期"),
});
export type Ban = z.infer<typeof banSchema>;

/**
 * GZ-4.5 / DG-11: public announcement of a clear-out, naming the unit and the reason; also of a
 * qualification cancelled for an unrectified criticism (GZ-4.3b), announced the same way.
 * Announcements stored before the outcome was recorded are clear-outs.
 */
export const announcementSchema = z.object({
  outcome: enumOf("公告事项", announcementOutcomes).default("clearOut"),
  unitName: text("单位名称", 200),
  uscc: usccField(),
  ground: clauseIdField("依据条款"),
  reason: text("原因", 1000),
  effectiveOn: isoDate("生效日期"),
  publishedAt: instant("公告时间"),
  proceedingId: idOf("程序编号"),
});
export type Announcement = z.infer<typeof announcementSchema>;

/** GZ-4.3b / GZ-4.4a: how a circulated criticism's rectification was decided, and on which day. */
export const circularOutcomeSchema = z.object({
  kind: enumOf("整改结果", circularOutcomes),
  decidedOn: isoDate("决定日期"),
  /** 继续整改: the new deadline. */
  extendedTo: isoDate("延长后的整改期限").optional(),
});
export type CircularOutcome = z.infer<typeof circularOutcomeSchema>;

const circularFields = {
  unitName: text("单位名称", 200),
  /** The criticism's ground (GZ-4.4a.1 … 6) and the regulation's wording of it. */
  ground: clauseIdField("依据条款"),
  groundWord: text("依据情形", 500),
  /** The facts the criticism rests on: the proceeding's stated evidence. */
  facts: z.array(text("事实", 1000)).default([]),
  issuedOn: isoDate("通报日期"),
  rectificationDeadline: isoDate("整改期限"),
  /** Every decision on the rectification, oldest first (an extension, then the final outcome). */
  outcomes: z.array(circularOutcomeSchema).default([]),
  /** The clause the circulation is published under (GZ-4.4a.0). */
  clause: clauseIdField("通报依据"),
  publishedAt: instant("通报时间"),
};

/**
 * GZ-4.4a.0 通报批评: an issued criticism circulated to every unit of its programme
 * (`programmes/{p}/circulars/{proceedingId}`, read by the programme's units and staff).
 */
export const circularSchema = z.object({ ...circularFields, unitId: idOf("牵引单位编号"), proceedingId: idOf("程序编号") });
export type Circular = z.infer<typeof circularSchema>;

/**
 * The same circular as the public page shows it (`programmes/{p}/publicCirculars/{proceedingId}`):
 * a projection of its own, as rules cannot hide the fields of a readable document.
 */
export const publicCircularSchema = z.object(circularFields);
export type PublicCircular = z.infer<typeof publicCircularSchema>;
export const publicCircularOf = ({ unitId: _u, proceedingId: _p, ...rest }: Circular): PublicCircular => rest;
