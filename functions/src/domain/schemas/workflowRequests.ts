// Requests of the complaint, rating, proceeding and listing callables that requests.ts does not
// already define. Chinese messages name the field.
import { z } from "zod";
import { clauseIdField, idOf, isoDate, optionalText, text, periodIdRequest as periodId } from "./common.js";
import { openProceedingRequestSchema, proceedingEventRequestSchema } from "./requests.js";
import { emailAddress } from "./mail.js";


export const closeComplaintRequestSchema = z.object({
  programmeId: idOf("专项编号"),
  complaintId: idOf("投诉编号"),
  closedOn: isoDate("办结日期").optional(),
  effectivelyResolved: z.boolean({ error: "是否有效解决必须是是/否" }),
  resolution: text("处理结果", 2000),
});

export const issueSurveyLinkRequestSchema = z.object({
  programmeId: idOf("专项编号"),
  enterpriseId: idOf("试点企业编号"),
  periodId,
  /** Issue 18.1: where to mail the link (the enterprise's contact), if staff give one. */
  email: emailAddress("企业电子邮箱").optional(),
});

export const getSurveyRequestSchema = z.object({
  token: z.string({ error: "评价链接无效" }).min(20, "评价链接无效").max(200, "评价链接无效"),
});

/** openProceeding plus the complaints a GZ-4.4a.1 criticism rests on. */
export const openProceedingCallSchema = openProceedingRequestSchema.extend({
  complaintIds: z.array(idOf("投诉编号")).max(50, "关联投诉过多").default([]),
});

/** The events staff send through proceedingEvent (the unit's response and the bureau meeting have their own callables). */
export const staffProceedingEventSchema = z.discriminatedUnion(
  "type",
  [
    z.object({ type: z.literal("issue"), deadline: isoDate("整改期限").optional() }),
    z.object({ type: z.literal("dismiss"), reason: text("理由", 2000) }),
    z.object({ type: z.literal("acceptResponse") }),
    z.object({ type: z.literal("returnResponse"), comment: text("审核意见", 2000) }),
    z.object({ type: z.literal("markOverdue") }),
    z.object({ type: z.literal("extend"), deadline: isoDate("延长后的整改期限") }),
    z.object({ type: z.literal("cancelQualification"), reason: text("取消资格的事实和理由", 2000) }),
    z.object({ type: z.literal("escalate"), clearOutGround: clauseIdField("清退依据") }),
    z.object({ type: z.literal("takeEffect") }),
    z.object({ type: z.literal("order") }),
    z.object({ type: z.literal("confirmRemoved") }),
  ],
  { error: "操作无效，应为：issue、dismiss、acceptResponse、returnResponse、markOverdue、extend、cancelQualification、escalate、takeEffect、order、confirmRemoved" },
);
export type StaffProceedingEvent = z.infer<typeof staffProceedingEventSchema>;

/** proceedingEvent: `expectedState` is the state the staff member saw; if it moved meanwhile, "already decided". */
export const proceedingEventCallSchema = proceedingEventRequestSchema.extend({
  event: staffProceedingEventSchema,
  expectedState: text("当前状态", 50).optional(),
});

export const respondToCriticismRequestSchema = z.object({
  programmeId: idOf("专项编号"),
  proceedingId: idOf("程序编号"),
  documentId: idOf("整改报告编号"),
  note: optionalText("说明"),
});

export const proceedingAllowedEventsRequestSchema = z.object({
  programmeId: idOf("专项编号"),
  proceedingId: idOf("程序编号"),
});

/** GZ-4.4b.1 / DG-10.1: the unit asks to leave; its uploaded, signed request is the evidence. */
export const requestWithdrawalRequestSchema = z.object({
  programmeId: idOf("专项编号"),
  documentId: idOf("退出申请文件编号"),
  reason: text("退出原因", 2000),
});

