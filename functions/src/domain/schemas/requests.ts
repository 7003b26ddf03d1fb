// Request payloads (callables / HTTPS endpoints). The store and API layers parse with these and
// turn a ZodError into an invalid-argument error whose messages are already Chinese.
import { z } from "zod";
import { judgedMethodSchema } from "../policy/schema.js";
import { advanceNoticeSchema } from "./change.js";
import { clauseIdField, contactField, enumOf, evidenceSchema, idOf, isoDate, optionalText, personName, text, usccField, periodIdRequest as periodId } from "./common.js";
import { ratingValueSchema } from "./feedback.js";

export const createUnitRequestSchema = z.object({
  programmeId: idOf("专项编号"),
  name: text("单位名称", 200),
  uscc: usccField(),
  listedOn: isoDate("纳入名单日期"),
  batch: text("批次", 50),
});

export const reviewReportRequestSchema = z
  .object({
    programmeId: idOf("专项编号"),
    reportId: idOf("报告编号"),
    decision: enumOf("审核结论", ["accept", "return"] as const),
    comment: optionalText("审核意见"),
    /** Returning: what is wrong, field by field (GZ-3.4.1). */
    reasons: z.array(z.object({ field: text("字段", 100), reason: text("退回理由", 1000) })).max(50, "退回理由不能超过 50 条").default([]),
  })
  .refine((r) => r.decision === "accept" || (r.comment?.length ?? 0) > 0 || r.reasons.length > 0, {
    message: "退回报告须填写审核意见或逐项退回理由",
    path: ["reasons"],
  });

export const judgedScoreRequestSchema = z.object({
  programmeId: idOf("专项编号"),
  evaluationId: idOf("评价编号"),
  partId: idOf("评分项"),
  score: z.number({ error: "评分必须是数字" }).min(0, "评分不能为负数"),
  methods: z.array(judgedMethodSchema).min(1, "请至少注明一种评价方式"),
  note: optionalText("评价说明"),
  evidenceDocumentIds: z.array(idOf("评价材料编号")).max(20, "评价材料不能超过 20 份").default([]),
});

export const reviewChangeRequestSchema = z
  .object({
    programmeId: idOf("专项编号"),
    changeId: idOf("变更申请编号"),
    decision: enumOf("审核结论", ["approve", "return", "reject"] as const),
    comment: optionalText("审核意见"),
    /** Optional start of the notice batch the approved change joins (default: next working day). */
    noticeStartsOn: isoDate("公示开始日期").optional(),
    /** DG-13: the bureau meeting the change was referred to, recorded with the decision. */
    bureauMeeting: z.object({ heldOn: isoDate("局务会日期"), minutesDocumentId: idOf("会议纪要编号") }).optional(),
  })
  .refine((r) => r.decision === "approve" || (r.comment !== undefined && r.comment.length > 0), {
    message: "退回或不予通过须填写审核意见",
    path: ["comment"],
  });

/** GZ-4.8: what the unit says of the planned change; the filing's dates are computed. */
export const fileAdvanceNoticeRequestSchema = z.object({
  programmeId: idOf("专项编号"),
  ...advanceNoticeSchema.pick({ subject: true, partnerId: true, kind: true, description: true, plannedOn: true }).shape,
});

/** GZ-4.8: staff record a rename / restructuring the unit did not report ahead; the sweep then checks it. */
export const recordUnfiledChangeRequestSchema = z.object({
  programmeId: idOf("专项编号"),
  unitId: idOf("牵引单位编号"),
  ...advanceNoticeSchema.pick({ subject: true, partnerId: true, kind: true, description: true }).shape,
  procedureOn: isoDate("办理手续日期"),
  source: text("信息来源", 500),
});

/** 公示 objections are 实名: the objector's name (person or organisation) and how to reach them. */
export const fileObjectionRequestSchema = z.object({
  programmeId: idOf("专项编号"),
  noticeId: idOf("公示编号"),
  changeId: idOf("变更申请编号").optional(),
  name: personName("异议人姓名或单位名称"),
  contact: contactField("联系方式"),
  text: text("异议内容", 5000),
});

export const submitRatingRequestSchema = z.object({
  token: z.string({ error: "评价链接无效" }).min(20, "评价链接无效").max(200, "评价链接无效"),
  ratings: z
    .array(z.object({ partnerId: idOf("合作伙伴编号").optional(), value: ratingValueSchema, comment: optionalText("意见建议") }))
    .min(1, "请至少评价一项"),
});

export const fileComplaintRequestSchema = z.object({
  programmeId: idOf("专项编号"),
  unitId: idOf("牵引单位编号"),
  partnerId: idOf("合作伙伴编号").optional(),
  enterpriseId: idOf("投诉企业编号").optional(),
  receivedOn: isoDate("收到日期"),
  summary: text("投诉内容", 3000),
});

export const openProceedingRequestSchema = z.object({
  programmeId: idOf("专项编号"),
  kind: enumOf("程序类型", ["criticism", "clearOut", "partnerRemoval"] as const),
  unitId: idOf("牵引单位编号"),
  partnerId: idOf("合作伙伴编号").optional(),
  ground: clauseIdField("依据条款"),
  evidence: z.array(evidenceSchema).default([]),
  note: optionalText("备注"),
});

export const proceedingEventRequestSchema = z.object({
  programmeId: idOf("专项编号"),
  proceedingId: idOf("程序编号"),
  event: z.looseObject({ type: text("操作", 50) }),
});

export const recordBureauMeetingRequestSchema = z.object({
  programmeId: idOf("专项编号"),
  proceedingId: idOf("清退程序编号"),
  heldOn: isoDate("局务会日期"),
  minutesDocumentId: idOf("会议纪要文件编号"),
  decision: enumOf("局务会结论", ["confirmed", "rejected"] as const),
});

export const submitChangeRequestSchema = z.object({
  programmeId: idOf("专项编号"),
  changeId: idOf("变更申请编号"),
});

export const decideObjectionRequestSchema = z.object({
  programmeId: idOf("专项编号"),
  noticeId: idOf("公示编号"),
  objectionId: idOf("异议编号"),
  upheld: z.boolean({ error: "是否成立必须是是/否" }),
  decision: text("处理意见", 2000),
});

/** Issue 16.3: a dry run answers what a run would do and writes nothing. */
const dryRun = z.boolean({ error: "试运行标志必须是 true 或 false" }).optional();

/** Staff set aside junk objections to one notice with one reason (不予受理), at most 200 at once. */
export const notAdmitObjectionsRequestSchema = z.object({
  programmeId: idOf("专项编号"),
  noticeId: idOf("公示编号"),
  objectionIds: z
    .array(idOf("异议编号"), { error: "异议编号必须是列表" })
    .min(1, "请至少选择一件异议")
    .max(200, "一次最多处理 200 件异议")
    .refine((ids) => new Set(ids).size === ids.length, "异议编号不能重复"),
  reason: text("不予受理理由", 2000),
});

export const runNoticeCycleRequestSchema = z.object({
  programmeId: idOf("专项编号"),
  /** Today or an earlier day in Asia/Shanghai (the use case refuses a later one). */
  asOf: isoDate("执行日期").optional(),
  dryRun,
});

/** GZ-3.4.2 / DG-8: staff approve (审定) an evaluation. */
export const approveEvaluationRequestSchema = z.object({
  programmeId: idOf("专项编号"),
  evaluationId: idOf("评价编号"),
});

/** A period's evaluations and ranking as an Excel workbook. */
export const exportPeriodRequestSchema = z.object({
  programmeId: idOf("专项编号"),
  periodId,
});

/** Staff run a scheduled job for a given day (default: today in Asia/Shanghai). */
export const runJobRequestSchema = z.object({
  programmeId: idOf("专项编号"),
  /** Today or an earlier day in Asia/Shanghai (the use case refuses a later one). */
  asOf: isoDate("执行日期").optional(),
  dryRun,
});

/** The period close, for every due period of the programme or only the one named. */
export const runPeriodCloseRequestSchema = runJobRequestSchema.extend({
  periodId: periodId.optional(),
});
