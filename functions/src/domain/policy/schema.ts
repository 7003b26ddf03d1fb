// A policy pack is one city's rules as data. A new city is a new pack file, not new code.
// Fields marked "configuration" are choices the regulation leaves to the programme.
import { z } from "zod";
import { refuse, type Refusal } from "../errors.js";
import { CLAUSE_ID_PATTERN } from "../schemas/common.js";

export const cadenceSchema = z.enum(["quarterly", "halfYearly", "annual"], { error: "报送周期必须为 quarterly（季度）、halfYearly（半年）或 annual（年度）" });
export type Cadence = z.infer<typeof cadenceSchema>;

export const deadlineUnitSchema = z.enum(["calendarDays", "workingDays"], { error: "期限单位必须为 calendarDays（自然日）或 workingDays（工作日）" });

/** A length with its unit, stored explicitly so "5天" is never read two ways. */
export const periodLengthSchema = z.object({
  length: z.number({ error: "期限长度必须是数字" }).int("期限长度必须是整数").min(0, "期限长度不能为负"),
  unit: deadlineUnitSchema,
});
export type PeriodLength = z.infer<typeof periodLengthSchema>;

export const documentKindSchema = z.enum(
  [
    "businessLicence", // 营业执照
    "legalRepIdCopy", // 法定代表人身份证复印件
    "auditReport", // 上年度财务审计报告
    "stampedFinancialStatements", // 加盖公章的财务报表
    "creditChinaReport", // “信用中国”查询报告关键页
    "localServiceTeamList", // 本地服务团队名单
    "socialSecurityProof", // 社保证明
    "changeApplicationLetter", // 变更申请书
    "diagnosisReport", // 诊断报告
    "rectificationReport", // 整改报告
    "meetingMinutes", // 局务会会议纪要
    "unitExitRequest", // 自行要求退出的申请
    "evidence", // 其他依据材料
    "other",
  ],
  { error: "材料类型无效" },
);
export type DocumentKind = z.infer<typeof documentKindSchema>;

export const changeTypeSchema = z.enum(["unitInfo", "partnerAdd", "partnerRemove", "catalogue"], { error: "变更类型无效" });
export type ChangeType = z.infer<typeof changeTypeSchema>;

/** How change applications are batched for review; a half-yearly batch follows `2026-H1` periods. */
export const reviewBatchSchema = z.enum(["monthly", "quarterly", "halfYearly", "annual"], { error: "变更审核批次必须为每月、每季度、每半年或每年" });
export type ReviewBatch = z.infer<typeof reviewBatchSchema>;

/** One required document slot; any of the listed kinds satisfies it. */
export const documentRequirementSchema = z.object({
  anyOf: z.array(documentKindSchema).min(1, "至少列出一种材料类型"),
  label: z.string().min(1, "请填写材料名称"),
  mustBeStamped: z.boolean().default(false),
  /** Maximum age in calendar days of the document's issue date at submission (e.g. credit report). */
  maxAgeDays: z.number().int().positive().optional(),
  clause: z.string().min(1),
});
export type DocumentRequirement = z.infer<typeof documentRequirementSchema>;

export const metricKeySchema = z.enum(
  [
    "enterprisesTransformed", // 完成改造试点企业数量 (GZ-3.3, DG-7)
    "cloudEnterprises", // 上云用云中小企业数量 (DG-7)
    "level2Share", // 改造后达到数字化水平二级及以上的比例 (GZ-2.2.5, DG-6.4)
    "platforms", // 数字化转型平台建设 (DG-7; duty GZ-2.2.6, DG-6.5)
    "solutions", // “小快轻准”解决方案数量 (DG-7)
    "typicalCases", // 转型典型案例 (DG-7; duty GZ-2.2.8, DG-6.6)
    "digitalWorkshops", // 协助建设的数字化车间、智能工厂 (duty GZ-2.2.7)
    "specialisedFirms", // 协助培育的专精特新企业、特色产业集群 (duty GZ-2.2.9)
    "talentTraining", // 数字化人才培训 (duty GZ-2.2.10, DG-6.7)
    "promotionEvents", // 供需对接、产业交流等促进活动 (duty GZ-2.2.10, DG-6.8)
    "diagnoses", // 咨询诊断 (DG-7, GZ-2.2.4)
    "reporting", // 按时、完整报送 (GZ-3.4.1, DG-9.1)
    "complaintsClosed", // 投诉办结 (GZ-4.4a.1)
  ],
  { error: "指标无效" },
);
export type MetricKey = z.infer<typeof metricKeySchema>;

/**
 * The optional duties of a unit that a task book may carry as a count (GZ-2.2.6–2.2.10,
 * DG-6.5–6.8): scored, and asked in the report, only when the period's scoring model has a part
 * for them (domain/duties.ts). Each pack maps its own duty clauses to these keys (`duties`).
 */
export const dutyMetricSchema = z.enum(["platforms", "digitalWorkshops", "typicalCases", "specialisedFirms", "talentTraining", "promotionEvents"], { error: "职责指标无效" });
export type DutyMetric = z.infer<typeof dutyMetricSchema>;

export const judgedMethodSchema = z.enum(["questionnaire", "phone", "siteVisit", "spotCheck"], { error: "评价方式必须为问卷调查、电话访谈、实地走访或项目抽查" });
export type JudgedMethod = z.infer<typeof judgedMethodSchema>;

export const scoringPartSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("metric"), metric: metricKeySchema, points: z.number().positive() }),
  z.object({ kind: z.literal("judged"), id: z.string().min(1), label: z.string().min(1), points: z.number().positive() }),
]);
export type ScoringPart = z.infer<typeof scoringPartSchema>;

export const scoringDimensionSchema = z
  .object({
    id: z.string().min(1),
    label: z.string().min(1),
    weight: z.number().positive(),
    parts: z.array(scoringPartSchema).min(1),
  })
  .refine((d) => Math.abs(d.parts.reduce((s, p) => s + p.points, 0) - d.weight) < 1e-9, {
    message: "评分维度各组成部分分值之和必须等于该维度权重",
  });
export type ScoringDimension = z.infer<typeof scoringDimensionSchema>;

export const bandSchema = z.object({ label: z.string().min(1), min: z.number().min(0).max(100) });

export const scoringModelSchema = z
  .object({
    dimensions: z.array(scoringDimensionSchema).min(1),
    /** Bands from the top; a score belongs to the first band whose `min` it reaches. */
    bands: z.array(bandSchema).min(1),
    passMark: z.number().min(0).max(100),
  })
  .refine((m) => Math.abs(m.dimensions.reduce((s, d) => s + d.weight, 0) - 100) < 1e-9, { message: "各评分维度权重之和必须为 100" })
  .refine((m) => m.bands.every((b, i) => i === 0 || b.min < (m.bands[i - 1]?.min ?? Infinity)), { message: "等级须按分数线从高到低排列" })
  .refine((m) => m.bands.some((b) => b.min === 0), { message: "须有一个分数线为 0 的最低等级" });
export type ScoringModel = z.infer<typeof scoringModelSchema>;

const clauseId = z.string().regex(CLAUSE_ID_PATTERN, "条款编号格式无效");

export const policyPackSchema = z.object({
  id: z.string().min(1, "政策包编号不能为空"),
  /**
   * A fictional city kept to prove the system is generic (tests only): a programme under it is
   * refused everywhere except on the emulators (store/programmeContext.ts).
   */
  testOnly: z.boolean().default(false),
  city: z.string().min(1),
  name: z.string().min(1),
  cadence: cadenceSchema,
  /** Report due date, counted from the period's last day (configuration). */
  reportDeadline: periodLengthSchema,
  /**
   * How long after the report deadline the period's evaluation closes. Between the two a report
   * is still accepted (recorded late: 资料报送不及时, a criticism ground); only a unit with no
   * submitted report at the evaluation close did not take part (未按规定参加绩效评价, a clear-out ground).
   */
  evaluationWindow: periodLengthSchema,
  /** Public-notice length and unit (DG-14: 5 days). */
  notice: periodLengthSchema,
  /** What the regulation calls the change notice (GZ-4.6.3 名单公示, DG-14 变更公示); the start date follows it. */
  changeNoticeTitle: z.string().min(1).max(60),
  /** What the regulation calls the body that runs the programme (GZ-2.1 工作小组, DG-5.3 工作专班): pages and messages use it. */
  workGroupName: z.string().min(2).max(20),
  /** GZ-4.8: filing at least this many working days before a rename / restructuring. */
  advanceNoticeWorkingDays: z.number().int().min(0).nullable(),
  /** A major change must be reported within this period after it happens (GZ-4.4a.4; configuration). */
  majorChangeReportWithin: periodLengthSchema.nullable(),
  /** Default rectification deadline when staff do not set one (configuration). */
  rectification: periodLengthSchema,
  thresholds: z.object({
    failedEvaluations: z.number().int().positive(),
    unresolvedComplaints: z.number().int().positive(),
    dissatisfiedRatings: z.number().int().positive(),
    /** Progress below this fraction of the pro-rata target counts as lagging (GZ-4.4a.3). */
    progressLagFraction: z.number().min(0).max(1),
  }),
  requiredDocuments: z.record(changeTypeSchema, z.array(documentRequirementSchema)),
  /** The regulation's wording of each ground it names (clause ID → words). */
  groundWords: z.record(clauseId, z.string().min(1).max(200)),
  /** Grounds where the subject asked to leave: its own written request is the evidence (GZ-4.4b.1, DG-10.1, DG-16.1). */
  ownRequestGrounds: z.array(clauseId),
  /** Change types that go through a public notice before they are published. */
  noticeRequiredFor: z.array(changeTypeSchema),
  creditReportFreshnessDays: z.number().int().positive(),
  clearOut: z.object({
    /** Whether a bureau meeting confirms a clear-out: required (GZ-4.4b.9), optional (Dongguan), or no such procedure. */
    bureauMeeting: z.enum(["required", "optional", "none"]),
    grounds: z.array(clauseId).min(1),
    /** The clause requiring the public announcement after clear-out (GZ-4.5, DG-11). */
    announcementClause: clauseId,
  }),
  criticismGrounds: z.array(clauseId),
  partnerRemovalGrounds: z.array(clauseId),
  /**
   * What the period's ranking orders units by: the weighted total of the scoring model, or how much
   * of the task book they completed (DG-9.2 根据绩效任务书完成情况对牵引单位进行排名). The total is
   * shown beside either way. Fixed by the regulation, so not a settings-version value.
   */
  ranking: z.object({ basis: z.enum(["total", "taskBookCompletion"], { error: "排名依据必须为 total（总分）或 taskBookCompletion（任务书完成情况）" }) }).default({ basis: "total" }),
  /** How many of the lowest-ranked units are listed for interview (DG-9.2; configuration). */
  lowestRankedCount: z.number().int().min(0),
  /** How change applications are batched for review (GZ-4.7 periodically, DG-15 yearly). */
  reviewBatch: reviewBatchSchema,
  /**
   * What a change of the unit itself asks beyond its documents (DG-13): the new licence must be an
   * independent legal person registered locally (在莞独立法人: the USCC's division begins with this
   * prefix, or reviewers are warned), and the work group may refer it to the bureau meeting.
   */
  unitChange: z.object({
    localEntity: z.object({ divisionPrefix: z.string().regex(/^\d{2,6}$/), place: z.string().min(2).max(20) }).nullable(),
    bureauMeeting: z.enum(["optional", "none"]),
  }),
  /** Clause IDs this pack cites for each procedure, so messages and audit entries name the right rule. */
  clauses: z.object({
    /** Adding / annulling a listing (GZ-4.3a, DG-2). */
    listing: clauseId,
    /** The clause each kind of change application is filed under. */
    changeFiling: z.record(changeTypeSchema, clauseId),
    rectificationOverdue: clauseId.nullable(),
    /** Staff approval that makes an evaluation final (GZ-3.4.2). */
    evaluationApproval: clauseId,
    report: clauseId,
    evaluation: clauseId,
    ranking: clauseId.nullable(),
    missingReport: clauseId.nullable(),
    notInEvaluation: clauseId,
    failedEvaluations: clauseId,
    progressLag: clauseId.nullable(),
    failedAcceptance: clauseId.nullable(),
    unreportedChange: clauseId.nullable(),
    advanceNotice: clauseId.nullable(),
    changeReview: clauseId,
    changeNotice: clauseId,
    unitChange: clauseId,
    reviewBatches: clauseId,
    programmeEnd: clauseId,
    bureauMeeting: clauseId.nullable(),
    unresolvedComplaints: clauseId.nullable(),
    dissatisfiedRatings: clauseId.nullable(),
    /** The pilot-enterprise list the work group keeps (GZ-1.3, DG-3). */
    enterpriseList: clauseId,
    /** Annual awards (DG-5.7); null where the regulation has none. */
    awards: clauseId.nullable(),
    /** The work group's mandate: roles and records are kept under it (GZ-2.1; DG-5.3 in Dongguan). */
    workGroup: clauseId,
    /** Protection of enterprises' and units' sensitive files (GZ-2.2.13); null where the regulation has none. */
    documentAccess: clauseId.nullable(),
    /** A ground that needs the pilot-enterprise complaints it caused linked as evidence (GZ-4.4a.1). */
    complaintGround: clauseId.nullable(),
    /** 通报批评: an issued criticism is circulated to every unit and the public (GZ-4.4a.0); null where there is no criticism. */
    circulation: clauseId.nullable(),
  }),
  scoring: scoringModelSchema,
  /**
   * The unit duties the regulation lists that a task book may measure as a count (GZ-2.2.6–2.2.10,
   * DG-6.5–6.8), each clause with the metric(s) counting it: the work group may add these to the
   * scoring model in the settings (and no other duty metric); the report asks the ones it has.
   */
  duties: z.array(z.object({ clause: clauseId, metrics: z.array(dutyMetricSchema).min(1) })).default([]),
  /**
   * Settings the regulation itself fixes for this city, with the clause (e.g. DG-14's 5-day
   * notice): shown read-only, and a settings version that changes one is refused.
   */
  fixedSettings: z.partialRecord(z.enum(["scoring", "reportDeadline", "evaluationWindow", "notice", "rectification", "lowestRankedCount", "reviewBatch", "creditReportFreshnessDays"]), clauseId).default({}),
});
export type PolicyPack = z.infer<typeof policyPackSchema>;
export type RankingBasis = PolicyPack["ranking"]["basis"];
/** Alias under the name the issue uses. */
export const PolicyPack = policyPackSchema;

/**
 * A test-only pack (a fictional city that proves the system is generic) decides nothing on real
 * data: its programmes are refused unless the database is the emulator.
 */
export function testOnlyPackRefusal(pack: Pick<PolicyPack, "testOnly" | "name">, onEmulator: boolean): Refusal | undefined {
  return pack.testOnly && !onEmulator ? refuse("POLICY_PACK_TEST_ONLY", pack.name) : undefined;
}
