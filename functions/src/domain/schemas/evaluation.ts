import { z } from "zod";
import { isDutyMetric, MAX_DUTY_COUNT, MAX_DUTY_NOTE } from "../duties.js";
import { cadenceSchema, dutyMetricSchema, judgedMethodSchema, metricKeySchema } from "../policy/schema.js";
import { metricWords } from "../words.js";
import { evaluationStates, periodStates, reportStates } from "../states.js";
import { actorSchema, count, enumOf, idOf, instant, isoDate, optionalText, periodIdOf, text } from "./common.js";

const periodIdField = periodIdOf();

/**
 * Metric values keyed by metric; counts, or a 0–1 share for level2Share. A duty's count
 * (GZ-2.2.6–2.2.10, DG-6.5–6.8) is a whole number up to MAX_DUTY_COUNT, as firestore.rules takes it.
 */
export const metricValuesSchema = z
  .partialRecord(metricKeySchema, z.number({ error: "指标值必须是数字" }).min(0, "指标值不能为负数"))
  .superRefine((values, ctx) => {
    for (const [metric, v] of Object.entries(values)) {
      if (isDutyMetric(metric) && v !== undefined && (!Number.isInteger(v) || v > MAX_DUTY_COUNT)) {
        ctx.addIssue({ code: "custom", path: [metric], message: `${metricWords[metric]}必须是不超过 ${MAX_DUTY_COUNT} 的整数` });
      }
    }
  });

/** GZ-3.2 / DG-7 / DG-12: yearly task book with target values per metric. */
export const taskBookSchema = z.object({
  unitId: idOf("牵引单位编号"),
  year: z.number({ error: "年度必须是数字" }).int().min(2000, "年度无效").max(2100, "年度无效"),
  targets: metricValuesSchema,
  /** Extra named KPIs from the unit's application (GZ-3.2) that are tracked but not scored. */
  otherTargets: z.array(z.object({ name: text("指标名称", 100), target: text("目标值", 100) })).default([]),
  signedOn: isoDate("签订日期"),
  documentId: idOf("任务书文件编号").optional(),
});
export type TaskBook = z.infer<typeof taskBookSchema>;

export const periodSchema = z.object({
  id: periodIdField,
  cadence: cadenceSchema,
  start: isoDate("开始日期"),
  end: isoDate("结束日期"),
  /**
   * Last day to report. Absent while the deadline falls in a year whose national holiday
   * arrangement is not entered yet: then `deadlinePendingYear` names that year, and no date is
   * guessed (reminders and the close wait; the arrangement's entry computes it).
   */
  reportDeadline: isoDate("报送截止日").optional(),
  deadlinePendingYear: count("待录入节假日安排的年份").optional(),
  /** Last day a report is still accepted (late) and the day after which the period closes; absent on periods opened before it existed (they close after the report deadline). */
  evaluationCloseOn: isoDate("评价截止日").optional(),
  state: enumOf("期次状态", periodStates),
  closedAt: instant("关账时间").optional(),
  /** Chronograph: the next day the deadline sweep has work for this period (a reminder). */
  nextDeadlineOn: isoDate("下次提醒日期").optional(),
});
export type Period = z.infer<typeof periodSchema>;
/** A period whose report deadline is known (the close and the reminders work only on these). */
export type DatedPeriod = Period & { reportDeadline: string };
export const hasDeadline = (p: Period): p is DatedPeriod => p.reportDeadline !== undefined;

/** Per-enterprise progress line in a report (GZ-2.2.11). */
export type MetricValuesRecord = z.infer<typeof metricValuesSchema>;

export const enterpriseProgressSchema = z.object({
  enterpriseId: idOf("试点企业编号"),
  progress: text("进展情况", 1000),
  contractSigned: z.boolean().default(false),
  diagnosisDone: z.boolean().default(false),
  levelAfter: z.number().int().min(1).max(4).optional(),
});

/** GZ-2.2.11 / GZ-3.4.1 / DG-6.9 / DG-9.1: the periodic report. Metric values are cumulative for the year. */
export const reportSchema = z.object({
  unitId: idOf("牵引单位编号"),
  periodId: periodIdField,
  state: enumOf("报告状态", reportStates),
  metrics: metricValuesSchema,
  // The bounds firestore.rules enforces on the client's writes.
  enterprises: z.array(enterpriseProgressSchema).max(300, "试点企业进展不能超过 300 条").default([]),
  /** GZ-4.4a.3: explanation and remedy for progress behind the pro-rata target. */
  lagExplanation: optionalText("进度滞后说明及补救措施", 3000),
  /**
   * GZ-2.2.6–2.2.10, DG-6.5–6.8: what was done for each configured duty (the platforms, workshops,
   * cases, firms, training sessions or events by name and date), beside its count; optional.
   */
  dutyNotes: z.partialRecord(dutyMetricSchema, optionalText("职责完成情况说明", MAX_DUTY_NOTE)).optional(),
  documentIds: z.array(idOf("附件编号")).max(50, "附件不能超过 50 份").default([]),
  submittedOn: isoDate("提交日期").optional(),
  late: z.boolean().default(false),
  returnedCount: count("退回次数").default(0),
  reviewComment: optionalText("审核意见"),
  // Written by the client with every save (firestore.rules: its own uid and the request time),
  // so updatedAt is the verified moment of submission.
  updatedBy: idOf("填报人编号").optional(),
  updatedAt: instant("保存时间").optional(),
  /** GZ-4.4a.2: submitted with required content missing (recorded, staff decide). */
  incomplete: z.boolean().default(false),
  missingFields: z.array(text("缺少的内容", 100)).default([]),
  /** Staff's reasons per field when returning (GZ-3.4.1). */
  reviewReasons: z.array(z.object({ field: text("字段", 100), reason: text("退回理由", 1000) })).default([]),
  reviewedBy: actorSchema.optional(),
  reviewedAt: instant("审核时间").optional(),
  /** Why the last submission was not taken (period closed, resubmission after the deadline). */
  lastRefusal: optionalText("最近一次提交未被受理的原因"),
});
export type Report = z.infer<typeof reportSchema>;

export const judgedScoreSchema = z.object({
  partId: idOf("评分项"),
  score: z.number({ error: "评分必须是数字" }).min(0, "评分不能为负数"),
  methods: z.array(judgedMethodSchema).min(1, "请至少注明一种评价方式（问卷调查、电话访谈、实地走访、项目抽查）"),
  note: optionalText("评价说明"),
  evidenceDocumentIds: z.array(idOf("评价材料编号")).default([]),
  by: actorSchema,
});
export type JudgedScore = z.infer<typeof judgedScoreSchema>;

export const dimensionScoreSchema = z.object({
  id: idOf("评分维度"),
  label: text("维度名称", 50),
  weight: z.number().min(0),
  score: z.number().min(0),
  explanation: text("计分说明", 1000),
});

/** GZ-3.3 / DG-8 evaluation; final only when approved (GZ-3.4.2). */
export const evaluationSchema = z.object({
  unitId: idOf("牵引单位编号"),
  periodId: periodIdField,
  state: enumOf("评价状态", evaluationStates),
  dimensions: z.array(dimensionScoreSchema),
  judged: z.array(judgedScoreSchema).default([]),
  total: z.number().min(0).max(100),
  band: text("等级", 20),
  passed: z.boolean(),
  participated: z.boolean().default(true),
  rank: z.number().int().positive().optional(),
  /**
   * DG-9.2: how much of the task book the unit completed (taskBookCompletion.ts), with its workings;
   * percent null when the task book sets no target. What a pack ranking on completion ranks by.
   */
  completion: z.object({ percent: z.number().min(0).max(100).nullable(), explanation: text("完成情况说明", 1000) }).optional(),
  approvedBy: actorSchema.optional(),
  approvedAt: instant("审定时间").optional(),
  /** How the report was delivered, as scored (GZ-3.4.1): onTime / late / incomplete / missing. */
  reporting: enumOf("报送情况", ["onTime", "late", "incomplete", "missing"] as const).optional(),
  /** Judged parts still unscored: approval waits for them (GZ-3.4.2). */
  missingJudged: z.array(text("待评分项", 100)).default([]),
  /** What the automatic scores were computed from, so staff scores recompute without re-reading the report. */
  inputs: z
    .object({
      targets: metricValuesSchema,
      actuals: metricValuesSchema,
      complaints: z.object({ received: count("投诉数"), closed: count("办结数") }),
    })
    .optional(),
  computedAt: instant("计算时间").optional(),
});
export type Evaluation = z.infer<typeof evaluationSchema>;

/**
 * Per-period ranking summary: the value ranked on (the pack's basis: total or task-book completion
 * %, in hundredths) → number of units with it. `finalAt` is set when the ranking became final
 * (period closed and every evaluation approved); until then the ranking is provisional.
 */
export const rankingSummarySchema = z.object({
  periodId: periodIdField,
  counts: z.record(z.string().regex(/^\d+$/), z.number().int().min(0)),
  finalAt: instant("排名确定时间").optional(),
});
export type RankingSummary = z.infer<typeof rankingSummarySchema>;

/** DG-9.2: interview / supervision record for a low-ranked unit. */
export const interviewSchema = z.object({
  unitId: idOf("牵引单位编号"),
  periodId: periodIdField,
  rank: z.number().int().positive(),
  heldOn: isoDate("约谈日期"),
  kind: enumOf("方式", ["interview", "supervision"] as const),
  notes: text("约谈记录", 3000),
  by: actorSchema,
});
export type Interview = z.infer<typeof interviewSchema>;

/** DG-5.7: annual awards (optional, recorded). */
export const awardSchema = z.object({
  year: z.number().int().min(2000).max(2100),
  kind: enumOf("评选类别", ["excellentUnit", "excellentProvider", "excellentProduct"] as const),
  subjectId: idOf("获评对象编号"),
  subjectName: text("获评对象名称", 200),
  decidedOn: isoDate("评选日期"),
  by: actorSchema,
});
export type Award = z.infer<typeof awardSchema>;
