// 东莞市中小企业数字化转型城市试点数字化牵引单位管理办法（试行）— annual.
import { dongguanScoring } from "./dongguanScoring.js";
import { policyPackSchema, type PolicyPack } from "./schema.js";

export const dongguan: PolicyPack = policyPackSchema.parse({
  id: "dongguan",
  city: "东莞",
  name: "东莞市中小企业数字化转型城市试点数字化牵引单位管理办法（试行）",
  cadence: "annual", // DG-8 每年, DG-9.1
  // Configuration, not in the regulation: the annual report is due 15 working days after year end.
  reportDeadline: { length: 15, unit: "workingDays" },
  // Configuration: the year's evaluation closes 10 working days after the report deadline.
  evaluationWindow: { length: 10, unit: "workingDays" },
  // DG-14 "为期5天的公示": read as calendar days (the text says 天, not 工作日).
  notice: { length: 5, unit: "calendarDays" },
  changeNoticeTitle: "合作伙伴、产品和服务目录变更公示",
  workGroupName: "工作专班",
  fixedSettings: { notice: "DG-14" },
  advanceNoticeWorkingDays: null, // no DG counterpart of GZ-4.8
  majorChangeReportWithin: null, // DG has no "unreported change" ground
  // Configuration: DG has no rectification procedure; used only if staff open one.
  rectification: { length: 20, unit: "workingDays" },
  thresholds: {
    failedEvaluations: 2, // DG-10.3 累计两次绩效评价不达标
    unresolvedComplaints: 2, // DG-16.2 受到企业投诉并没有有效解决达到2次
    dissatisfiedRatings: 2, // DG-16.3 满意度评价为“不满意”达到2次
    progressLagFraction: 1,
  },
  requiredDocuments: {
    // DG-13 牵引单位变更：变更申请书连同以下材料，均须加盖公章
    unitInfo: [
      { anyOf: ["changeApplicationLetter"], label: "变更申请书", mustBeStamped: true, clause: "DG-13" },
      { anyOf: ["businessLicence"], label: "在莞独立法人的营业执照复印件", mustBeStamped: true, clause: "DG-13" },
      { anyOf: ["legalRepIdCopy"], label: "法定代表人身份证复印件", mustBeStamped: true, clause: "DG-13" },
      { anyOf: ["localServiceTeamList"], label: "本地服务团队名单", mustBeStamped: true, clause: "DG-13" },
      { anyOf: ["socialSecurityProof"], label: "社保证明", mustBeStamped: true, clause: "DG-13" },
    ],
    // DG-14 lists no documents for partner / catalogue changes; the programme may add some.
    partnerAdd: [],
    partnerRemove: [],
    catalogue: [],
  },
  /** The regulation's own wording of each ground (announcements, notifications and pages quote it). */
  groundWords: {
    "DG-10.1": "牵引单位自行要求退出",
    "DG-10.2": "未按规定参加绩效评价",
    "DG-10.3": "累计两次绩效评价不达标",
    "DG-10.4": "牵引单位被依法终止",
    "DG-10.5": "伪造资料、弄虚作假",
    "DG-10.6": "其他不符合牵引单位要求",
    "DG-16.1": "合作伙伴自愿退出",
    "DG-16.2": "受到企业投诉并没有有效解决达到2次",
    "DG-16.3": "试点企业对合作伙伴的服务满意度评价为“不满意”达到2次",
    "DG-16.4": "合作伙伴单位被依法终止",
    "DG-16.5": "伪造资料、弄虚作假",
    "DG-16.6": "其他不符合牵引单位的合作伙伴要求",
  },
  ownRequestGrounds: ["DG-10.1", "DG-16.1"],
  noticeRequiredFor: ["partnerAdd", "partnerRemove", "catalogue"], // DG-14
  creditReportFreshnessDays: 30, // configuration
  clearOut: {
    bureauMeeting: "optional", // DG-10 needs none; DG-13 shows the bureau meeting may be used
    grounds: ["DG-10.1", "DG-10.2", "DG-10.3", "DG-10.4", "DG-10.5", "DG-10.6"],
    announcementClause: "DG-11",
  },
  criticismGrounds: [], // DG has no 通报批评 procedure; low-ranked units are interviewed (DG-9.2)
  partnerRemovalGrounds: ["DG-16.1", "DG-16.2", "DG-16.3", "DG-16.4", "DG-16.5", "DG-16.6"],
  ranking: { basis: "taskBookCompletion" }, // DG-9.2 根据绩效任务书完成情况对牵引单位进行排名
  lowestRankedCount: 3, // configuration: DG-9.2 "排名落后" without a number
  reviewBatch: "annual", // DG-15 每年定期
  unitChange: {
    localEntity: { divisionPrefix: "4419", place: "东莞市" }, // DG-13 在莞独立法人的营业执照复印件
    bureauMeeting: "optional", // DG-13 如有需要，可报市工信局局务会议审议
  },
  clauses: {
    listing: "DG-2",
    changeFiling: { unitInfo: "DG-13", partnerAdd: "DG-14", partnerRemove: "DG-14", catalogue: "DG-14" },
    rectificationOverdue: null,
    evaluationApproval: "DG-8",
    report: "DG-9.1",
    evaluation: "DG-8",
    ranking: "DG-9.2",
    missingReport: null,
    notInEvaluation: "DG-10.2",
    failedEvaluations: "DG-10.3",
    progressLag: null,
    failedAcceptance: null,
    unreportedChange: null,
    advanceNotice: null,
    changeReview: "DG-5.4",
    changeNotice: "DG-14",
    unitChange: "DG-13",
    reviewBatches: "DG-15",
    programmeEnd: "DG-18",
    bureauMeeting: null,
    unresolvedComplaints: "DG-16.2",
    dissatisfiedRatings: "DG-16.3",
    enterpriseList: "DG-3",
    awards: "DG-5.7",
    workGroup: "DG-5.3",
    documentAccess: null,
    complaintGround: null,
    circulation: null,
  },
  scoring: dongguanScoring,
  // DG-6.5–6.8: the duties a task book may count (DG-7 names 平台建设 and 典型案例 among its targets).
  // 6.5 建设市平台 → platforms; 6.6 典型案例 → typicalCases; 6.7 人才培训 → talentTraining; 6.8 相关活动
  // → promotionEvents. Scored when the settings' model has them.
  duties: [
    { clause: "DG-6.5", metrics: ["platforms"] },
    { clause: "DG-6.6", metrics: ["typicalCases"] },
    { clause: "DG-6.7", metrics: ["talentTraining"] },
    { clause: "DG-6.8", metrics: ["promotionEvents"] },
  ],
});
