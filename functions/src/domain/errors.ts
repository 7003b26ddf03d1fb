// One place for every refusal the domain can give: a stable code (for programs and tests)
// and a Chinese message (for people). Callers never match on message text.

export const errorMessages = {
  INVALID_DATE: "日期格式无效，应为 YYYY-MM-DD 的有效日期",
  DATE_NOT_COVERED: "该日期不在节假日数据覆盖的年份内，无法判断是否为工作日",
  INVALID_PERIOD: "期次编号无效，季度应为 2025-Q3 形式，年度应为 2025 形式",
  INVALID_LENGTH: "期限长度必须是非负整数",
  USCC_LENGTH: "统一社会信用代码应为 18 位",
  USCC_CHARSET: "统一社会信用代码含有不允许的字符（不使用 I、O、Z、S、V，字母须大写）",
  USCC_AUTHORITY: "统一社会信用代码第 1 位登记管理部门代码无效",
  USCC_TYPE: "统一社会信用代码第 2 位机构类别代码与登记管理部门不匹配",
  USCC_DIVISION: "统一社会信用代码第 3–8 位登记管理机关行政区划码无效",
  USCC_ORG_CHECK: "统一社会信用代码第 9–17 位组织机构代码校验码错误",
  USCC_CHECK: "统一社会信用代码第 18 位校验码错误",
  PROGRAMME_CLOSED: "专项已于试点验收后结束，只读，不能再办理业务",
  EVENT_NOT_ALLOWED: "当前状态下不能执行该操作",
  COMMENT_REQUIRED: "请填写审核意见",
  REASON_REQUIRED: "请填写理由",
  EVIDENCE_REQUIRED: "请提供依据材料",
  REPORT_INCOMPLETE: "报告尚有必填内容未填写，不能提交",
  REPORT_PERIOD_CLOSED: "该期已关账，不能再提交报告",
  REPORT_RESUBMIT_AFTER_DEADLINE: "已过报送截止日，退回的报告不能再次提交",
  DOCUMENTS_MISSING: "申请缺少必须提交的材料",
  NOTICE_NOT_STARTED: "公示尚未开始",
  NOTICE_NOT_ENDED: "公示期尚未届满，不能结束公示",
  NOTICE_ENDED: "公示期已届满，不能再提出异议",
  OBJECTIONS_PENDING: "尚有未处理的异议，不能结束公示",
  OBJECTION_NOT_FOUND: "未找到该异议或该异议已处理",
  GROUND_NOT_IN_POLICY: "所引依据不属于本专项政策规定的情形",
  PROCEDURE_NOT_IN_POLICY: "本专项政策未规定该程序",
  DEADLINE_NOT_PASSED: "整改期限尚未届满",
  DEADLINE_PASSED: "整改期限已过，不能再提交整改报告",
  DEADLINE_INVALID: "新的整改期限必须晚于今天",
  BUREAU_MEETING_REQUIRED: "清退须经局务会审议确认后才能生效",
  MEETING_RECORD_REQUIRED: "请填写局务会日期并上传会议纪要",
  JUDGED_SCORES_MISSING: "尚有人工评分项未评分，不能审定",
  JUDGED_SCORE_INVALID: "人工评分超出该项分值范围或未注明评价方式",
  USCC_BANNED: "该单位已被清退，不得重新申请纳入",
  ALREADY_LISTED: "该单位已在本专项名单中",
  ALREADY_DECIDED: "该事项已由他人处理，请刷新后查看",
  SURVEY_USED: "该评价链接已使用，每个链接只能评价一次",
  SURVEY_EXPIRED: "该评价链接已过期，请联系工作小组重新获取",
  SURVEY_INVALID: "该评价链接无效",
  SURVEY_SUBJECT_UNKNOWN: "所评价的合作伙伴不属于该评价链接",
  COMPLAINT_CLOSED: "该投诉已办结",
  NOTICE_START_INVALID: "公示开始日期不能早于今天",
  OBJECTION_TARGET_REQUIRED: "本次公示包含多项，请指明异议针对的事项",
  RATE_LIMITED: "提交过于频繁，请稍后再试",
  CHANGE_TARGET_NOT_FOUND: "变更所涉及的合作伙伴或目录条目不存在或不属于本单位",
  JUDGED_PART_UNKNOWN: "评分模型中没有该人工评分项",
  ADVANCE_NOTICE_NOT_IN_POLICY: "本专项政策未规定更名、重组等重大调整的提前报告（GZ-4.8）",
  UNIT_NOT_FOUND: "本专项中没有该牵引单位",
  UNIT_CANNOT_SERVE: "该牵引单位已清退或退出，不能再承接试点企业",
  ENTERPRISE_LISTED: "该企业已在试点企业名单中",
  INTERVIEWS_NOT_IN_POLICY: "本专项政策未规定对排名落后单位约谈督导",
  NOT_LOWEST_RANKED: "该单位不在本期排名落后、须约谈督导的名单中",
  NOT_EVALUATED: "该单位本期没有绩效评价结果",
  PERIOD_NOT_RANKED: "本期尚未关账，排名尚未确定，不能记录约谈",
  DATE_IN_FUTURE: "日期不能晚于今天",
  AWARDS_NOT_IN_POLICY: "本专项政策未规定年度评选",
  AWARD_SUBJECT_NOT_FOUND: "未找到获评对象",
  AWARD_EXISTS: "该对象本年度已获此项评选，不能重复记录",
  LIST_NOT_PUBLISHED: "该名单尚未发布",
} as const;

export type ErrorCode = keyof typeof errorMessages;

/** A coded refusal. `message` is the Chinese text shown to people. */
export interface Refusal {
  ok: false;
  code: ErrorCode;
  message: string;
}

/** Builds a refusal; `detail` adds specifics (which field, which date) after the standard text. */
export function refuse(code: ErrorCode, detail?: string): Refusal {
  const base = errorMessages[code];
  return { ok: false, code, message: detail ? `${base}：${detail}` : base };
}

/**
 * Thrown by the calendar and period functions, whose signatures return plain values: a bad
 * date there is a programming or data error, not a business decision.
 */
export class DomainError extends Error {
  readonly code: ErrorCode;
  constructor(code: ErrorCode, detail?: string) {
    super(refuse(code, detail).message);
    this.name = "DomainError";
    this.code = code;
  }
}
