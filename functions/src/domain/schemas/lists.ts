// Published lists (GZ-4.6.3, DG-13, DG-14): each publication is a new, numbered, immutable
// version; earlier versions stay readable. And the rate-limit counters behind public objections.
import { z } from "zod";
import { amount, clauseIdField, count, idOf, instant, isoDate, optionalText, text, usccField } from "./common.js";
import { unitInfoFieldSchema } from "./change.js";

const versionHeader = {
  version: z.number().int().min(1),
  publishedOn: isoDate("发布日期"),
  publishedAt: instant("发布时间"),
  clause: clauseIdField(),
  /** The notice whose close published it, when one did. */
  noticeId: idOf("公示编号").optional(),
  /** The change applications this version carries out. */
  changeIds: z.array(idOf("变更申请编号")).default([]),
  /** DG-16: the partner-removal proceeding whose confirmation published it (clause: its ground). */
  proceedingId: idOf("程序编号").optional(),
  /** Why the version was published, in words, when no change application says it (DG-16). */
  basis: optionalText("发布依据", 500),
};

export const partnerListSchema = z.object({
  ...versionHeader,
  entries: z.array(z.object({ partnerId: idOf("合作伙伴编号"), unitId: idOf("牵引单位编号"), unitName: text("单位名称", 200), name: text("合作伙伴名称", 200), uscc: usccField("合作伙伴统一社会信用代码") })),
});
export type PartnerList = z.infer<typeof partnerListSchema>;

export const catalogueListSchema = z.object({
  ...versionHeader,
  entries: z.array(
    z.object({ itemId: idOf("目录条目编号"), unitId: idOf("牵引单位编号"), unitName: text("单位名称", 200), name: text("产品或服务名称", 200), category: text("类别", 100), priceMin: amount("最低价格（元）"), priceMax: amount("最高价格（元）") }),
  ),
});
export type CatalogueList = z.infer<typeof catalogueListSchema>;

/** DG-13 发布变更名单: the unit changes approved, newest version carrying all so far. */
export const unitChangeListSchema = z.object({
  ...versionHeader,
  entries: z.array(
    z.object({
      changeId: idOf("变更申请编号"),
      unitId: idOf("牵引单位编号"),
      unitName: text("单位名称", 200),
      changes: z.array(z.object({ field: unitInfoFieldSchema, to: text("变更后", 2000) })),
      approvedOn: isoDate("批准日期"),
    }),
  ),
});
export type UnitChangeList = z.infer<typeof unitChangeListSchema>;

/** A fixed-window counter; the id names the subject and the window. */
export const rateLimitSchema = z.object({ count: count("次数"), windowKey: text("窗口", 300), updatedAt: instant("更新时间") });
export type RateLimit = z.infer<typeof rateLimitSchema>;
