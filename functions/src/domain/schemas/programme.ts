import { z } from "zod";
import { holidayArrangementSchema } from "../holidayArrangement.js";
import { actorSchema, count, idOf, instant, isoDate, optionalText, text } from "./common.js";

export const calendarOverridesSchema = z.object({
  restDays: z.array(isoDate("额外休息日")).default([]),
  workingDays: z.array(isoDate("额外工作日")).default([]),
  coveredYears: z.array(count("补录年份")).default([]),
});

/** A programme is one city's pilot under one policy pack (GZ-5.2 / DG-18: it ends at acceptance). */
export const programmeSchema = z
  .object({
    name: text("专项名称", 200),
    city: text("城市", 50),
    packId: idOf("政策包编号"),
    startsOn: isoDate("开始日期"),
    /** Date the pilot passed acceptance; after it the programme is read-only. */
    endsOn: isoDate("验收完成日期").nullable().default(null),
    calendarOverrides: calendarOverridesSchema.default({ restDays: [], workingDays: [], coveredYears: [] }),
    description: optionalText("说明"),
    createdAt: instant("创建时间"),
  })
  .refine((p) => p.endsOn === null || p.endsOn >= p.startsOn, { message: "验收完成日期不能早于开始日期", path: ["endsOn"] });
export type Programme = z.infer<typeof programmeSchema>;

/**
 * What the public may know of a programme (`publicProgrammes/{programmeId}`): its name and city,
 * so the public notices page can offer every city. Rules cannot hide fields of a document a
 * client may read, so this is a projection of its own, written beside the programme by whatever
 * writes the programme; the programme itself stays readable by its own people only.
 */
/** What the public reads of a programme: its name and city, and the body that issues its notices (the pack's work group). */
export const publicProgrammeSchema = z.object({ name: text("专项名称", 200), city: text("城市", 50), workGroupName: text("工作机构", 50).optional() });
export type PublicProgramme = z.infer<typeof publicProgrammeSchema>;
export const publicProgrammeOf = (p: Pick<Programme, "name" | "city">, workGroupName: string): PublicProgramme => ({ name: p.name, city: p.city, workGroupName });

/**
 * A year's national holiday arrangement as entered (id = the year). It applies to every programme,
 * so only a platform calendar administrator enters it; each entry is audited in every programme.
 */
export const storedHolidayArrangementSchema = holidayArrangementSchema.extend({
  enteredBy: actorSchema,
  enteredAt: instant("录入时间"),
  /** Why it was entered or corrected (a correction must say what was wrong). */
  note: text("录入说明", 500),
  revision: count("修订次数"),
});
export type StoredHolidayArrangement = z.infer<typeof storedHolidayArrangementSchema>;
