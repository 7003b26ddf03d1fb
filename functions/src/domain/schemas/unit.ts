import { z } from "zod";
import { acceptanceStates, catalogueStates, partnerStates, unitStates } from "../states.js";
import { amount, digitalLevel, enumOf, idOf, instant, isoDate, optionalText, text, usccField } from "./common.js";

/** GZ-1.2 / DG-2: a unit on the programme's list, with status, listed date and batch. */
export const unitSchema = z.object({
  name: text("单位名称", 200),
  uscc: usccField(),
  status: enumOf("单位状态", unitStates),
  listedOn: isoDate("纳入名单日期"),
  batch: text("批次", 50),
  // The five fields GZ-4.4a.4 names as major changes.
  address: optionalText("住所", 300),
  legalRepresentative: optionalText("法定代表人", 50),
  businessScope: optionalText("经营范围", 2000),
  registeredCapital: optionalText("注册资本", 100),
  statusChangedOn: isoDate("状态变更日期").optional(),
});
export type Unit = z.infer<typeof unitSchema>;

/** Ecosystem partner (产业生态联合体企业 / 合作伙伴), GZ-4.6, DG-14, DG-16. */
export const partnerSchema = z.object({
  unitId: idOf("牵引单位编号"),
  name: text("合作伙伴名称", 200),
  uscc: usccField("合作伙伴统一社会信用代码"),
  status: enumOf("合作伙伴状态", partnerStates),
  since: isoDate("加入日期").optional(),
  /** The published partner-list version that first contained this partner. */
  listVersion: z.number().int().min(0).optional(),
});
export type Partner = z.infer<typeof partnerSchema>;

/** DG-5.3 / DG-6.2: product and service catalogue item (小快轻准). */
export const catalogueItemSchema = z
  .object({
    unitId: idOf("牵引单位编号"),
    name: text("产品或服务名称", 200),
    category: text("类别", 100),
    description: optionalText("说明"),
    priceMin: amount("最低价格（元）"),
    priceMax: amount("最高价格（元）"),
    partnerId: idOf("提供方合作伙伴编号").optional(),
    smallFastLightPrecise: z.boolean({ error: "是否“小快轻准”必须是是/否" }).default(true),
    status: enumOf("目录审定状态", catalogueStates),
  })
  .refine((i) => i.priceMin <= i.priceMax, { message: "最低价格不能高于最高价格", path: ["priceMax"] });
export type CatalogueItem = z.infer<typeof catalogueItemSchema>;

/**
 * GZ-1.3 / DG-3 pilot enterprise, served by a unit under contract; per-enterprise project record:
 * diagnosis (GZ-2.2.4 / DG-6.3), digital level before/after (GZ-2.2.5 / DG-6.4), acceptance (GZ-2.2.12).
 */
export const pilotEnterpriseSchema = z
  .object({
    name: text("企业名称", 200),
    uscc: usccField("企业统一社会信用代码"),
    servedBy: idOf("服务的牵引单位编号"),
    contractSignedOn: isoDate("改造合同签订日期").optional(),
    contractDocumentId: idOf("合同文件编号").optional(),
    diagnosisDone: z.boolean({ error: "是否已诊断必须是是/否" }).default(false),
    diagnosisOn: isoDate("诊断日期").optional(),
    diagnosisReportId: idOf("诊断报告文件编号").optional(),
    levelBefore: digitalLevel("改造前数字化水平").optional(),
    levelAfter: digitalLevel("改造后数字化水平").optional(),
    onCloud: z.boolean().default(false),
    acceptance: enumOf("验收状态", acceptanceStates).default("pending"),
    acceptanceDecidedOn: isoDate("验收日期").optional(),
  })
  .refine((e) => !e.diagnosisDone || (e.diagnosisOn !== undefined && e.diagnosisReportId !== undefined), {
    message: "已诊断的企业须填写诊断日期并上传诊断报告",
    path: ["diagnosisReportId"],
  })
  .refine((e) => e.acceptance === "pending" || e.acceptanceDecidedOn !== undefined, {
    message: "验收结论须填写验收日期",
    path: ["acceptanceDecidedOn"],
  });
export type PilotEnterprise = z.infer<typeof pilotEnterpriseSchema>;

export const memberSchema = z.object({
  uid: idOf("账号编号"),
  name: text("姓名", 50),
  addedAt: instant("加入时间"),
  /** Membership ends as a state: the record stays (nothing is deleted). */
  removedAt: instant("离开时间").optional(),
});
export type Member = z.infer<typeof memberSchema>;
