// Pure decisions about uploaded documents: attach rights, kinds a target needs, id-only object
// paths, cleaned file names, download headers and the reviewer's checklist.
import { describe, expect, it } from "vitest";
import { cleanFileName, contentDisposition, fileNameProblem, documentObjectPath, kindsForTarget, mayAttach, ownerUnitFor, parseDocumentObjectPath, viewerFromClaims, type DocumentTarget } from "../../../functions/src/domain/documents.js";
import { documentChecklist } from "../../../functions/src/domain/requiredDocuments.js";
import { uploadDocumentFieldsSchema } from "../../../functions/src/domain/schemas/documents.js";
import { dg, gz } from "./fixtures.js";

const change = (state = "draft", unitId = "u1"): DocumentTarget => ({ type: "change", id: "c1", unitId, state, changeType: "partnerAdd" });
const member = (unitId = "u1", programmeId = "p1") => ({ staffOf: [], unit: { programmeId, unitId } });
const staff = (programmeId = "p1") => ({ staffOf: [programmeId] });
const code = (r: ReturnType<typeof mayAttach>) => (r.ok ? "ok" : r.code);

describe("attaching files", () => {
  it("GZ-4.6.1: a unit attaches the four partner-addition documents to its own draft or returned application only", () => {
    expect(code(mayAttach(member(), "p1", change(), "businessLicence", gz))).toBe("ok");
    expect(code(mayAttach(member(), "p1", change("returned"), "creditChinaReport", gz))).toBe("ok");
    expect(code(mayAttach(member(), "p1", change("submitted"), "businessLicence", gz))).toBe("TARGET_LOCKED");
    expect(code(mayAttach(member("u2"), "p1", change(), "businessLicence", gz))).toBe("NOT_YOUR_UNIT");
    expect(code(mayAttach(member("u1", "p2"), "p1", change(), "businessLicence", gz))).toBe("NOT_IN_PROGRAMME");
    expect(code(mayAttach(staff("p2"), "p1", change(), "businessLicence", gz))).toBe("NOT_IN_PROGRAMME");
  });

  it("GZ-4.6.1: the declared kind must be one the target needs", () => {
    expect(kindsForTarget(change(), gz)).toEqual(new Set(["businessLicence", "legalRepIdCopy", "auditReport", "stampedFinancialStatements", "creditChinaReport", "changeApplicationLetter", "other"]));
    expect(code(mayAttach(member(), "p1", change(), "meetingMinutes", gz))).toBe("KIND_NOT_NEEDED");
    expect(code(mayAttach(member(), "p1", change(), "socialSecurityProof", gz))).toBe("KIND_NOT_NEEDED");
  });

  it("DG-13: a Dongguan unit change takes the DG-13 documents, and the bureau meeting's minutes when the work group refers it", () => {
    const unitChange: DocumentTarget = { type: "change", id: "c2", unitId: "u1", state: "draft", changeType: "unitInfo" };
    expect(kindsForTarget(unitChange, dg)).toEqual(new Set(["changeApplicationLetter", "businessLicence", "legalRepIdCopy", "localServiceTeamList", "socialSecurityProof", "meetingMinutes", "other"]));
    // Guangzhou has no such referral for a unit change.
    expect(kindsForTarget(unitChange, gz).has("meetingMinutes")).toBe(false);
    expect(code(mayAttach(staff(), "p1", unitChange, "meetingMinutes", dg))).toBe("ok");
    expect(code(mayAttach(member(), "p1", unitChange, "meetingMinutes", dg))).toBe("STAFF_ONLY");
    expect(ownerUnitFor(unitChange, "meetingMinutes")).toBeUndefined();
  });

  it("GZ-4.4b.9: staff attach bureau-meeting minutes to a proceeding; a unit may only answer its own issued criticism", () => {
    const crit = (state: string): DocumentTarget => ({ type: "proceeding", id: "x", unitId: "u1", state, proceedingKind: "criticism" });
    const clearOut: DocumentTarget = { type: "proceeding", id: "y", unitId: "u1", state: "proposed", proceedingKind: "clearOut" };
    expect(code(mayAttach(staff(), "p1", clearOut, "meetingMinutes", gz))).toBe("ok");
    expect(code(mayAttach(member(), "p1", clearOut, "meetingMinutes", gz))).toBe("TARGET_LOCKED");
    expect(code(mayAttach(member(), "p1", crit("issued"), "rectificationReport", gz))).toBe("ok");
    expect(code(mayAttach(member(), "p1", crit("accepted"), "rectificationReport", gz))).toBe("TARGET_LOCKED");
    expect(ownerUnitFor(clearOut, "meetingMinutes")).toBeUndefined();
    expect(ownerUnitFor(crit("issued"), "rectificationReport")).toBe("u1");
  });

  it("GZ-2.2.13: the viewer comes from role claims; no claim means the public", () => {
    expect(viewerFromClaims({ staff: { p1: "reviewer" } }, "p1")).toEqual({ role: "staff", programmeId: "p1" });
    expect(viewerFromClaims({ staff: { p2: "admin" } }, "p1")).toEqual({ role: "public" });
    expect(viewerFromClaims({ unit: { programmeId: "p1", unitId: "u1" } }, "p1")).toEqual({ role: "unitMember", programmeId: "p1", unitId: "u1" });
    expect(viewerFromClaims(undefined, "p1")).toEqual({ role: "public" });
  });
});

describe("paths and names", () => {
  it("object paths are built from ids only and parse back", () => {
    expect(documentObjectPath("gz-2025", "AbC123", 2)).toBe("programmes/gz-2025/documents/AbC123/v2");
    expect(parseDocumentObjectPath("programmes/gz-2025/documents/AbC123/v2")).toEqual({ programmeId: "gz-2025", documentId: "AbC123", version: 2 });
    expect(() => documentObjectPath("..", "x", 1)).toThrow();
    expect(() => documentObjectPath("p", "a/b", 1)).toThrow();
    expect(parseDocumentObjectPath("programmes/p/documents/../v1")).toBeUndefined();
  });

  it("a client file name is cleaned: no path parts, no control or direction-override characters, at most 255 characters", () => {
    expect(cleanFileName("../../etc/passwd")).toBe("passwd");
    expect(cleanFileName("C:\\Users\\张三\\营业执照.pdf")).toBe("营业执照.pdf");
    expect(cleanFileName("a\u0000b\u001fc\u202Efdp.exe")).toBe("abcfdp.exe");
    expect(cleanFileName("..")).toBe("未命名文件");
    expect(cleanFileName(undefined)).toBe("未命名文件");
    const long = cleanFileName(`${"信".repeat(300)}.pdf`);
    expect(long).toHaveLength(255);
    expect(long.endsWith("信.pdf")).toBe(true);
    // a surrogate pair is never split
    expect([...cleanFileName("😀".repeat(200))].every((c) => c === "😀")).toBe(true);
  });

  it("a file name as sent with a control character or a path separator is refused, saying what was found (the upload answers 400)", () => {
    expect(fileNameProblem("a\u0000b.pdf")).toBe("发现控制字符 U+0000");
    expect(fileNameProblem("营业\r\n执照.pdf")).toBe("发现控制字符 U+000D");
    expect(fileNameProblem("a\tb.pdf")).toBe("发现控制字符 U+0009");
    expect(fileNameProblem("a\u007fb.pdf")).toBe("发现控制字符 U+007F");
    expect(fileNameProblem("a\u0085b.pdf")).toBe("发现控制字符 U+0085");
    expect(fileNameProblem("a\u2028b.pdf")).toBe("发现控制字符 U+2028");
    expect(fileNameProblem("../../etc/passwd")).toBe("发现路径分隔符“/”");
    expect(fileNameProblem("C:\\Users\\营业执照.pdf")).toBe("发现路径分隔符“\\”");
    for (const ok of ["营业执照（副本）.pdf", "a b.pdf", "..pdf", "\u202Efdp.exe", ""]) expect(fileNameProblem(ok), ok).toBeUndefined();
  });

  it("the download name survives in Chinese (RFC 5987) with an ASCII fallback", () => {
    expect(contentDisposition("营业执照 (1).pdf")).toBe(`attachment; filename="____ (1).pdf"; filename*=UTF-8''%E8%90%A5%E4%B8%9A%E6%89%A7%E7%85%A7%20%281%29.pdf`);
    expect(contentDisposition('a"b.pdf')).toContain('filename="a_b.pdf"');
  });

  it("upload fields are validated with Chinese messages naming the field", () => {
    const r = uploadDocumentFieldsSchema.safeParse({ programmeId: "p", targetType: "bogus", targetId: "t", kind: "selfie", issuedOn: "2025-02-30" });
    expect(r.success).toBe(false);
    const messages = r.error!.issues.map((i) => i.message).join("；");
    expect(messages).toContain("材料所属事项类型的取值无效");
    expect(messages).toContain("材料类型无效");
    expect(messages).toContain("查询日期（出具日期）必须是 YYYY-MM-DD 格式的有效日期");
    expect(uploadDocumentFieldsSchema.parse({ programmeId: "p", targetType: "change", targetId: "t", kind: "other", stamped: "true" }).stamped).toBe(true);
  });
});

describe("the reviewer's checklist", () => {
  const today = "2025-06-10";
  const four = [
    { documentId: "d1", version: 1, kind: "businessLicence" as const },
    { documentId: "d2", version: 2, kind: "legalRepIdCopy" as const },
    { documentId: "d3", version: 1, kind: "auditReport" as const },
    { documentId: "d4", version: 1, kind: "creditChinaReport" as const, issuedOn: "2025-06-01" },
  ];

  it("GZ-4.6.1: every required slot shows what is present; nothing missing when all four are current and fresh", () => {
    const c = documentChecklist("partnerAdd", four, gz, today);
    expect(c.missing).toEqual([]);
    expect(c.flags).toEqual([]);
    expect(c.requirements.map((r) => [r.label, r.present.map((p) => p.documentId), r.problems])).toEqual([
      ["营业执照", ["d1"], []],
      ["法人身份证复印件", ["d2"], []],
      ["上年度财务审计报告或加盖公章的财务报表", ["d3"], []],
      ["“信用中国”查询报告关键页", ["d4"], []],
    ]);
  });

  it("GZ-4.6.1: a Credit China report older than the freshness limit is flagged and counts as missing", () => {
    const stale = four.map((d) => (d.kind === "creditChinaReport" ? { ...d, issuedOn: "2025-05-10" } : d)); // 31 days
    const c = documentChecklist("partnerAdd", stale, gz, today);
    expect(c.missing).toEqual(["“信用中国”查询报告关键页（须为 30 天内出具）"]);
    expect(c.flags).toEqual([{ documentId: "d4", code: "CREDIT_REPORT_STALE", message: expect.stringContaining("距今 31 天，超过 30 天的有效期") }]);
    const undated = documentChecklist("partnerAdd", four.map((d) => (d.kind === "creditChinaReport" ? { documentId: "d4", version: 1, kind: d.kind } : d)), gz, today);
    expect(undated.flags.map((f) => f.code)).toEqual(["CREDIT_REPORT_NO_DATE"]);
  });

  it("DG-13: unstamped documents are listed as problems of their slot", () => {
    const c = documentChecklist("unitInfo", [{ documentId: "x", version: 1, kind: "businessLicence", stamped: false }], dg, today);
    expect(c.requirements.find((r) => r.anyOf.includes("businessLicence"))!.problems).toEqual(["在莞独立法人的营业执照复印件（须加盖公章）"]);
    expect(c.missing).toHaveLength(5);
  });
});
