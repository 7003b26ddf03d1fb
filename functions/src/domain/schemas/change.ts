import { z } from "zod";
import { changeTypeSchema, documentKindSchema } from "../policy/schema.js";
import { changeStates, noticeStates, objectionStates } from "../states.js";
import { actorSchema, amount, clauseIdField, enumOf, idOf, instant, isoDate, optionalText, text, usccField } from "./common.js";

/** GZ-4.4a.4: the five fields whose change must be reported. */
export const unitInfoFieldSchema = enumOf("变更事项", ["name", "address", "legalRepresentative", "businessScope", "registeredCapital"] as const);

export const changePayloadSchema = z.discriminatedUnion("type", [
  z.object({
    type: z.literal("unitInfo"),
    changes: z.array(z.object({ field: unitInfoFieldSchema, from: optionalText("变更前"), to: text("变更后", 2000) })).min(1, "请至少填写一项变更内容").max(5, "变更内容不能超过 5 项"),
    effectiveOn: isoDate("变更生效日期"),
    /** The USCC on the licence filed with the change: reviewers compare its registration place (DG-13). */
    licenceUscc: usccField("营业执照统一社会信用代码").optional(),
  }),
  z.object({ type: z.literal("partnerAdd"), name: text("合作伙伴名称", 200), uscc: usccField("合作伙伴统一社会信用代码") }),
  z.object({ type: z.literal("partnerRemove"), partnerId: idOf("合作伙伴编号"), reason: text("取消合作原因", 1000) }),
  z.object({
    type: z.literal("catalogue"),
    action: enumOf("目录变更方式", ["add", "modify", "remove"] as const),
    itemId: idOf("目录条目编号").optional(),
    name: text("产品或服务名称", 200),
    category: optionalText("类别", 100),
    priceMin: amount("最低价格（元）").optional(),
    priceMax: amount("最高价格（元）").optional(),
  }),
]);

export const attachedDocumentSchema = z.object({ kind: documentKindSchema, documentId: idOf("材料编号") });

/** Change applications: unit info / partner add / partner remove / catalogue (DG-5.4, GZ-4.6, DG-13, DG-14). */
export const changeApplicationSchema = z.object({
  unitId: idOf("牵引单位编号"),
  type: changeTypeSchema,
  state: enumOf("申请状态", changeStates),
  payload: changePayloadSchema,
  documents: z.array(attachedDocumentSchema).max(20, "材料不能超过 20 份").default([]),
  submittedOn: isoDate("提交日期").optional(),
  reviewBatchId: text("审核批次", 20).optional(),
  reviewComment: optionalText("审核意见"),
  reviewedBy: actorSchema.optional(),
  noticeId: idOf("公示编号").optional(),
  clause: clauseIdField().optional(),
  /** DG-13: the bureau meeting the work group referred the change to, with its minutes. */
  bureauMeeting: z.object({ heldOn: isoDate("局务会日期"), minutesDocumentId: idOf("会议纪要编号") }).optional(),
});
export type ChangeApplication = z.infer<typeof changeApplicationSchema>;

/**
 * GZ-4.8 advance notice of a rename / reorganisation / restructuring. Staff may also record a
 * change the unit never reported (`recordedBy`, no `filedOn`), so the deadline sweep sees it.
 */
export const advanceNoticeSchema = z.object({
  unitId: idOf("牵引单位编号"),
  subject: enumOf("报告主体", ["unit", "partner"] as const),
  partnerId: idOf("合作伙伴编号").optional(),
  kind: enumOf("调整类型", ["rename", "reorganisation", "restructuring", "other"] as const),
  description: text("情况说明", 3000),
  plannedOn: isoDate("拟办理手续日期"),
  /** Absent: the unit never reported it; staff recorded it. */
  filedOn: isoDate("报送日期").optional(),
  latestOnTimeFilingDate: isoDate("最迟报送日期"),
  /** Working days from the filing to the procedure; absent when nothing was filed. */
  workingDaysAhead: z.number().int().optional(),
  late: z.boolean(),
  filedAt: instant("报送时间").optional(),
  filedBy: actorSchema.optional(),
  /** Staff who recorded an unreported change, and when, with where they learnt of it. */
  recordedBy: actorSchema.optional(),
  recordedAt: instant("登记时间").optional(),
  source: text("信息来源", 500).optional(),
  /** Chronograph: the deadline sweep checks a late filing against GZ-4.8 on or after this day. */
  nextDeadlineOn: isoDate("待核查日期").optional(),
  clause: clauseIdField().optional(),
});
export type AdvanceNotice = z.infer<typeof advanceNoticeSchema>;

/** Public notice (公示) of a batch of approved changes, GZ-4.6.3 / DG-14. */
export const noticeSchema = z
  .object({
    title: text("公示标题", 200),
    items: z.array(z.object({ changeId: idOf("变更申请编号"), unitName: text("单位名称", 200), summary: text("公示内容", 2000), outcome: enumOf("公示结果", ["published", "withdrawn"] as const).optional() })).min(1, "公示至少包含一项"),
    startsOn: isoDate("公示开始日期"),
    endsOn: isoDate("公示截止日期"),
    length: z.number().int().min(1),
    unit: enumOf("公示期单位", ["calendarDays", "workingDays"] as const),
    state: enumOf("公示状态", noticeStates),
    clause: clauseIdField(),
    /** Chronograph: the next day the notice job must act on it (absent once closed). */
    nextDeadlineOn: isoDate("下一处理日期").optional(),
    openedOn: isoDate("公示开始执行日期").optional(),
    closedOn: isoDate("公示结束日期").optional(),
  })
  .refine((n) => n.endsOn >= n.startsOn, { message: "公示截止日期不能早于开始日期", path: ["endsOn"] });
export type Notice = z.infer<typeof noticeSchema>;

/** An objection filed by the public during a notice. */
export const objectionSchema = z.object({
  noticeId: idOf("公示编号"),
  changeId: idOf("变更申请编号").optional(),
  filedOn: isoDate("提出日期"),
  filedAt: instant("提出时间"),
  /** Required of every filing since objections are 实名; absent only on records filed before. Staff only. */
  name: optionalText("异议人姓名或单位名称", 200),
  contact: optionalText("联系方式", 100),
  text: text("异议内容", 5000),
  state: enumOf("异议处理状态", objectionStates),
  /** The decision's reasons, or the one reason given for a batch not admitted. */
  decision: optionalText("处理意见"),
  decidedBy: actorSchema.optional(),
  decidedAt: instant("处理时间").optional(),
});
export type Objection = z.infer<typeof objectionSchema>;
