// 示例市（测试用）— a fictional third city, test-only. It is not a regulation: it exists to prove
// that a city is a pack file and one registry line. Half-yearly reports, calendar-day deadlines,
// no bureau meeting, no criticism, no awards, no partner removal; its own clause prefix SL-.
// `testOnly` keeps it out of real use (store/programmeContext.ts refuses it off the emulators).
import { policyPackSchema, type PolicyPack } from "./schema.js";

export const testOnlySample: PolicyPack = policyPackSchema.parse({
  id: "testOnlySample",
  testOnly: true,
  city: "示例市（测试用）",
  name: "示例市数字化转型牵引单位管理办法（测试用，非真实政策）",
  cadence: "halfYearly", // SL-4 每半年报送
  // SL-4: the report is due 30 calendar days after the half-year ends (fixed below).
  reportDeadline: { length: 30, unit: "calendarDays" },
  evaluationWindow: { length: 14, unit: "calendarDays" },
  notice: { length: 7, unit: "calendarDays" }, // SL-7.3 公示七日
  changeNoticeTitle: "示例市牵引单位合作伙伴新增名单公示（测试用）",
  workGroupName: "试点工作组",
  fixedSettings: { reportDeadline: "SL-4", notice: "SL-7.3" },
  advanceNoticeWorkingDays: null,
  majorChangeReportWithin: null,
  // No criticism procedure; the schema needs a length, none is ever used.
  rectification: { length: 15, unit: "calendarDays" },
  thresholds: {
    failedEvaluations: 2, // SL-6.3 累计两次绩效评价不合格
    unresolvedComplaints: 3,
    dissatisfiedRatings: 3,
    progressLagFraction: 1,
  },
  requiredDocuments: {
    unitInfo: [{ anyOf: ["businessLicence"], label: "变更后的营业执照", mustBeStamped: true, clause: "SL-7.1" }],
    partnerAdd: [
      { anyOf: ["businessLicence"], label: "合作伙伴营业执照", clause: "SL-7" },
      { anyOf: ["creditChinaReport"], label: "“信用中国”查询报告关键页", clause: "SL-7" },
    ],
    partnerRemove: [],
    catalogue: [],
  },
  groundWords: {
    "SL-6.1": "牵引单位自行申请退出示例试点",
    "SL-6.2": "未按期参加半年度绩效评价",
    "SL-6.3": "累计两次半年度绩效评价不合格",
    "SL-6.4": "提供虚假材料、骗取试点资格",
  },
  ownRequestGrounds: ["SL-6.1"],
  noticeRequiredFor: ["partnerAdd"], // SL-7.3
  creditReportFreshnessDays: 60,
  clearOut: {
    bureauMeeting: "none", // SL-6: 工作小组决定，无局务会审议
    grounds: ["SL-6.1", "SL-6.2", "SL-6.3", "SL-6.4"],
    announcementClause: "SL-6.5",
  },
  criticismGrounds: [], // no 通报批评
  partnerRemovalGrounds: [], // partners leave by change application only
  ranking: { basis: "total" }, // SL-5.3 末位 by the evaluation score
  lowestRankedCount: 1, // SL-5.3 末位约谈
  reviewBatch: "halfYearly", // SL-7.4 每半年集中审核
  unitChange: { localEntity: null, bureauMeeting: "none" },
  clauses: {
    listing: "SL-1",
    changeFiling: { unitInfo: "SL-7.1", partnerAdd: "SL-7", partnerRemove: "SL-7", catalogue: "SL-7" },
    rectificationOverdue: null,
    evaluationApproval: "SL-5.2",
    report: "SL-4",
    evaluation: "SL-5",
    ranking: "SL-5.3",
    missingReport: null,
    notInEvaluation: "SL-6.2",
    failedEvaluations: "SL-6.3",
    progressLag: null,
    failedAcceptance: null,
    unreportedChange: null,
    advanceNotice: null,
    changeReview: "SL-7.2",
    changeNotice: "SL-7.3",
    unitChange: "SL-7.1",
    reviewBatches: "SL-7.4",
    programmeEnd: "SL-9",
    bureauMeeting: null,
    unresolvedComplaints: null,
    dissatisfiedRatings: null,
    enterpriseList: "SL-2",
    awards: null,
    workGroup: "SL-3",
    documentAccess: null,
    complaintGround: null,
    circulation: null,
  },
  // Its own model: two dimensions, three bands.
  scoring: {
    dimensions: [
      {
        id: "serviceResults",
        label: "服务成效",
        weight: 60,
        parts: [
          { kind: "metric", metric: "enterprisesTransformed", points: 40 },
          { kind: "metric", metric: "diagnoses", points: 20 },
        ],
      },
      {
        id: "duty",
        label: "履职情况",
        weight: 40,
        parts: [
          { kind: "metric", metric: "reporting", points: 10 },
          { kind: "judged", id: "dutyReview", label: "工作小组履职评议", points: 30 },
        ],
      },
    ],
    bands: [
      { label: "优秀", min: 85 },
      { label: "合格", min: 60 },
      { label: "不合格", min: 0 },
    ],
    passMark: 60,
  },
});
