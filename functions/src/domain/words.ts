// The one word catalogue: what every state, kind, ground, choice and decision of the domain is
// called in Chinese. Functions (notifications, refusal details, workbooks) and the web (tables,
// forms, buttons) read these words from here, so a state is called the same everywhere.
// Refusals are not words: they live in errors.ts. Page-only text (captions, help) lives with the
// page (web/src/shared/strings.ts).
//
// Pure: the domain only (ground wording comes from the policy packs).
import type { AwardKind } from "./awards.js";
import type { ClearOutEvent } from "./clearOut.machine.js";
import type { SurveyLinkState } from "./feedback.js";
import type { JobName } from "./jobs.js";
import type { CriticismEvent } from "./criticism.machine.js";
import type { PublishedListKind } from "./listDiff.js";
import type { PartnerRemovalEvent } from "./partnerRemoval.machine.js";
import { pendingDeadlineText } from "./holidayArrangement.js";
import { policyPacks } from "./policy/index.js";
import type { Cadence, ChangeType, DocumentKind, JudgedMethod, MetricKey, PolicyPack, RankingBasis, ReviewBatch } from "./policy/schema.js";
import type { ProceedingKind } from "./proceedings.js";
import type { ReportingStatus } from "./scoring.js";
import type {
  AcceptanceState,
  AnnouncementOutcome,
  CalendarFeedState,
  CatalogueState,
  CircularOutcomeKind,
  ChangeState,
  ClearOutState,
  CriticismState,
  EvaluationState,
  NoticeState,
  ObjectionState,
  PartnerRemovalState,
  PartnerState,
  PeriodState,
  ReportState,
  UnitState,
} from "./states.js";

/**
 * Every lifecycle state of every machine, per machine: the same key can mean different things in
 * two machines (`dismissed` is a proceeding not opened, or an objection not upheld).
 */
export const stateWords = {
  /** GZ-1.2. */
  unit: { listed: "在册", criticised: "通报批评", rectifying: "整改中", clearOutProposed: "拟清退", clearedOut: "已清退", qualificationCancelled: "已取消牵引单位资格", withdrawn: "已退出" },
  report: { draft: "草稿", submitted: "已提交，待审核", returned: "已退回，请修改后重新提交", accepted: "已通过审核" },
  change: { draft: "草稿", submitted: "已提交", returned: "已退回", rejected: "不予通过", approved: "审核通过", inNotice: "公示中", published: "已发布", withdrawn: "已撤回" },
  notice: { scheduled: "待公示", open: "公示中", closed: "公示结束" },
  objection: { pending: "待处理", upheld: "异议成立", dismissed: "异议不成立", notAdmitted: "不予受理" },
  criticism: {
    proposed: "待决定",
    dismissed: "已不予立案",
    issued: "已通报批评、整改中",
    responded: "已提交整改报告",
    accepted: "整改已通过",
    overdue: "整改逾期，待决定",
    qualificationCancelled: "已取消牵引单位资格",
    escalated: "已转清退",
  },
  clearOut: {
    proposed: "待决定",
    dismissed: "已不予立案",
    confirmed: "局务会已确认",
    // Reached only when the bureau meeting declines to confirm (GZ-4.4b.9); nothing was revoked.
    dropped: "局务会未确认",
    effective: "清退已生效",
    announced: "清退已公告",
  },
  partnerRemoval: { proposed: "待决定", dismissed: "已不予立案", ordered: "已责令取消合作", removed: "已取消合作" },
  evaluation: { draft: "待审定", approved: "已审定" },
  period: { open: "报送中", closing: "关账中", closed: "已关账" },
  partner: { pending: "待公示", active: "在册", removalOrdered: "已责令取消合作", removed: "已取消合作", suspended: "暂停" },
  catalogue: { pending: "待审定", approved: "已审定", rejected: "未通过", suspended: "暂停", withdrawn: "已撤回" },
  acceptance: { pending: "待验收", passed: "验收通过", failed: "验收未通过" },
  complaint: { open: "处理中", closed: "已办结" },
  calendarFeed: { active: "使用中", revoked: "已停用" },
} as const satisfies {
  unit: Record<UnitState, string>;
  report: Record<ReportState, string>;
  change: Record<ChangeState, string>;
  notice: Record<NoticeState, string>;
  objection: Record<ObjectionState, string>;
  criticism: Record<CriticismState, string>;
  clearOut: Record<ClearOutState, string>;
  partnerRemoval: Record<PartnerRemovalState, string>;
  evaluation: Record<EvaluationState, string>;
  period: Record<PeriodState, string>;
  partner: Record<PartnerState, string>;
  catalogue: Record<CatalogueState, string>;
  acceptance: Record<AcceptanceState, string>;
  complaint: Record<"open" | "closed", string>;
  calendarFeed: Record<CalendarFeedState, string>;
};

export type StateMachineName = keyof typeof stateWords;

/** What has already become of a decided objection, as a refusal names it ("该异议已认定成立"). */
export const objectionOutcomeWords = { upheld: "认定成立", dismissed: "认定不成立", notAdmitted: "不予受理" } as const satisfies Record<Exclude<ObjectionState, "pending">, string>;

/** The word for a stored state; the state itself when it is not one the machine knows (old data). */
export function stateWord<M extends StateMachineName>(machine: M, state: string): string {
  return (stateWords[machine] as Record<string, string>)[state] ?? state;
}

/** Criticism (GZ-4.4a), clear-out (GZ-4.4b / DG-10), partner removal (DG-16). */
export const proceedingKindWords = { criticism: "通报批评", clearOut: "清退", partnerRemoval: "取消合作伙伴" } as const satisfies Record<ProceedingKind, string>;

export type ProceedingEventType = CriticismEvent["type"] | ClearOutEvent["type"] | PartnerRemovalEvent["type"];

/** What each step of a proceeding is called: the button that takes it, the audit line that records it. */
export const proceedingEventWords = {
  issue: "通报批评并责令整改",
  dismiss: "不予立案",
  acceptResponse: "整改通过",
  returnResponse: "退回整改报告",
  extend: "延长整改期限",
  cancelQualification: "取消牵引单位资格",
  escalate: "转为清退",
  markOverdue: "标记逾期",
  respond: "登记整改报告",
  recordBureauMeeting: "登记局务会审议",
  takeEffect: "清退生效",
  announce: "发布公告",
  order: "责令取消合作",
  confirmRemoved: "确认已取消合作",
} as const satisfies Record<ProceedingEventType, string>;

/** Who raised a proceeding: the system from facts (grounds.ts), or staff by hand. */
export const proceedingSourceWords = { automatic: "系统提出", manual: "人工立案" } as const;

/** What a public announcement says became of the unit (GZ-4.5 / DG-11 clear-out, GZ-4.3b cancellation). */
export const announcementOutcomeWords = {
  clearOut: "予以清退，不得重新申请纳入",
  qualificationCancelled: "取消牵引单位资格",
} as const satisfies Record<AnnouncementOutcome, string>;

/** What an announcement is called, by what it announces. */
export const announcementKindWords = { clearOut: "清退公告", qualificationCancelled: "取消牵引单位资格公告" } as const satisfies Record<AnnouncementOutcome, string>;

/** GZ-4.4b.9: what the bureau meeting decided. */
export const bureauMeetingDecisionWords = { confirmed: "审议确认", rejected: "不予确认" } as const;

/** The regulation's own wording of every ground, from each city's pack (GZ-4.5 / DG-11 announcements name the reason). */
export const groundWords: Readonly<Record<string, string>> = Object.assign({}, ...Object.values(policyPacks).map((p) => p.groundWords));

/** The regulation's words for a ground; the clause ID itself when it has none here. */
export const groundWord = (ground: string): string => groundWords[ground] ?? ground;

/**
 * A ground as a picker or a table shows it: the clause ID and the regulation's short wording, both
 * from the programme's own pack (issue 15.3), e.g. "GZ-4.4b.3 累计两次绩效评价不达标".
 */
export const groundLabel = (pack: Pick<PolicyPack, "groundWords">, ground: string): string => {
  const words = pack.groundWords[ground];
  return words ? `${ground} ${words}` : ground;
};

/** The options of a ground picker: the pack's grounds, each with its wording. */
export const groundOptions = (pack: Pick<PolicyPack, "groundWords">, grounds: readonly string[]): { value: string; label: string }[] =>
  grounds.map((g) => ({ value: g, label: groundLabel(pack, g) }));

/** DG-16: why a partner list version was published without a change application (the version's basis). */
export const partnerRemovalBasis = (partnerName: string, ground: string): string => `取消合作伙伴：${partnerName}（${ground}：${groundWord(ground)}）`;

/**
 * GZ-4.3b: why a qualification was cancelled, as the announcement and the unit's notice state it —
 * the criticism's ground, the rectification not completed in time, and staff's stated facts.
 */
export const cancellationReason = (criticismGround: string, facts: string): string =>
  `通报批评（${groundWord(criticismGround)}）责令的整改未在规定时间内完成：${facts}`;

/** GZ-4.4a.0: what became of a circulated criticism's rectification (GZ-4.3b decides the overdue ones). */
export const circularOutcomeWords = {
  rectified: "整改完成",
  extended: "继续整改",
  qualificationCancelled: "取消牵引单位资格",
  escalated: "转入清退",
} as const satisfies Record<CircularOutcomeKind, string>;

/** One decision on a circulated criticism, in words: 继续整改 names the new deadline. */
export const circularOutcomeWord = (o: { kind: CircularOutcomeKind; extendedTo?: string }): string =>
  o.kind === "extended" && o.extendedTo ? `${circularOutcomeWords.extended}（延期至${dateWord(o.extendedTo)}）` : circularOutcomeWords[o.kind];

/** GZ-4.6, DG-13, DG-14. */
export const changeTypeWords = { unitInfo: "单位信息变更", partnerAdd: "新增合作伙伴", partnerRemove: "取消合作伙伴", catalogue: "产品和服务目录变更" } as const satisfies Record<ChangeType, string>;

/** GZ-4.4a.4: the five fields whose change must be reported. */
export const unitInfoFieldWords = { name: "名称", address: "住所", legalRepresentative: "法定代表人", businessScope: "经营范围", registeredCapital: "注册资本" } as const;

export const catalogueActionWords = { add: "新增", modify: "修改", remove: "下架" } as const;

/** How staff decide a submitted report (GZ-3.4.1) and a change application (GZ-4.6.2). */
export const reviewDecisionWords = {
  report: { accept: "通过", return: "退回" },
  change: { approve: "通过", return: "退回补正", reject: "不予通过" },
} as const;

/**
 * What an audit entry records (GZ-2.1), as the trail shows it; an action not named here is shown
 * as it is stored.
 */
export const auditActionWords: Readonly<Record<string, string>> = {
  "report.created": "开始填报",
  "report.refused": "报告未被受理",
  "report.submitted": "提交报告",
  "report.resubmitted": "修改后重新提交",
  "report.submissionRefused": "提交未被受理",
  "report.accepted": "审核通过",
  "report.returned": "退回",
  "report.remindersSent": "发送报送提醒",
  "evaluation.computed": "计算评价草稿",
  "evaluation.approved": "审定评价",
  "document.downloaded": "下载材料",
  "unit.listed": "列入名单",
  "unit.status": "单位状态变更",
  "unit.created": "新增单位",
  "unit.changed": "单位信息变更生效",
  "partner.created": "新增合作伙伴生效",
  "partner.changed": "合作伙伴变更生效",
  "catalogueItem.created": "新增目录条目生效",
  "catalogueItem.changed": "目录条目变更生效",
  "change.submitted": "提交变更申请",
  "change.approve": "通过变更申请",
  "change.return": "退回补正",
  "change.reject": "不予通过",
};
export const auditActionWord = (action: string): string => auditActionWords[action] ?? action;

/** GZ-4.8: what a unit reports in advance, and about whom. */
export const advanceNoticeKindWords = { rename: "更名", reorganisation: "重组", restructuring: "改制", other: "其他重大调整" } as const;
export const advanceNoticeSubjectWords = { unit: "本单位", partner: "合作伙伴" } as const;

export const documentKindWords = {
  businessLicence: "营业执照",
  legalRepIdCopy: "法定代表人身份证复印件",
  auditReport: "上年度财务审计报告",
  stampedFinancialStatements: "加盖公章的财务报表",
  creditChinaReport: "“信用中国”查询报告关键页",
  localServiceTeamList: "本地服务团队名单",
  socialSecurityProof: "社保证明",
  changeApplicationLetter: "变更申请书",
  diagnosisReport: "诊断报告",
  rectificationReport: "整改报告",
  meetingMinutes: "局务会会议纪要",
  unitExitRequest: "自行要求退出的申请",
  evidence: "依据材料",
  decisionDocument: "决定文书",
  other: "其他材料",
} as const satisfies Record<DocumentKind, string>;

/** Task-book metrics (GZ-3.2, DG-7) as the evaluation explains them. */
export const metricWords = {
  enterprisesTransformed: "完成改造企业",
  cloudEnterprises: "上云用云企业",
  level2Share: "达到数字化二级及以上比例",
  platforms: "平台建设",
  solutions: "“小快轻准”解决方案",
  typicalCases: "典型案例",
  diagnoses: "咨询诊断",
  digitalWorkshops: "数字化车间、智能工厂",
  specialisedFirms: "专精特新企业、特色产业集群",
  talentTraining: "数字化人才培训",
  promotionEvents: "供需对接、产业交流活动",
  reporting: "按时完整报送",
  complaintsClosed: "投诉办结",
} as const satisfies Record<MetricKey, string>;

/** A share kept as a 0–1 fraction, as people read it: a percentage to one decimal (0.35 → 35%, 0.125 → 12.5%). */
export const percentWord = (fraction: number): string => `${Math.round(fraction * 1000) / 10}%`;

/** A metric's value in words: a share (0–1) as a percentage, a count to two places at most; "—" when not reported. */
export function metricValueWord(metric: MetricKey, value: number | undefined): string {
  if (value === undefined) return "—";
  if (metric === "level2Share") return percentWord(value);
  return String(Math.round(value * 100) / 100);
}

/** How a staff-judged part was evaluated (GZ-3.3). */
export const judgedMethodWords = { questionnaire: "问卷调查", phone: "电话访谈", siteVisit: "实地走访", spotCheck: "项目抽查" } as const satisfies Record<JudgedMethod, string>;

/** How the period's report was delivered (GZ-3.4.1 / DG-9.1). */
export const reportingWords = { onTime: "按时完整", late: "逾期", incomplete: "不完整", missing: "未报送" } as const satisfies Record<ReportingStatus, string>;

/** Whether an evaluation reached the pass mark; the band itself is the pack's own label (优秀, 合格…). */
export const evaluationOutcomeWords = { passed: "达标", failed: "不达标" } as const;
/** The candidacies a result raises (what-if, GZ-3.4.2): clear-out for a cumulative failure, interview for the lowest-ranked. */
export const candidacyWords = { clearOut: "清退候选", interview: "约谈候选", none: "无" } as const;

export const cadenceWords = { quarterly: "季度", halfYearly: "半年度", annual: "年度" } as const satisfies Record<Cadence, string>;

/** The fields of a record as an audit entry keeps them, in Chinese (the registry's 审计记录). */
export const recordFieldWords: Record<string, string> = {
  name: "名称",
  uscc: "统一社会信用代码",
  status: "状态",
  state: "状态",
  listedOn: "纳入名单日期",
  batch: "批次",
  address: "住所",
  legalRepresentative: "法定代表人",
  businessScope: "经营范围",
  registeredCapital: "注册资本",
  since: "加入日期",
  category: "类别",
  priceMin: "最低价格（元）",
  priceMax: "最高价格（元）",
  reason: "原因",
  ground: "依据",
  version: "版本",
};

/** What kind of record a stored document is, by its collection (for staff reading a job's problem list). */
export const recordWords: Record<string, string> = {
  units: "牵引单位",
  partners: "合作伙伴",
  catalogue: "产品和服务目录条目",
  enterprises: "试点企业",
  taskBooks: "绩效任务书",
  periods: "期次",
  reports: "绩效报告",
  evaluations: "绩效评价",
  changes: "变更申请",
  advanceNotices: "重大调整事前报告",
  proceedings: "批评与清退程序",
  notices: "公示",
  notifications: "通知",
  documents: "材料",
  ratings: "满意度评价",
};

/** The jobs and triggers that act on stored documents (jobProblems). */
export const jobWords = {
  periodClose: "期次关账",
  deadlineSweep: "期限检查",
  noticeCycle: "公示处理",
  onReportWritten: "报告提交受理",
  onReportCreated: "报告创建记录",
  sweepOrphanFiles: "孤立文件清理",
  onNotificationCreated: "邮件提醒排队",
} as const satisfies Record<JobName, string>;

/** How change applications are batched for review (GZ-4.7 定期, DG-15 每年). */
export const reviewBatchWords = { monthly: "每月", quarterly: "每季度", halfYearly: "每半年", annual: "每年" } as const satisfies Record<ReviewBatch, string>;

/** Units of a length (notice period, rectification deadline). */
export const deadlineUnitWords = { calendarDays: "自然日", workingDays: "工作日" } as const;

/** DG-9.2. */
export const interviewKindWords = { interview: "约谈", supervision: "督导" } as const;

/** DG-5.7: the award, and what kind of record it is given to. */
export const awardKindWords = { excellentUnit: "优秀牵引单位", excellentProvider: "优秀服务商", excellentProduct: "优秀产品" } as const satisfies Record<AwardKind, string>;
export const awardSubjectWords = { excellentUnit: "牵引单位", excellentProvider: "服务商（合作伙伴）", excellentProduct: "产品或服务" } as const satisfies Record<AwardKind, string>;

/** GZ-3.3, DG-16.3: a pilot enterprise's satisfaction rating. */
export const ratingWords = { satisfied: "满意", basicallySatisfied: "基本满意", dissatisfied: "不满意" } as const;

/** A rating link as staff see it in the table of links issued (GZ-3.3, DG-16.3). */
export const surveyLinkStateWords = { valid: "未使用", used: "已评价", expired: "已过期", invalid: "无效" } as const satisfies Record<SurveyLinkState, string>;

/** A mean rating on the 3-point scale of feedback.ts RATING_POINTS, one decimal everywhere. */
export const ratingAverageWord = (average: number | null): string => (average === null ? "—" : `${average.toFixed(1)} / 3`);

/** Published lists (GZ-4.6.3, DG-13, DG-14). */
export const listKindWords = { partners: "合作伙伴名单", catalogue: "产品和服务目录", unitChanges: "单位变更名单" } as const satisfies Record<PublishedListKind, string>;

/** Who acted (audit entries, GZ-2.1), and the roles staff are granted. */
export const roleWords = { staff: "工作人员", unitMember: "牵引单位成员", public: "公众", enterprise: "试点企业", system: "系统" } as const;

/** A pilot enterprise's diagnosis (GZ-2.2.4 / DG-6.3). */
export const diagnosisWords = { done: "已诊断", notDone: "未诊断" } as const;

/** The records of the domain, as their fields and columns name them. */
export const nouns = {
  appName: "数字化转型牵引单位管理系统",
  unit: "牵引单位",
  partner: "合作伙伴",
  catalogue: "产品和服务目录",
  catalogueItem: "产品或服务",
  enterprise: "试点企业",
  uscc: "统一社会信用代码",
  unitName: "单位名称",
  ground: "依据条款",
  evidence: "事实依据",
  rectificationDeadline: "整改期限",
  bureauMeeting: "局务会",
  period: "期次",
  band: "等级",
  total: "总分",
  rank: "名次",
  state: "状态",
  listedOn: "列入名单日期",
  batch: "批次",
  category: "类别",
  priceRange: "价格区间",
} as const;

/** What a period's ranking is on (the pack's `ranking.basis`; DG-9.2 ranks on task-book completion). */
export const rankingBasisWords: Record<RankingBasis, string> = { total: "总分", taskBookCompletion: "任务书完成率" };

/** A task-book completion as shown beside the total: `83.33%`, or why there is none. */
export const completionWords = (c: { percent: number | null } | undefined) => (c === undefined ? "—" : c.percent === null ? "任务书未设目标" : `${c.percent.toFixed(2)}%`);

/**
 * DG-8 / DG-9.2: whether the period's ranking (and its 排名落后 list) is final. It is 暂定 while
 * any evaluation of the period awaits approval or reports may still come, and 最终 once the
 * period is closed and every evaluation approved.
 */
export function rankingMarkWords(s: { final: boolean; unapproved: number; periodClosed: boolean }): { mark: "暂定" | "最终"; reason: string } {
  if (s.final) return { mark: "最终", reason: "本期评价已全部审定，排名已确定" };
  const reasons = [s.unapproved > 0 ? `尚有 ${s.unapproved} 份评价未审定` : "", s.periodClosed ? "" : "本期尚未关账"].filter(Boolean);
  return { mark: "暂定", reason: reasons.length > 0 ? reasons.join("，") : "待确定" };
}

const QUARTER_WORDS = ["第一季度", "第二季度", "第三季度", "第四季度"] as const;

/**
 * A period as people say it: `2026-Q4` → 2026年第四季度, `2026-H1` → 2026年上半年, `2026` →
 * 2026年度. An id that is none of these is returned as it is (old or foreign data stays readable).
 */
export function periodWord(periodId: string): string {
  const quarter = /^(\d{4})-Q([1-4])$/.exec(periodId);
  if (quarter) return `${quarter[1]}年${QUARTER_WORDS[Number(quarter[2]) - 1]}`;
  const half = /^(\d{4})-H([12])$/.exec(periodId);
  if (half) return `${half[1]}年${half[2] === "1" ? "上半年" : "下半年"}`;
  return /^\d{4}$/.test(periodId) ? `${periodId}年度` : periodId;
}

/**
 * A period's report deadline as pages and messages say it: the date in words, or — while the
 * deadline's year has no holiday arrangement — that it waits for one (never a guessed date).
 */
export function deadlineWord(period: { reportDeadline?: string; deadlinePendingYear?: number }): string {
  if (period.reportDeadline) return dateWord(period.reportDeadline);
  return pendingDeadlineText(period.deadlinePendingYear ?? 0);
}

/** A calendar date as people write it: `2026-11-27` → 2026年11月27日; anything else as it is. */
export function dateWord(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${m[1]}年${Number(m[2])}月${Number(m[3])}日` : iso;
}
