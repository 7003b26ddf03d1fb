// Unified social credit code (统一社会信用代码), GB 32100-2015. Used to identify units and
// partners and to bar cleared-out units from re-applying (GZ-4.4b, DG-10: 不得重新申请纳入).
import { errorMessages, type ErrorCode } from "./errors.js";

/** The 31 characters of GB 32100-2015 (digits and capitals without I, O, Z, S, V); index = value. */
export const USCC_CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;

/** Registration authority (position 1) → allowed institution types (position 2). GB 32100-2015 表 1 as amended. */
export const USCC_AUTHORITIES: Readonly<Record<string, { name: string; types: Readonly<Record<string, string>> }>> = {
  "1": { name: "机构编制", types: { "1": "机关", "2": "事业单位", "3": "中央编办直接管理机构编制的群众团体", "9": "其他" } },
  "2": { name: "外交", types: { "1": "外国常驻新闻机构", "9": "其他" } },
  "3": { name: "司法行政", types: { "1": "律师执业机构", "2": "公证处", "3": "基层法律服务所", "4": "司法鉴定机构", "5": "仲裁委员会", "9": "其他" } },
  "4": { name: "文化", types: { "1": "外国在华文化中心", "9": "其他" } },
  "5": { name: "民政", types: { "1": "社会团体", "2": "民办非企业单位", "3": "基金会", "9": "其他" } },
  "6": { name: "旅游", types: { "1": "外国旅游部门常驻代表机构", "2": "港澳台地区旅游部门常驻内地（大陆）代表机构", "9": "其他" } },
  "7": { name: "宗教", types: { "1": "宗教活动场所", "2": "宗教院校", "9": "其他" } },
  "8": { name: "工会", types: { "1": "基层工会", "9": "其他" } },
  "9": { name: "工商（市场监管）", types: { "1": "企业", "2": "个体工商户", "3": "农民专业合作社" } },
  A: { name: "中央军委改革和编制办公室", types: { "1": "军队事业单位", "9": "其他" } },
  N: { name: "农业", types: { "1": "组级集体经济组织", "2": "村级集体经济组织", "3": "乡镇级集体经济组织", "9": "其他" } },
  Y: { name: "其他", types: { "1": "其他" } },
};

// First two digits of a GB/T 2260 division code; 10 is used for bodies registered nationally.
const PROVINCES = new Set([
  "10", "11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34", "35", "36", "37",
  "41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62", "63", "64", "65",
  "71", "81", "82",
]);

export interface Uscc {
  code: string;
  authority: string;
  authorityName: string;
  type: string;
  typeName: string;
  /** 6-digit administrative division of the registering authority. */
  division: string;
  /** 9-character organisation code (GB 11714) including its own check character. */
  orgCode: string;
}

export type UsccErrorCode = Extract<ErrorCode, `USCC_${string}`>;
export type UsccResult = { ok: true; value: Uscc } | { ok: false; code: UsccErrorCode; message: string };

function fault(code: UsccErrorCode, detail: string): UsccResult {
  return { ok: false, code, message: `${errorMessages[code]}：${detail}` };
}

/** GB 11714 check character for an 8-character organisation-code body. */
export function orgCodeCheckChar(body: string): string {
  const weights = [3, 7, 9, 10, 5, 8, 4, 2];
  let sum = 0;
  for (let i = 0; i < 8; i++) {
    const ch = body.charAt(i);
    const value = /[0-9]/.test(ch) ? Number(ch) : ch.charCodeAt(0) - 55; // A = 10 … Z = 35
    sum += value * (weights[i] ?? 0);
  }
  const c = 11 - (sum % 11);
  return c === 10 ? "X" : c === 11 ? "0" : String(c);
}

/** GB 32100 check character for the first 17 characters. */
export function usccCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += USCC_CHARSET.indexOf(first17.charAt(i)) * (WEIGHTS[i] ?? 0);
  return USCC_CHARSET.charAt((31 - (sum % 31)) % 31);
}

/** Parses and fully checks a code. Surrounding spaces are trimmed; lower case is refused, not guessed. */
export function parseUscc(input: string): UsccResult {
  const code = input.trim();
  if (code.length !== 18) return fault("USCC_LENGTH", `当前为 ${code.length} 位`);
  for (let i = 0; i < 18; i++) {
    if (!USCC_CHARSET.includes(code.charAt(i))) return fault("USCC_CHARSET", `第 ${i + 1} 位“${code.charAt(i)}”`);
  }
  const authority = USCC_AUTHORITIES[code.charAt(0)];
  if (!authority) return fault("USCC_AUTHORITY", `“${code.charAt(0)}”`);
  const typeName = authority.types[code.charAt(1)];
  if (!typeName) return fault("USCC_TYPE", `登记管理部门“${authority.name}”下没有类别“${code.charAt(1)}”`);
  const division = code.slice(2, 8);
  if (!/^\d{6}$/.test(division) || !PROVINCES.has(division.slice(0, 2))) return fault("USCC_DIVISION", `“${division}”`);
  const orgCode = code.slice(8, 17);
  if (orgCodeCheckChar(orgCode.slice(0, 8)) !== orgCode.charAt(8)) return fault("USCC_ORG_CHECK", `“${orgCode}”`);
  const expected = usccCheckChar(code.slice(0, 17));
  if (expected !== code.charAt(17)) return fault("USCC_CHECK", `应为“${expected}”`);
  return {
    ok: true,
    value: { code, authority: code.charAt(0), authorityName: authority.name, type: code.charAt(1), typeName, division, orgCode },
  };
}

export interface UsccParts {
  authority?: string;
  type?: string;
  division?: string;
  /** 8 characters from the USCC charset; the GB 11714 check character is appended. */
  orgBody: string;
}

// Characters allowed in an organisation-code body that also belong to the USCC charset.
const BODY_CHARS = USCC_CHARSET;

/**
 * Builds a valid code: from parts, or from a serial number (demo data: an enterprise registered
 * in Guangzhou, 440100). The check characters GB 11714 yields (0–9, X) are all in the charset.
 */
export function makeUscc(serialOrParts: number | UsccParts): string {
  const parts: UsccParts =
    typeof serialOrParts === "number" ? { orgBody: serialBody(serialOrParts) } : serialOrParts;
  const authority = parts.authority ?? "9";
  const type = parts.type ?? "1";
  const division = parts.division ?? "440100";
  const body = parts.orgBody;
  if (body.length !== 8 || [...body].some((c) => !BODY_CHARS.includes(c))) {
    throw new Error(`组织机构代码本体应为 8 位合法字符：${body}`);
  }
  const first17 = `${authority}${type}${division}${body}${orgCodeCheckChar(body)}`;
  const code = first17 + usccCheckChar(first17);
  const parsed = parseUscc(code);
  if (!parsed.ok) throw new Error(parsed.message);
  return code;
}

function serialBody(serial: number): string {
  const capacity = USCC_CHARSET.length ** 6;
  if (!Number.isInteger(serial) || serial < 0 || serial >= capacity) throw new Error(`序号应为 0–${capacity - 1} 的整数：${serial}`);
  // A fixed "MA" prefix keeps demo codes visibly synthetic; the serial follows in base 31.
  let rest = serial;
  let digits = "";
  for (let i = 0; i < 6; i++) {
    digits = USCC_CHARSET.charAt(rest % 31) + digits;
    rest = Math.floor(rest / 31);
  }
  return `MA${digits}`;
}
