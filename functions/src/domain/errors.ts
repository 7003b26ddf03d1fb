// One place for every refusal the domain can give: a stable code (for programs and tests)
// and a Chinese message (for people). Callers never match on message text.

/** How a refusal leaves the system: the callable status (and its HTTP equivalent at the edge). */
export type RefusalStatus = "invalid-argument" | "failed-precondition" | "not-found" | "permission-denied" | "already-exists" | "resource-exhausted" | "aborted" | "unauthenticated";

/** Code → [Chinese message, status]. The one catalogue: functions, HTTPS endpoints and pages read it. */
export const errorCatalogue = {
  INVALID_DATE: ["日期格式无效，应为 YYYY-MM-DD 的有效日期", "invalid-argument"],
  DATE_NOT_COVERED: ["该日期不在节假日数据覆盖的年份内，无法判断是否为工作日", "failed-precondition"],
  INVALID_PERIOD: ["期次编号无效，季度应为 2025-Q3 形式，半年应为 2025-H1 形式，年度应为 2025 形式", "invalid-argument"],
  INVALID_LENGTH: ["期限长度必须是非负整数", "invalid-argument"],
  USCC_LENGTH: ["统一社会信用代码应为 18 位", "invalid-argument"],
  USCC_CHARSET: ["统一社会信用代码含有不允许的字符（不使用 I、O、Z、S、V，字母须大写）", "invalid-argument"],
  USCC_AUTHORITY: ["统一社会信用代码第 1 位登记管理部门代码无效", "invalid-argument"],
  USCC_TYPE: ["统一社会信用代码第 2 位机构类别代码与登记管理部门不匹配", "invalid-argument"],
  USCC_DIVISION: ["统一社会信用代码第 3–8 位登记管理机关行政区划码无效", "invalid-argument"],
  USCC_ORG_CHECK: ["统一社会信用代码第 9–17 位组织机构代码校验码错误", "invalid-argument"],
  USCC_CHECK: ["统一社会信用代码第 18 位校验码错误", "invalid-argument"],
  PROGRAMME_CLOSED: ["专项已于试点验收后结束，只读，不能再办理业务", "failed-precondition"],
  EVENT_NOT_ALLOWED: ["当前状态下不能执行该操作", "failed-precondition"],
  COMMENT_REQUIRED: ["请填写审核意见", "failed-precondition"],
  REASON_REQUIRED: ["请填写理由", "failed-precondition"],
  EVIDENCE_REQUIRED: ["请提供依据材料", "failed-precondition"],
  REPORT_INCOMPLETE: ["报告尚有必填内容未填写，不能提交", "failed-precondition"],
  REPORT_PERIOD_CLOSED: ["该期已关账，不能再提交报告", "failed-precondition"],
  REPORT_RESUBMIT_AFTER_DEADLINE: ["已过报送截止日，退回的报告不能再次提交", "failed-precondition"],
  REPORT_AFTER_EVALUATION_CLOSE: ["本期评价已截止，不能再报送或重新提交报告", "failed-precondition"],
  DOCUMENTS_MISSING: ["申请缺少必须提交的材料", "failed-precondition"],
  NOTICE_NOT_STARTED: ["公示尚未开始", "failed-precondition"],
  NOTICE_NOT_ENDED: ["公示期尚未届满，不能结束公示", "failed-precondition"],
  NOTICE_ENDED: ["公示期已届满，不能再提出异议", "failed-precondition"],
  OBJECTIONS_PENDING: ["尚有未处理的异议，不能结束公示", "failed-precondition"],
  OBJECTION_NOT_FOUND: ["未找到该异议或该异议已处理", "not-found"],
  GROUND_NOT_IN_POLICY: ["所引依据不属于本专项政策规定的情形", "failed-precondition"],
  PROCEDURE_NOT_IN_POLICY: ["本专项政策未规定该程序", "failed-precondition"],
  DEADLINE_NOT_PASSED: ["整改期限尚未届满", "failed-precondition"],
  DEADLINE_PASSED: ["整改期限已过，不能再提交整改报告", "failed-precondition"],
  DEADLINE_INVALID: ["新的整改期限必须晚于今天", "failed-precondition"],
  BUREAU_MEETING_REQUIRED: ["清退须经局务会审议确认后才能生效", "failed-precondition"],
  MEETING_RECORD_REQUIRED: ["请填写局务会日期并上传会议纪要", "failed-precondition"],
  BUREAU_MEETING_NOT_IN_POLICY: ["本专项政策未规定局务会审议清退，清退由本专项工作机构直接决定生效", "failed-precondition"],
  POLICY_PACK_TEST_ONLY: ["该政策包仅供测试使用，不能用于正式专项", "failed-precondition"],
  JUDGED_SCORES_MISSING: ["尚有人工评分项未评分，不能审定", "failed-precondition"],
  JUDGED_SCORE_INVALID: ["人工评分超出该项分值范围或未注明评价方式", "invalid-argument"],
  USCC_BANNED: ["该单位已被本专项清退，不得重新申请纳入本专项名单", "failed-precondition"],
  ALREADY_LISTED: ["该单位已在本专项名单中", "failed-precondition"],
  ALREADY_DECIDED: ["该事项已由他人处理，请刷新后查看", "failed-precondition"],
  SURVEY_USED: ["该评价链接已使用，每个链接只能评价一次", "failed-precondition"],
  SURVEY_EXPIRED: ["该评价链接已过期，请联系本专项工作人员重新获取", "failed-precondition"],
  SURVEY_INVALID: ["该评价链接无效", "failed-precondition"],
  SURVEY_SUBJECT_UNKNOWN: ["所评价的合作伙伴不属于该评价链接", "failed-precondition"],
  COMPLAINT_CLOSED: ["该投诉已办结", "failed-precondition"],
  NOTICE_START_INVALID: ["公示开始日期不能早于今天", "invalid-argument"],
  OBJECTION_TARGET_REQUIRED: ["本次公示包含多项，请指明异议针对的事项", "invalid-argument"],
  RATE_LIMITED: ["提交过于频繁，请稍后再试", "resource-exhausted"],
  CHANGE_TARGET_NOT_FOUND: ["变更所涉及的合作伙伴或目录条目不存在或不属于本单位", "invalid-argument"],
  JUDGED_PART_UNKNOWN: ["评分模型中没有该人工评分项", "invalid-argument"],
  ADVANCE_NOTICE_NOT_IN_POLICY: ["本专项政策未规定更名、重组等重大调整的提前报告", "failed-precondition"],
  ADVANCE_NOTICE_NOT_YET_DUE: ["procedureOn：最迟报送日期尚未过，单位仍可按时报送，暂不能登记为未报告", "failed-precondition"],
  UNFILED_CHANGE_RECORDED: ["该调整已登记，请勿重复登记", "already-exists"],
  UNIT_NOT_FOUND: ["本专项中没有该牵引单位", "not-found"],
  UNIT_CANNOT_SERVE: ["该牵引单位已清退、被取消资格或已退出，不能再承接试点企业", "failed-precondition"],
  ENTERPRISE_LISTED: ["该企业已在试点企业名单中", "already-exists"],
  INTERVIEWS_NOT_IN_POLICY: ["本专项政策未规定对排名落后单位约谈督导", "failed-precondition"],
  NOT_LOWEST_RANKED: ["该单位不在本期排名落后、须约谈督导的名单中", "failed-precondition"],
  NOT_EVALUATED: ["该单位本期没有绩效评价结果", "failed-precondition"],
  PERIOD_NOT_RANKED: ["本期尚未关账或尚有评价未审定，排名为暂定，排名落后名单未确定，不能记录约谈", "failed-precondition"],
  MINUTES_REQUIRED: ["bureauMeeting：请上传局务会会议纪要", "failed-precondition"],
  DATE_IN_FUTURE: ["日期不能晚于今天", "failed-precondition"],
  AWARDS_NOT_IN_POLICY: ["本专项政策未规定年度评选", "failed-precondition"],
  AWARD_SUBJECT_NOT_FOUND: ["未找到获评对象", "not-found"],
  AWARD_EXISTS: ["该对象本年度已获此项评选，不能重复记录", "already-exists"],
  LIST_NOT_PUBLISHED: ["该名单尚未发布", "failed-precondition"],
  NOT_SIGNED_IN: ["请先登录。", "unauthenticated"],
  STAFF_ONLY: ["只有本专项工作人员可以执行此操作。", "permission-denied"],
  ADMIN_ONLY: ["只有本专项的管理员可以执行此操作。", "permission-denied"],
  MEMBER_ONLY: ["只有本专项牵引单位的成员可以执行此操作。", "permission-denied"],
  OWN_UNIT_ONLY: ["只能处理本单位的事项", "permission-denied"],
  STAFF_OR_OWNER_ONLY: ["只有本专项工作人员或该事项所属单位可以查看材料清单", "permission-denied"],
  ACCOUNT_NOT_FOUND: ["未找到账号，请先让其注册登录一次", "not-found"],
  OWN_ROLE: ["不能修改自己的角色，请由另一位管理员操作", "failed-precondition"],
  ROLE_CONFLICT: ["一个账号只能担任一种角色：工作人员与牵引单位成员须使用不同账号，一个账号只能属于一个牵引单位", "failed-precondition"],
  PARTNER_NOT_FOUND: ["该牵引单位没有这个合作伙伴", "not-found"],
  PARTNER_NOT_LISTED: ["该合作伙伴已不在本单位的合作伙伴名单上", "failed-precondition"],
  PARTNER_REQUIRED: ["partnerId：请指定合作伙伴", "invalid-argument"],
  ENTERPRISE_NOT_FOUND: ["未找到试点企业", "not-found"],
  COMPLAINT_NOT_FOUND: ["该牵引单位没有这个投诉", "not-found"],
  REPORT_NOT_FOUND: ["未找到报告", "not-found"],
  EVALUATION_NOT_FOUND: ["未找到评价", "not-found"],
  PROCEEDING_NOT_FOUND: ["未找到该程序", "not-found"],
  CHANGE_NOT_FOUND: ["未找到变更申请", "not-found"],
  NOTICE_NOT_FOUND: ["未找到公示", "not-found"],
  DOCUMENT_NOT_OWN: ["未找到本单位上传的文件", "not-found"],
  EVIDENCE_NOT_FOUND: ["未找到依据材料", "not-found"],
  DOCUMENT_KIND_WRONG: ["documentId：请上传正确类型的文件", "invalid-argument"],
  PROCEEDING_KIND_WRONG: ["该操作不适用于此类程序", "failed-precondition"],
  DECISION_NOT_MADE: ["该事项尚未作出可出具此文书的决定", "failed-precondition"],
  ALREADY_SUBMITTED: ["该申请已提交，请勿重复提交", "already-exists"],
  CLOSED_BEFORE_RECEIVED: ["closedOn：办结日期不能早于收到日期", "invalid-argument"],
  WORKBOOK_NOT_XLSX: ["导入文件不是 Excel（.xlsx）文件，请用模板填写后上传", "invalid-argument"],
  WORKBOOK_UNREADABLE: ["无法读取该 Excel 文件，请确认文件未损坏且为 .xlsx 格式", "invalid-argument"],
  WORKBOOK_NO_SHEET: ["Excel 文件中没有工作表", "invalid-argument"],
  WORKBOOK_HEADERS: ["第 1 行表头缺少必填列，请使用页面提供的导入模板", "invalid-argument"],
  WORKBOOK_TOO_LARGE: ["导入文件不能超过 2 MB", "invalid-argument"],
  WORKBOOK_EMPTY: ["Excel 文件中没有数据行（表头下方为空）", "invalid-argument"],
  IMPORT_INTERRUPTED: ["导入中途失败，其余未写入。请重新导入同一文件，已写入的企业不会重复", "aborted"],
  // Documents (uploads and downloads). These texts are whole sentences, as the upload and
  // download endpoints answer them; the HTTP status comes from httpStatusOf (api/httpRefusal.ts).
  DOCUMENT_NOT_FOUND: ["未找到该材料。", "not-found"],
  NO_ACCESS: ["无权查看该材料：只有本专项工作人员和材料所属单位可以查看。", "permission-denied"],
  TARGET_NOT_FOUND: ["未找到要添加材料的事项。", "not-found"],
  LINK_INVALID: ["下载链接无效或已过期，请重新获取。", "permission-denied"],
  LINK_USED: ["该下载链接已使用过，每个链接只能下载一次，请重新获取。", "permission-denied"],
  UNAUTHENTICATED: ["请先登录后再上传材料。", "unauthenticated"],
  NOT_IN_PROGRAMME: ["只有本专项的工作人员或牵引单位成员可以上传材料。", "permission-denied"],
  NOT_YOUR_UNIT: ["只能为本单位的事项上传材料。", "permission-denied"],
  TARGET_LOCKED: ["该事项当前状态下不能再添加材料（只有草稿或被退回的申请、报告可以补充材料）。", "failed-precondition"],
  KIND_NOT_NEEDED: ["该事项不需要此类材料，请选择正确的材料类型。", "invalid-argument"],
  FILE_MISSING: ["请选择要上传的文件。", "invalid-argument"],
  FILE_EMPTY: ["文件为空（0 字节），请重新选择文件。", "invalid-argument"],
  FILE_TOO_LARGE: ["文件过大", "invalid-argument"],
  FILE_TYPE: ["只接受 PDF、JPEG 或 PNG 文件；根据文件内容判断，该文件不是这三种类型之一（修改扩展名无效）。", "invalid-argument"],
  ONE_FILE_ONLY: ["一次只能上传一个文件。", "invalid-argument"],
  FILE_NAME_INVALID: ["文件名不能含有控制字符（如 NUL、回车、换行）或路径分隔符（/ 或 \\），请重命名文件后重新上传。", "invalid-argument"],
  MULTIPART_MALFORMED: ["上传请求无法解析：表单格式有误（例如文件名中含有 NUL、回车或换行等控制字符），请重命名文件后重新上传。", "invalid-argument"],
  FIELDS_FIRST: ["表单字段须在文件之前发送。", "invalid-argument"],
  CONCURRENT_VERSION: ["同一材料刚刚有人上传了新版本，请刷新后重试。", "aborted"],
  METHOD: ["只接受 POST 请求。", "invalid-argument"],
  NOT_MULTIPART: ["请以 multipart/form-data 格式上传文件。", "invalid-argument"],
  PROGRAMME_NOT_FOUND: ["未找到专项", "not-found"],
  CALENDAR_ADMIN_ONLY: ["只有平台节假日日历管理员可以录入全国节假日安排（它影响所有专项的期限）", "permission-denied"],
  HOLIDAY_ARRANGEMENT_INVALID: ["节假日安排有误，未保存", "invalid-argument"],
  HOLIDAY_YEAR_BUILT_IN: ["该年度节假日安排已由系统内置数据覆盖，无需录入", "failed-precondition"],
  SETTINGS_INVALID: ["设置有误，未保存", "invalid-argument"],
  SETTINGS_EFFECTIVE_TOO_EARLY: ["新设置只能从尚未关账的期次起生效，已关账期次和已审定结论不受影响", "failed-precondition"],
  WHAT_IF_PERIOD_NOT_CLOSED: ["试算只能选择已关账的期次", "failed-precondition"],
  SESSION_REVOKED: ["您的角色已调整，本次登录已失效，请重新登录", "unauthenticated"],
  // Issue 16.2: a report only for a period of this programme that exists and is open.
  REPORT_PERIOD_UNKNOWN: ["本专项没有该期次，不能报送该期报告", "failed-precondition"],
  REPORT_PERIOD_NOT_OPEN: ["该期正在关账，不能再提交报告", "failed-precondition"],
  REPORT_PERIOD_CADENCE: ["期次与本专项的报送周期不符，不能报送该期报告", "failed-precondition"],
  // Issue 16.3: manual job runs.
  JOB_DATE_IN_FUTURE: ["asOf：执行日期不能晚于今天（北京时间）", "invalid-argument"],
  PERIOD_NOT_FOUND: ["periodId：本专项没有该期次", "not-found"],
  PERIOD_ALREADY_CLOSED: ["periodId：该期已关账，不能再次关账", "failed-precondition"],
  PERIOD_NOT_DUE: ["periodId：该期评价截止日尚未过，还不能关账", "failed-precondition"],
  DEADLINE_PENDING: ["该期报送截止日所在年份的节假日安排尚未录入，截止日待定，还不能关账", "failed-precondition"],
  // The private deadline calendar: the same answer for a link never issued, revoked, or of a
  // person no longer in the unit, so a link tells nothing about any other.
  CALENDAR_FEED_NOT_FOUND: ["日历订阅链接无效或已停用。", "not-found"],
  CALENDAR_FEED_RATE_LIMITED: ["该日历订阅链接读取过于频繁，请稍后再试。", "resource-exhausted"],
  MAIL_NOT_CURRENT_MEMBER: ["您已不是该单位的成员，不能设置邮件提醒。", "permission-denied"],
} as const satisfies Record<string, readonly [string, RefusalStatus]>;

export type ErrorCode = keyof typeof errorCatalogue;

export const errorMessages = Object.fromEntries(Object.entries(errorCatalogue).map(([code, [message]]) => [code, message])) as { readonly [C in ErrorCode]: string };

export const errorStatus = (code: ErrorCode): RefusalStatus => errorCatalogue[code][1];


/** A coded refusal. `message` is the Chinese text shown to people. */
export interface Refusal {
  ok: false;
  code: ErrorCode;
  message: string;
}

/** Builds a refusal; `detail` adds specifics (which field, which date) after the standard text. */
export function refuse(code: ErrorCode, detail?: string): Refusal {
  const base = errorMessages[code];
  // A message written as a whole sentence loses its full stop when a detail follows.
  return { ok: false, code, message: detail ? `${base.replace(/。$/, "")}：${detail}` : base };
}

/**
 * A stored document that does not parse with its schema: a data error to log and report, never
 * shown to a person as it is (store and web converters throw it with the document's path).
 */
export class StoredDocumentInvalid extends Error {
  constructor(
    readonly path: string,
    readonly issues: string[],
  ) {
    super(`存储的文档格式无效：${path}（${issues.join("；")}）`);
    this.name = "StoredDocumentInvalid";
  }
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

/**
 * The one way a use case (often inside a transaction, which it aborts) carries a coded refusal to
 * the edge, where the adapter turns it into an HttpsError / HTTP answer of the catalogue's status.
 */
export class Refused extends Error {
  readonly status: RefusalStatus;
  constructor(readonly refusal: Refusal) {
    super(refusal.message);
    this.name = "Refused";
    this.status = errorStatus(refusal.code);
  }
}

/** Throws the catalogue's refusal for `code`; `detail` says which record or field. */
export function refused(code: ErrorCode, detail?: string): never {
  throw new Refused(refuse(code, detail));
}
