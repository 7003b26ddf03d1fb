// Building blocks for the document and request schemas. Every message names the field in
// Chinese so a form or an API error can be shown as it is.
import { z } from "zod";
import { isIsoDate } from "../dates.js";
import { parseUscc } from "../uscc.js";

// Zod's own messages (a list that is not a list, an unknown key, a request that is not an
// object) are English by default; every caller sees these through validatedOnCall, so they are
// Chinese too. The fields' own messages below still take precedence.
z.config(z.locales.zhCN());

export const text = (field: string, max = 500) =>
  z
    .string({ error: `${field}必须是文字` })
    .trim()
    .min(1, `${field}不能为空`)
    .max(max, `${field}不能超过 ${max} 个字`);

export const optionalText = (field: string, max = 2000) =>
  z.string({ error: `${field}必须是文字` }).trim().max(max, `${field}不能超过 ${max} 个字`).optional();

/**
 * Every id a client sends goes through here, so a request can never name a path Firestore refuses
 * (`.`, `..`, `__…__`, a slash) or smuggle control characters into a path or a log line: such a
 * request is a clean 400 naming the field, not a 500 from the database.
 */
export const idOf = (field: string) =>
  z
    .string({ error: `${field}必须是文字` })
    .min(1, `${field}不能为空`)
    .max(128, `${field}过长`)
    .regex(/^[^/]+$/, `${field}不能包含“/”`)
    // eslint-disable-next-line no-control-regex
    .regex(/^[^\u0000-\u001f\u007f]+$/, `${field}不能包含控制字符`)
    .refine((v) => v !== "." && v !== ".." && !/^__.*__$/.test(v), `${field}不是有效的编号（不能是“.”“..”或以双下划线开头并结尾）`);

/** A person's or organisation's name given by the public (实名): at least two characters. (An empty one is already refused as empty.) */
export const personName = (field: string, max = 200) => text(field, max).refine((v) => v === "" || [...v].length >= 2, `${field}至少 2 个字`);

/** Separators people type inside a phone number: spaces, hyphens, brackets (half- and full-width). */
const PHONE_SEPARATORS = /[\s\-()（）]/g;
/** Mainland mobile (optionally +86), or a fixed line with or without its area code. */
const PHONE = /^(?:\+?86)?(?:1[3-9]\d{9}|0\d{2,3}[2-9]\d{6,7}|[2-9]\d{6,7})$/;
const EMAIL = /^[^\s@]+@[^\s@.]+(?:\.[^\s@.]+)+$/;

/** Whether `value` is a phone number or an e-mail address someone can be reached at. */
export const isContact = (value: string) => EMAIL.test(value) || PHONE.test(value.replace(PHONE_SEPARATORS, ""));

/** How the public can be reached (实名 objections): a phone number or an e-mail address. */
export const contactField = (field: string) => text(field, 100).refine((v) => v === "" || isContact(v), `${field}应为手机号码、固定电话（含区号）或电子邮箱`);

export const isoDate = (field: string) =>
  z.string({ error: `${field}必须是日期` }).refine(isIsoDate, `${field}必须是 YYYY-MM-DD 格式的有效日期`);

/** Stored instants: the store's converters turn Firestore Timestamps into Date before parsing. */
export const instant = (field: string) => z.date({ error: `${field}必须是时间` });

export const count = (field: string) =>
  z.number({ error: `${field}必须是数字` }).int(`${field}必须是整数`).min(0, `${field}不能为负数`);

export const amount = (field: string) => z.number({ error: `${field}必须是数字` }).min(0, `${field}不能为负数`);

export const usccField = (field = "统一社会信用代码") =>
  z
    .string({ error: `${field}必须是文字` })
    .trim()
    .superRefine((value, ctx) => {
      const r = parseUscc(value);
      if (!r.ok) ctx.addIssue({ code: "custom", message: `${field}：${r.message}` });
    });

/** A clause id: the pack's own prefix (two to six capitals), a dash, the article's number. */
export const CLAUSE_ID_PATTERN = /^[A-Z]{2,6}-[0-9a-z.-]+$/;

export const clauseIdField = (field = "条款编号") =>
  z.string({ error: `${field}必须是文字` }).regex(CLAUSE_ID_PATTERN, `${field}格式无效，应为“城市前缀-条款号”，如 XX-4.4b.3`);

export const enumOf = <const T extends readonly [string, ...string[]]>(field: string, values: T) =>
  z.enum(values, { error: `${field}的取值无效，应为：${values.join("、")}` });

export const roleSchema = enumOf("角色", ["staff", "unitMember", "public", "enterprise", "system"] as const);

/** Who did something: every decision names its person (GZ-2.1). */
export const actorSchema = z.object({
  uid: idOf("操作人编号"),
  role: roleSchema,
  name: optionalText("操作人姓名", 100),
});
export type Actor = z.infer<typeof actorSchema>;

export const digitalLevel = (field: string) =>
  z.number({ error: `${field}必须是数字` }).int(`${field}必须是整数`).min(1, `${field}应为 1–4 级`).max(4, `${field}应为 1–4 级`);

export const evidenceSchema = z.object({
  description: text("依据说明", 1000),
  documentId: idOf("依据材料编号").optional(),
});

/** The one shape of a period id: 2025 (annual), 2025-H1 (half-yearly) or 2025-Q3 (quarterly). */
export const PERIOD_ID_PATTERN = /^\d{4}(-Q[1-4]|-H[12])?$/;
export const periodIdOf = (field = "期次") => z.string({ error: `${field}必须是文字` }).regex(PERIOD_ID_PATTERN, `${field}格式无效：年度如 2025，半年如 2025-H1，季度如 2025-Q3`);

/** A period id in a request. */
export const periodIdRequest = periodIdOf();
