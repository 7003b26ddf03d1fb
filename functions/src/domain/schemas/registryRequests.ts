// Requests of the registry callables: pilot enterprises (GZ-1.3, DG-3), interviews of low-ranked
// units (DG-9.2), annual awards (DG-5.7) and exports of published lists (GZ-4.6.3, DG-13, DG-14).
import { z } from "zod";
import { enumOf, idOf, isoDate, text, usccField, periodIdRequest as periodId } from "./common.js";


export const registerEnterpriseRequestSchema = z.object({
  programmeId: idOf("专项编号"),
  name: text("企业名称", 200),
  uscc: usccField("企业统一社会信用代码"),
  servedBy: idOf("服务的牵引单位"),
  contractSignedOn: isoDate("改造合同签订日期").optional(),
});

/** An .xlsx of at most 2 MB, base64 (about 2.7 MB of text). */
export const importEnterprisesRequestSchema = z.object({
  programmeId: idOf("专项编号"),
  fileBase64: z
    .string({ error: "导入文件必须是 Excel 文件内容" })
    .min(1, "请选择要导入的 Excel 文件")
    .max(2_800_000, "导入文件不能超过 2 MB")
    .regex(/^[A-Za-z0-9+/]+={0,2}$/, "导入文件内容无效（应为 base64 编码的 Excel 文件）"),
  dryRun: z.boolean({ error: "是否仅检查必须是是/否" }).default(false),
});

export const recordInterviewRequestSchema = z.object({
  programmeId: idOf("专项编号"),
  unitId: idOf("牵引单位"),
  periodId,
  heldOn: isoDate("约谈日期"),
  kind: enumOf("方式", ["interview", "supervision"] as const),
  notes: text("约谈记录", 3000),
});

export const recordAwardRequestSchema = z.object({
  programmeId: idOf("专项编号"),
  year: z.number({ error: "年度必须是数字" }).int("年度必须是整数").min(2000, "年度无效").max(2100, "年度无效"),
  kind: enumOf("评选类别", ["excellentUnit", "excellentProvider", "excellentProduct"] as const),
  subjectId: idOf("获评对象"),
  decidedOn: isoDate("评选日期"),
});

/** Which published list: the partner list, the catalogue or the unit change list (domain/listDiff PublishedListKind). */
const listKind = enumOf("名单类别", ["partners", "catalogue", "unitChanges"] as const);

export const exportPublishedListRequestSchema = z.object({
  programmeId: idOf("专项编号"),
  list: listKind,
  version: z.number({ error: "版本必须是数字" }).int("版本必须是整数").min(1, "版本从 1 开始").optional(),
});

/**
 * GET /publishedListFile?p=…&list=…&v=…: anyone downloads a published list version as Excel, the
 * attachment of the public page's 名单公布 (query strings are text, so the version is read from digits).
 */
export const publishedListFileQuerySchema = z.object({
  p: idOf("专项编号"),
  list: listKind,
  v: z.string({ error: "请指明版本" }).regex(/^[1-9]\d{0,5}$/, "版本必须是正整数").transform(Number),
});
