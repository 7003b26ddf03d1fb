// Decisions about uploaded documents (GZ-2.2.13, GZ-4.6.1, DG-13): who may attach a file to what,
// which kinds a target needs, which real file types are accepted, where the bytes live and how a
// client's file name is cleaned. Pure: the upload endpoint and the download callable call these.
import type { Viewer } from "./access.js";
import { refuse, type Refusal } from "./errors.js";
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

/** FILE_TOO_LARGE naming the limit, e.g. "文件过大：单个文件不能超过 20 MB。". */
export function fileTooLarge(maxBytes: number): Refusal {
  const mb = maxBytes / (1024 * 1024);
  const shown = Number.isInteger(mb) ? `${mb} MB` : `${maxBytes} 字节`;
  return refuse("FILE_TOO_LARGE", `单个文件不能超过 ${shown}。`);
}

/** Kinds a unit's own standing documents may have (licence, ID copy, financials, credit report). */
const UNIT_KINDS: readonly DocumentKind[] = ["businessLicence", "legalRepIdCopy", "auditReport", "stampedFinancialStatements", "creditChinaReport", "localServiceTeamList", "socialSecurityProof", "other"];

/** The document kinds a target needs; anything else is refused at upload. */
export function kindsForTarget(target: DocumentTarget, pack: PolicyPack): ReadonlySet<DocumentKind> {
  switch (target.type) {
    case "change": {
      // DG-13: staff attach the minutes where the work group referred a unit change to the bureau meeting.
      const minutes: DocumentKind[] = target.changeType === "unitInfo" && pack.unitChange.bureauMeeting === "optional" ? ["meetingMinutes"] : [];
      return new Set<DocumentKind>([...(pack.requiredDocuments[target.changeType] ?? []).flatMap((r) => r.anyOf), "changeApplicationLetter", ...minutes, "other"]);
    }
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
export function mayAttach(attacher: Attacher, programmeId: string, target: DocumentTarget, kind: DocumentKind, pack: PolicyPack): { ok: true } | Refusal {
  const staff = attacher.staffOf.includes(programmeId);
  const member = attacher.unit?.programmeId === programmeId ? attacher.unit.unitId : undefined;
  if (!staff && !member) return refuse("NOT_IN_PROGRAMME");
  if (!staff) {
    if (target.unitId !== member) return refuse("NOT_YOUR_UNIT");
    if (target.type === "change" || target.type === "report") {
      if (!UNIT_EDITABLE_STATES.has(target.state)) return refuse("TARGET_LOCKED");
    } else if (target.type === "proceeding") {
      const answers = target.proceedingKind === "criticism" && target.state === "issued" && (kind === "rectificationReport" || kind === "evidence");
      if (!answers) return refuse("TARGET_LOCKED");
    }
  }
  if (!kindsForTarget(target, pack).has(kind)) return refuse("KIND_NOT_NEEDED");
  // Minutes are the bureau's own record (see ownerUnitFor): staff upload them, never a unit.
  if (!staff && kind === "meetingMinutes") return refuse("STAFF_ONLY", "局务会会议纪要由工作人员上传");
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

/** Staff of the programme or a member of one of its units: the only people who may ask about its files. */
export function isInsider(viewer: Viewer, programmeId: string): viewer is Extract<Viewer, { role: "staff" | "unitMember" }> {
  return (viewer.role === "staff" || viewer.role === "unitMember") && viewer.programmeId === programmeId;
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

// eslint-disable-next-line no-control-regex
const CONTROL_CHAR = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/u;

/**
 * Why a file name as sent is refused, or undefined: a control character (NUL, CR, LF, TAB, DEL,
 * C1, line/paragraph separators) or a path separator (`/`, `\`) has no place in a file's own name
 * — browsers send the bare name — and only a hand-made request carries one.
 */
export function fileNameProblem(name: string): string | undefined {
  const control = CONTROL_CHAR.exec(name);
  if (control) return `发现控制字符 U+${control[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}`;
  const separator = /[/\\]/.exec(name);
  if (separator) return `发现路径分隔符“${separator[0]}”`;
  return undefined;
}

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

/** The extensions each accepted type may be saved under; the first is the one given when none fits. */
const EXTENSIONS_OF: Record<AcceptedContentType, readonly string[]> = { "application/pdf": [".pdf"], "image/jpeg": [".jpg", ".jpeg"], "image/png": [".png"] };

/**
 * The stored name's extension always says what the bytes are (the type sniffed from them): a
 * PDF/HTML polyglot sent as `evil.html` is kept as `evil.pdf`, so no one's computer opens it as a
 * web page. A name whose extension already fits keeps it.
 */
export function fileNameForType(cleanName: string, contentType: AcceptedContentType): string {
  const allowed = EXTENSIONS_OF[contentType];
  const dot = cleanName.lastIndexOf(".");
  const ext = dot > 0 ? cleanName.slice(dot).toLowerCase() : "";
  if (allowed.includes(ext)) return cleanName;
  const base = dot > 0 && ext.length <= 10 ? cleanName.slice(0, dot) : cleanName;
  return `${truncateUtf16(base, MAX_NAME - allowed[0]!.length)}${allowed[0]}`;
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
