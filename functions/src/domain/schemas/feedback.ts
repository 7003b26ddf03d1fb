import { z } from "zod";
import { enumOf, idOf, instant, isoDate, optionalText, periodIdOf, text } from "./common.js";

/** Complaint registry (GZ-4.4a.1, DG-16.2). `effectivelyResolved` is decided when it is closed. */
export const complaintSchema = z
  .object({
    unitId: idOf("牵引单位编号"),
    partnerId: idOf("合作伙伴编号").optional(),
    enterpriseId: idOf("投诉企业编号").optional(),
    receivedOn: isoDate("收到日期"),
    summary: text("投诉内容", 3000),
    status: enumOf("处理状态", ["open", "closed"] as const),
    effectivelyResolved: z.boolean().optional(),
    closedOn: isoDate("办结日期").optional(),
    resolution: optionalText("处理结果"),
  })
  .refine((c) => c.status === "open" || (c.effectivelyResolved !== undefined && c.closedOn !== undefined), {
    message: "办结的投诉须注明是否有效解决及办结日期",
    path: ["effectivelyResolved"],
  });
export type Complaint = z.infer<typeof complaintSchema>;

export const ratingValueSchema = enumOf("满意度", ["satisfied", "basicallySatisfied", "dissatisfied"] as const);

/** Satisfaction rating by a pilot enterprise (GZ-3.3, DG-16.3). */
export const ratingSchema = z.object({
  unitId: idOf("牵引单位编号"),
  partnerId: idOf("合作伙伴编号").optional(),
  enterpriseId: idOf("试点企业编号"),
  periodId: periodIdOf(),
  value: ratingValueSchema,
  comment: optionalText("意见建议"),
  ratedAt: instant("评价时间"),
  tokenId: idOf("评价链接编号"),
});
export type Rating = z.infer<typeof ratingSchema>;

/** One-use survey link for a pilot enterprise; only the SHA-256 of the token is stored. */
export const surveyTokenSchema = z.object({
  tokenHash: z.string().regex(/^[0-9a-f]{64}$/, "评价链接摘要应为 64 位十六进制"),
  enterpriseId: idOf("试点企业编号"),
  unitId: idOf("牵引单位编号"),
  partnerIds: z.array(idOf("合作伙伴编号")).default([]),
  periodId: periodIdOf(),
  expiresOn: isoDate("有效期至"),
  usedAt: instant("使用时间").optional(),
});
export type SurveyToken = z.infer<typeof surveyTokenSchema>;
