import { z } from "zod";
import { count, idOf, instant, isoDate, optionalText, text } from "./common.js";

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
