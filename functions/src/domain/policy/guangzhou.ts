// 广州市中小企业数字化转型城市试点数字化牵引单位管理工作规程（2024 年 12 月）— quarterly.
import { guangzhouScoring } from "./guangzhouScoring.js";
import { policyPackSchema, type PolicyPack } from "./schema.js";

export const guangzhou: PolicyPack = policyPackSchema.parse({
  id: "guangzhou",
  city: "广州",
  name: "广州市中小企业数字化转型城市试点数字化牵引单位管理工作规程",
  cadence: "quarterly", // GZ-3.3 每季度, GZ-3.4.1
  // Configuration, not in the regulation: reports are due 10 working days after the quarter ends.
  reportDeadline: { length: 10, unit: "workingDays" },
  // Configuration: the quarter's evaluation closes 10 working days after the report deadline.
  evaluationWindow: { length: 10, unit: "workingDays" },
  // Configuration: GZ-4.6.3 requires a notice but sets no length; 5 working days chosen.
  notice: { length: 5, unit: "workingDays" },
  changeNoticeTitle: "牵引单位产业生态联合体新增企业名单公示",
  workGroupName: "工作小组",
  advanceNoticeWorkingDays: 10, // GZ-4.8 办理相关手续前10个工作日
  // Configuration: GZ-4.4a.4 says "未及时报告"; 10 working days after the change is "in time".
  majorChangeReportWithin: { length: 10, unit: "workingDays" },
  // Configuration: GZ-4.4a says "限期整改" without a length; 20 working days unless staff set one.
  rectification: { length: 20, unit: "workingDays" },
  thresholds: {
    failedEvaluations: 2, // GZ-4.4b.3 累计两次绩效评价不达标
    unresolvedComplaints: 2, // not a GZ rule; kept equal to Dongguan for partner monitoring
    dissatisfiedRatings: 2,
    progressLagFraction: 1, // GZ-4.4a.3: any shortfall against the pro-rata target, unexplained
  },
  requiredDocuments: {
    // GZ-4.6.1 新增产业生态联合体企业备案材料
    partnerAdd: [
      { anyOf: ["businessLicence"], label: "营业执照", clause: "GZ-4.6.1" },
      { anyOf: ["legalRepIdCopy"], label: "法人身份证复印件", clause: "GZ-4.6.1" },
      { anyOf: ["auditReport", "stampedFinancialStatements"], label: "上年度财务审计报告或加盖公章的财务报表", clause: "GZ-4.6.1" },
      { anyOf: ["creditChinaReport"], label: "“信用中国”查询报告关键页", clause: "GZ-4.6.1" },
    ],
    // Configuration: GZ-4.4a.4 changes are evidenced by the new business licence.
    unitInfo: [{ anyOf: ["businessLicence"], label: "变更后的营业执照", clause: "GZ-4.4a.4" }],
    // GZ-4.6.1 asks materials of 新增 enterprises only: a removal (GZ-4.6.0) gives its reason, no documents.
    partnerRemove: [],
    catalogue: [],
  },
  /** The regulation's own wording of each ground (announcements, notifications and pages quote it). */
  groundWords: {
    "GZ-4.4a.1": "人员能力不足或团队配置不合理，诊断、改造服务不能满足企业需求，造成试点企业投诉",
    "GZ-4.4a.2": "资料报送不及时、不完整、不规范",
    "GZ-4.4a.3": "季度考核项目实施进度滞后，没有合理说明以及有效补救措施",
    "GZ-4.4a.4": "名称、住所、法定代表人、经营范围以及注册资本等内容发生重大变更，未及时报告说明",
    "GZ-4.4a.5": "违背诚信原则，不履行职责",
    "GZ-4.4a.6": "项目未通过验收",
    "GZ-4.4b.1": "牵引单位自行要求退出",
    "GZ-4.4b.2": "未按规定参加绩效评价",
    "GZ-4.4b.3": "累计两次绩效评价不达标",
    "GZ-4.4b.4": "牵引单位被依法终止",
    "GZ-4.4b.5": "伪造资料、弄虚作假",
    "GZ-4.4b.6": "泄露试点企业商业机密、核心技术或敏感信息",
    "GZ-4.4b.7": "有违国家级、省级试点工作通知精神，对数转工作造成不良影响，或以任何不正当理由收取中介费用、工作费用、咨询费用等",
    "GZ-4.4b.8": "其他不符合牵引单位要求的，或不适合继续担任牵引单位",
  },
  ownRequestGrounds: ["GZ-4.4b.1"],
  // GZ-4.6.3 "分批次将通过审核的……新增企业名单进行公示": only additions are noticed. A removal
  // (GZ-4.6.0 动态调整) approved in review (GZ-4.6.2) goes straight onto the next published list
  // version, without a notice.
  noticeRequiredFor: ["partnerAdd"],
  creditReportFreshnessDays: 30, // configuration
  clearOut: {
    bureauMeeting: "required", // GZ-4.4b.9 经市工业和信息化局局务会审议确认后进行清退
    grounds: ["GZ-4.4b.1", "GZ-4.4b.2", "GZ-4.4b.3", "GZ-4.4b.4", "GZ-4.4b.5", "GZ-4.4b.6", "GZ-4.4b.7", "GZ-4.4b.8"],
    announcementClause: "GZ-4.5",
  },
  criticismGrounds: ["GZ-4.4a.1", "GZ-4.4a.2", "GZ-4.4a.3", "GZ-4.4a.4", "GZ-4.4a.5", "GZ-4.4a.6"],
  partnerRemovalGrounds: [], // GZ has no partner-removal clause; partners leave by change application
  ranking: { basis: "total" }, // GZ-3.3 evaluates on several aspects (task-book completion one of them) into one result; no ranking rule, so the ranking is by the total
  lowestRankedCount: 3, // configuration (GZ does not require interviews; the ranking is informative)
  reviewBatch: "monthly", // GZ-4.7 定期; monthly chosen
  unitChange: { localEntity: null, bureauMeeting: "none" }, // GZ-4.4a.4 asks only that the change be reported
  clauses: {
    listing: "GZ-4.3a",
    changeFiling: { partnerAdd: "GZ-4.6.1", unitInfo: "GZ-4.4a.4", partnerRemove: "GZ-4.6.0", catalogue: "GZ-4.7" },
    rectificationOverdue: "GZ-4.3b",
    evaluationApproval: "GZ-3.4.2",
    report: "GZ-3.4.1",
    evaluation: "GZ-3.3",
    ranking: null,
    missingReport: "GZ-4.4a.2",
    notInEvaluation: "GZ-4.4b.2",
    failedEvaluations: "GZ-4.4b.3",
    progressLag: "GZ-4.4a.3",
    failedAcceptance: "GZ-4.4a.6",
    unreportedChange: "GZ-4.4a.4",
    advanceNotice: "GZ-4.8",
    changeReview: "GZ-4.6.2",
    changeNotice: "GZ-4.6.3",
    unitChange: "GZ-4.7",
    reviewBatches: "GZ-4.7",
    programmeEnd: "GZ-5.2",
    bureauMeeting: "GZ-4.4b.9",
    unresolvedComplaints: null,
    dissatisfiedRatings: null,
    enterpriseList: "GZ-1.3",
    awards: null,
    workGroup: "GZ-2.1",
    documentAccess: "GZ-2.2.13",
    complaintGround: "GZ-4.4a.1",
    circulation: "GZ-4.4a.0",
  },
  scoring: guangzhouScoring,
  // GZ-2.2.6–2.2.10: the duties a task book may count. 2.2.6 协助培育平台 → platforms; 2.2.7 协助建设
  // 数字化车间、智能工厂 → digitalWorkshops; 2.2.8 应用场景、“链式转型”模式等典型案例 → typicalCases;
  // 2.2.9 专精特新企业、特色产业集群 → specialisedFirms; 2.2.10 人才培训 → talentTraining and 供需对接、
  // 产业交流等活动 → promotionEvents (one duty, two counts). Scored when the settings' model has them.
  duties: [
    { clause: "GZ-2.2.6", metrics: ["platforms"] },
    { clause: "GZ-2.2.7", metrics: ["digitalWorkshops"] },
    { clause: "GZ-2.2.8", metrics: ["typicalCases"] },
    { clause: "GZ-2.2.9", metrics: ["specialisedFirms"] },
    { clause: "GZ-2.2.10", metrics: ["talentTraining", "promotionEvents"] },
  ],
});
