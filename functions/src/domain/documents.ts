// Decisions about uploaded documents (GZ-2.2.13, GZ-4.6.1, DG-13): who may attach a file to what,
// which kinds a target needs, which real file types are accepted, where the bytes live and how a
// client's file name is cleaned. Pure: the upload endpoint and the download callable call these.
import type { Viewer } from "./access.js";
import type { ChangeType, DocumentKind, PolicyPack } from "./policy/schema.js";

export const documentTargetTypes = ["change", "report", "proceeding", "unit"] as const;
export type DocumentTargetType = (typeof documentTargetTypes)[number];

/** What a file is attached to, as loaded by the store (only the fields the decisions need). */
export type DocumentTarget =
  | { type: "change"; id: string; unitId: string; state: string; changeType: ChangeType }
  | { type: "report"; id: string; unitId: string; state: string }
  | { type: "proceeding"; id: string; unitId: string; state: string; proceedingKind: "criticism" | "clearOut" | "partnerRemoval" }
  | { type: "unit"; id: string; unitId: string; state: string };

/** The only types we keep: a licence or a report is a PDF or a scan/photo. */
export const ACCEPTED_FILE_TYPES = { pdf: "application/pdf", jpg: "image/jpeg", png: "image/png" } as const;
export type AcceptedContentType = (typeof ACCEPTED_FILE_TYPES)[keyof typeof ACCEPTED_FILE_TYPES];

export const DEFAULT_MAX_UPLOAD_BYTES = 20 * 1024 * 1024;

export const documentErrors = {
  UNAUTHENTICATED: "请先登录后再上传材料。",
  NOT_IN_PROGRAMME: "只有本专项的工作小组成员或牵引单位成员可以上传材料。",
  NOT_YOUR_UNIT: "只能为本单位的事项上传材料。",
  TARGET_LOCKED: "该事项当前状态下不能再添加材料（只有草稿或被退回的申请、报告可以补充材料）。",
  TARGET_NOT_FOUND: "未找到要添加材料的事项。",
  KIND_NOT_NEEDED: "该事项不需要此类材料，请选择正确的材料类型。",
  FILE_MISSING: "请选择要上传的文件。",
  FILE_EMPTY: "文件为空（0 字节），请重新选择文件。",
  FILE_TOO_LARGE: "文件过大",
  FILE_TYPE: "只接受 PDF、JPEG 或 PNG 文件；根据文件内容判断，该文件不是这三种类型之一（修改扩展名无效）。",
  ONE_FILE_ONLY: "一次只能上传一个文件。",
  FIELDS_FIRST: "表单字段须在文件之前发送。",
  CONCURRENT_VERSION: "同一材料刚刚有人上传了新版本，请刷新后重试。",
  METHOD: "只接受 POST 请求。",
  NOT_MULTIPART: "请以 multipart/form-data 格式上传文件。",
  DOCUMENT_NOT_FOUND: "未找到该材料。",
  NO_ACCESS: "无权查看该材料：只有本专项工作小组和材料所属单位可以查看。",
  LINK_INVALID: "下载链接无效或已过期，请重新获取。",
} as const;
export type DocumentErrorCode = keyof typeof documentErrors;

export function fileTooLargeMessage(maxBytes: number): string {
  const mb = maxBytes / (1024 * 1024);
  const shown = Number.isInteger(mb) ? `${mb} MB` : `${maxBytes} 字节`;
  return `${documentErrors.FILE_TOO_LARGE}：单个文件不能超过 ${shown}。`;
}

/** Kinds a unit's own standing documents may have (licence, ID copy, financials, credit report). */
const UNIT_KINDS: readonly DocumentKind[] = ["businessLicence", "legalRepIdCopy", "auditReport", "stampedFinancialStatements", "creditChinaReport", "localServiceTeamList", "socialSecurityProof", "other"];

/** The document kinds a target needs; anything else is refused at upload. */
export function kindsForTarget(target: DocumentTarget, pack: PolicyPack): ReadonlySet<DocumentKind> {
  switch (target.type) {
    case "change":
      return new Set<DocumentKind>([...(pack.requiredDocuments[target.changeType] ?? []).flatMap((r) => r.anyOf), "changeApplicationLetter", "other"]);
    case "report":
      return new Set<DocumentKind>(["diagnosisReport", "evidence", "other"]);
    case "proceeding":
      return new Set<DocumentKind>(["rectificationReport", "meetingMinutes", "unitExitRequest", "evidence"]);
    case "unit":
      return new Set<DocumentKind>(UNIT_KINDS);
  }
}

/** Who is attaching: staff of programmes, or a member of one unit. */
export type Attacher = { staffOf: readonly string[]; unit?: { programmeId: string; unitId: string } };

/** A unit may add files only while its own application or report is still being prepared. */
const UNIT_EDITABLE_STATES = new Set(["draft", "returned"]);

/**
 * May this person attach a file of this kind to this target? Staff of the programme may attach
 * to anything in it (e.g. bureau-meeting minutes to a proceeding); a unit member only to its own
 * unit's draft or returned application or report, its own unit record, or — for a rectification
 * report or evidence — its own unit's issued criticism.
 */
export function mayAttach(attacher: Attacher, programmeId: string, target: DocumentTarget, kind: DocumentKind, pack: PolicyPack): { ok: true } | { ok: false; code: DocumentErrorCode; status: 403 | 409 | 400 } {
  const staff = attacher.staffOf.includes(programmeId);
  const member = attacher.unit?.programmeId === programmeId ? attacher.unit.unitId : undefined;
  if (!staff && !member) return { ok: false, code: "NOT_IN_PROGRAMME", status: 403 };
  if (!staff) {
    if (target.unitId !== member) return { ok: false, code: "NOT_YOUR_UNIT", status: 403 };
    if (target.type === "change" || target.type === "report") {
      if (!UNIT_EDITABLE_STATES.has(target.state)) return { ok: false, code: "TARGET_LOCKED", status: 409 };
    } else if (target.type === "proceeding") {
      const answers = target.proceedingKind === "criticism" && target.state === "issued" && (kind === "rectificationReport" || kind === "evidence");
      if (!answers) return { ok: false, code: "TARGET_LOCKED", status: 409 };
    }
  }
  if (!kindsForTarget(target, pack).has(kind)) return { ok: false, code: "KIND_NOT_NEEDED", status: 400 };
  return { ok: true };
}

/**
 * Who may read the file later (GZ-2.2.13): the owning unit and the programme's staff. Bureau-meeting
 * minutes are the bureau's internal record, so they have no owning unit (staff only).
 */
export function ownerUnitFor(target: DocumentTarget, kind: DocumentKind): string | undefined {
  return kind === "meetingMinutes" ? undefined : target.unitId;
}

/** The viewer as the access decision knows it, from role claims. */
export function viewerFromClaims(claims: { staff?: Record<string, string>; unit?: { programmeId: string; unitId: string } } | undefined, programmeId: string): Viewer {
  if (claims?.staff?.[programmeId]) return { role: "staff", programmeId };
  if (claims?.unit) return { role: "unitMember", programmeId: claims.unit.programmeId, unitId: claims.unit.unitId };
  return { role: "public" };
}

/** Where the bytes live: ids only, never anything the client typed. */
export function documentObjectPath(programmeId: string, documentId: string, version: number): string {
  for (const id of [programmeId, documentId]) if (!/^[A-Za-z0-9_-]+$/.test(id)) throw new Error(`unsafe id in object path: ${id}`);
  if (!Number.isInteger(version) || version < 1) throw new Error(`bad version ${version}`);
  return `programmes/${programmeId}/documents/${documentId}/v${version}`;
}

/** Parses an object path back into its ids (for the orphan sweeper); undefined when foreign. */
export function parseDocumentObjectPath(path: string): { programmeId: string; documentId: string; version: number } | undefined {
  const m = /^programmes\/([A-Za-z0-9_-]+)\/documents\/([A-Za-z0-9_-]+)\/v(\d+)$/.exec(path);
  return m ? { programmeId: m[1]!, documentId: m[2]!, version: Number(m[3]) } : undefined;
}

/** The key that groups versions of one kind for one target. */
export const targetKey = (type: DocumentTargetType, id: string) => `${type}/${id}`;

const MAX_NAME = 255;
// C0/C1 controls, and bidirectional overrides that can make "exe.pdf" display as "fdp.exe".
// eslint-disable-next-line no-control-regex
const UNSAFE_CHARS = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/**
 * The client's file name, kept only as a label: path parts (`../`, `C:\`) dropped, control and
 * direction-override characters removed, at most 255 characters (the extension kept when cut).
 */
export function cleanFileName(raw: string | undefined): string {
  let name = (raw ?? "").normalize("NFC").replace(UNSAFE_CHARS, "");
  name = name.split(/[/\\]/).pop() ?? "";
  name = name.replace(/\s+/g, " ").trim().replace(/^\.+/, "").trim();
  if (!name) return "未命名文件";
  if (name.length <= MAX_NAME) return name;
  const dot = name.lastIndexOf(".");
  const ext = dot > 0 && name.length - dot <= 10 ? name.slice(dot) : "";
  return truncateUtf16(name.slice(0, name.length - ext.length), MAX_NAME - ext.length) + ext;
}

/** Cuts to at most `max` UTF-16 units without splitting a surrogate pair. */
function truncateUtf16(s: string, max: number): string {
  let out = "";
  for (const ch of s) {
    if (out.length + ch.length > max) break;
    out += ch;
  }
  return out;
}

/** `Content-Disposition` for a download: ASCII fallback plus the exact name per RFC 5987/6266. */
export function contentDisposition(fileName: string): string {
  const fallback = fileName.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
