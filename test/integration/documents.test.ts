// Uploads and downloads of the documents the rules require (GZ-4.6.1, DG-13), kept safe
// (GZ-2.2.13): real files built in the test go through the uploadDocument HTTPS function on the
// emulators; accepted ones are checked on disk (bytes, SHA-256) and in Firestore (metadata,
// audit); refused ones must leave neither an object nor a metadata row and say why in Chinese.
// The size limit is the real 20 MiB: the over-limit case sends a generated 20 MiB + 1 byte file.
import { readFile, stat, utimes, writeFile, mkdir } from "node:fs/promises";
import { dirname, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { account, DEMO_PASSWORD } from "../../scripts/demo/accounts.js";
import { seedDemo } from "../../scripts/demo/seed.js";
import { makeUscc } from "../../functions/src/domain/uscc.js";
import { collections } from "../../functions/src/store/collections.js";
import { markApproved, readCurrentForApproval } from "../../functions/src/store/documents.js";
import { removeOrphanFiles } from "../../functions/src/usecases/removeOrphanFiles.js";
import { productionDeps } from "../../functions/src/usecases/deps.js";
import { admin, anonymousCall, clearFirestore, closeClients, signedInClient } from "../support/emulators.js";
import { elfExecutable, filesOnDisk, functionUrl, idToken, minimalPdf, pdfOfSize, realPng, sha256, upload, windowsExecutable } from "../support/uploads.js";
import { auditClauseOffenders } from "../support/auditClauses.js";

const P = "gz-2025";
const MiB = 1024 * 1024;
const email = (uid: string) => account(uid).email;
const tokens: Record<string, string> = {};
const as = (uid: string) => tokens[uid]!;

/** What submitChange says to the unit member; the application must still be a draft afterwards. */
async function submitRefusal(member: string, programmeId: string, changeId: string): Promise<string> {
  const client = await signedInClient(email(member), DEMO_PASSWORD);
  const message = await client.call("submitChange", { programmeId, changeId }).then(() => "已提交", (e: Error) => e.message);
  expect((await collections.changes(programmeId).doc(changeId).get()).data()!.state).toBe("draft");
  return message;
}
const onDisk = (path: string) => join(process.env.FILES_DIR!, path);

const fieldsFor = (targetId: string, kind: string, extra: Record<string, string> = {}, targetType = "change", programmeId = P) => ({ programmeId, targetType, targetId, kind, ...extra });

async function documentRows(programmeId = P) {
  return (await admin().db.collection(`programmes/${programmeId}/documents`).get()).docs.map((d) => ({ id: d.id, ...d.data() })) as Array<Record<string, unknown> & { id: string }>;
}
async function auditOf(action: string, programmeId = P) {
  return (await admin().db.collection(`programmes/${programmeId}/audit`).where("action", "==", action).get()).docs.map((d) => d.data());
}

/** Runs an upload that must be refused and proves it left nothing behind. */
async function refusedLeavesNothing(run: () => Promise<{ status: number; json: { error?: { code: string; message: string } } }>) {
  const filesBefore = await filesOnDisk();
  const rowsBefore = (await documentRows()).length;
  const uploadsAuditedBefore = (await auditOf("document.uploaded")).length;
  const answer = await run();
  expect(await filesOnDisk()).toEqual(filesBefore);
  expect((await documentRows()).length).toBe(rowsBefore);
  expect((await auditOf("document.uploaded")).length).toBe(uploadsAuditedBefore);
  expect(answer.json.error?.message).toMatch(/[\u4e00-\u9fa5]/);
  return answer;
}

describe("documents: upload, versions, download, checks", () => {
  beforeAll(async () => {
    await clearFirestore();
    const { db } = admin();
    await seedDemo(admin());
    const partnerAdd = (unitId: string, state: "draft" | "submitted") => ({ unitId, type: "partnerAdd" as const, state, payload: { type: "partnerAdd" as const, name: "新伙伴（演示）", uscc: makeUscc(40) }, documents: [] });
    await collections.changes(P).doc("chg-u01").set(partnerAdd("gz-u01", "draft"));
    await collections.changes(P).doc("chg-u01-submitted").set(partnerAdd("gz-u01", "submitted"));
    await collections.changes(P).doc("chg-u02").set(partnerAdd("gz-u02", "draft"));
    await collections.changes("dg-2025").doc("chg-dg").set({ unitId: "dg-u01", type: "unitInfo", state: "draft", payload: { type: "unitInfo", changes: [{ field: "address", to: "东莞市南城区（演示）" }], effectiveOn: "2025-07-01" }, documents: [] });
    await collections.proceedings(P).doc("co-u01").set({ kind: "clearOut", unitId: "gz-u01", ground: "GZ-4.4b.5", evidence: [], automatic: false, openedOn: "2025-06-01", openedBy: { uid: "staff-gz", role: "staff" }, state: "proposed" });
    for (const uid of ["member-gz-01", "member-gz-02", "staff-gz", "staff-dg", "member-dg-01"]) tokens[uid] = await idToken(email(uid));
    void db;
  });
  afterAll(closeClients);

  let pdfId = "";
  const pdf = minimalPdf("licence");

  it("GZ-4.6.1: a unit uploads a real PDF licence to its own draft application; stored under an id-only path with the right SHA-256, metadata and an audit entry", async () => {
    const r = await upload(as("member-gz-01"), fieldsFor("chg-u01", "businessLicence", { stamped: "true" }), { name: "营业执照.pdf", bytes: pdf });
    expect(r.status).toBe(201);
    pdfId = r.json.documentId!;
    expect(r.json).toMatchObject({ version: 1, sha256: sha256(pdf), size: pdf.length, contentType: "application/pdf", fileName: "营业执照.pdf" });
    const meta = (await collections.documents(P).doc(pdfId).get()).data()!;
    expect(meta).toMatchObject({ kind: "businessLicence", ownerUnitId: "gz-u01", fileName: "营业执照.pdf", storagePath: `programmes/${P}/documents/${pdfId}/v1`, size: pdf.length, sha256: sha256(pdf), contentType: "application/pdf", sensitive: false, stamped: true, programmeId: P, target: { type: "change", id: "chg-u01", unitId: "gz-u01" }, targetKey: "change/chg-u01", version: 1, current: true, uploadedBy: { uid: "member-gz-01", role: "unitMember" } });
    const stored = await readFile(onDisk(meta.storagePath));
    expect(sha256(stored)).toBe(sha256(pdf));
    expect(await auditOf("document.uploaded")).toEqual([expect.objectContaining({ actor: expect.objectContaining({ uid: "member-gz-01" }), entity: `programmes/${P}/documents/${pdfId}`, after: expect.objectContaining({ sha256: sha256(pdf), version: 1 }) })]);
  });

  it("GZ-2.2.13: a real PNG with a 300-character Chinese name is stored as image/png; the name is cleaned metadata, never part of the path (a name with a path is refused: ownershipAndNames.test.ts)", async () => {
    const png = realPng();
    const name = `\u202e${"法定代表人身份证".repeat(37)}.png`; // 1 + 296 + 4 = 301 characters, with a direction override
    expect(name.length).toBeGreaterThanOrEqual(300);
    const r = await upload(as("member-gz-01"), fieldsFor("chg-u01", "legalRepIdCopy"), { name, bytes: png, contentType: "image/png" });
    expect(r.status).toBe(201);
    const meta = (await collections.documents(P).doc(r.json.documentId!).get()).data()!;
    expect(meta.contentType).toBe("image/png");
    expect(meta.sensitive).toBe(true);
    expect(meta.sha256).toBe(sha256(png));
    expect(meta.fileName).not.toContain("\u202e");
    expect(meta.fileName.length).toBe(255);
    expect(meta.fileName.startsWith("法定代表人身份证")).toBe(true);
    expect(meta.fileName.endsWith(".png")).toBe(true);
    expect(meta.storagePath).toBe(`programmes/${P}/documents/${r.json.documentId}/v1`);
    expect(sha256(await readFile(onDisk(meta.storagePath)))).toBe(sha256(png));
  });

  it("GZ-2.2.13: an executable renamed .pdf (ELF and Windows MZ) is refused from its bytes and leaves nothing behind", async () => {
    for (const bytes of [elfExecutable(), windowsExecutable()]) {
      const r = await refusedLeavesNothing(() => upload(as("member-gz-01"), fieldsFor("chg-u01", "auditReport"), { name: "审计报告.pdf", bytes, contentType: "application/pdf" }));
      expect(r.status).toBe(415);
      expect(r.json.error).toEqual({ code: "FILE_TYPE", message: expect.stringContaining("只接受 PDF、JPEG 或 PNG 文件") });
    }
  });

  it("a zero-byte file is refused and leaves nothing behind", async () => {
    const r = await refusedLeavesNothing(() => upload(as("member-gz-01"), fieldsFor("chg-u01", "auditReport"), { name: "空.pdf", bytes: new Uint8Array() }));
    expect(r.status).toBe(400);
    expect(r.json.error).toEqual({ code: "FILE_EMPTY", message: "文件为空（0 字节），请重新选择文件。" });
  });

  it("a file one byte over the 20 MiB limit is refused with 413 in Chinese and leaves nothing behind; exactly 20 MiB passes", async () => {
    const r = await refusedLeavesNothing(() => upload(as("member-gz-01"), fieldsFor("chg-u01", "auditReport"), { name: "太大.pdf", bytes: pdfOfSize(20 * MiB + 1) }));
    expect(r.status).toBe(413);
    expect(r.json.error).toEqual({ code: "FILE_TOO_LARGE", message: "文件过大：单个文件不能超过 20 MB。" });
    // exactly the limit is accepted
    const exact = pdfOfSize(20 * MiB);
    const ok = await upload(as("member-gz-01"), fieldsFor("chg-u01", "other"), { name: "正好20MB.pdf", bytes: exact });
    expect([ok.status, ok.json.size, ok.json.sha256]).toEqual([201, 20 * MiB, sha256(exact)]);
  });

  it("bad fields are refused with HTTP 400 naming the field in Chinese; nothing stored", async () => {
    const r = await refusedLeavesNothing(() => upload(as("member-gz-01"), { programmeId: P, targetType: "invoice", targetId: "chg-u01", kind: "selfie", issuedOn: "2025-13-01" }, { name: "x.pdf", bytes: pdf }));
    expect(r.status).toBe(400);
    expect(r.json.error!.code).toBe("INVALID_ARGUMENT");
    expect(r.json.error!.message).toMatch(/targetType：材料所属事项类型的取值无效.*kind：材料类型无效.*issuedOn：查询日期/);
    const none = await refusedLeavesNothing(() => upload(as("member-gz-01"), fieldsFor("chg-u01", "auditReport")));
    expect(none.json.error!.code).toBe("FILE_MISSING");
  });

  it("GZ-4.6.1: a kind the application does not need is refused (meeting minutes on a partner addition)", async () => {
    const r = await refusedLeavesNothing(() => upload(as("member-gz-01"), fieldsFor("chg-u01", "meetingMinutes"), { name: "纪要.pdf", bytes: pdf }));
    expect(r.status).toBe(400);
    expect(r.json.error!.code).toBe("KIND_NOT_NEEDED");
  });

  it("GZ-2.2.13: upload access grid — another unit's member, staff of another programme, anonymous, a forged token, and the owner on a submitted application are all refused", async () => {
    const cases: Array<[string | undefined, number, string, string]> = [
      [as("member-gz-02"), 403, "NOT_YOUR_UNIT", "chg-u01"],
      [as("staff-dg"), 403, "NOT_IN_PROGRAMME", "chg-u01"],
      [as("member-dg-01"), 403, "NOT_IN_PROGRAMME", "chg-u01"],
      [undefined, 401, "UNAUTHENTICATED", "chg-u01"],
      ["not-a-real-token", 401, "UNAUTHENTICATED", "chg-u01"],
      [as("member-gz-01"), 409, "TARGET_LOCKED", "chg-u01-submitted"],
      [as("member-gz-01"), 404, "TARGET_NOT_FOUND", "no-such-change"],
    ];
    for (const [token, status, code, target] of cases) {
      const r = await refusedLeavesNothing(() => upload(token, fieldsFor(target, "businessLicence"), { name: "营业执照.pdf", bytes: pdf }));
      expect([r.status, r.json.error!.code]).toEqual([status, code]);
    }
  });

  it("GZ-4.4b.9: staff attach bureau-meeting minutes to a proceeding; the unit cannot read them (staff only)", async () => {
    const r = await upload(as("staff-gz"), fieldsFor("co-u01", "meetingMinutes", {}, "proceeding"), { name: "局务会纪要.pdf", bytes: minimalPdf("minutes") });
    expect(r.status).toBe(201);
    const meta = (await collections.documents(P).doc(r.json.documentId!).get()).data()!;
    expect(meta.ownerUnitId).toBeUndefined();
    expect(meta.uploadedBy.role).toBe("staff");
    const member = await signedInClient(email("member-gz-01"), DEMO_PASSWORD);
    await expect(member.call("getDocumentDownload", { programmeId: P, documentId: r.json.documentId })).rejects.toMatchObject({ code: "functions/permission-denied" });
  });

  let v2Id = "";
  it("GZ-4.6.1: re-uploading the same kind creates version 2 chained to version 1; the old version and its bytes stay", async () => {
    const newer = minimalPdf("licence v2");
    const r = await upload(as("member-gz-01"), fieldsFor("chg-u01", "businessLicence", { stamped: "true" }), { name: "营业执照（新）.pdf", bytes: newer });
    expect(r.status).toBe(201);
    v2Id = r.json.documentId!;
    expect(r.json).toMatchObject({ version: 2, previousVersionId: pdfId });
    const [v1, v2] = await Promise.all([collections.documents(P).doc(pdfId).get(), collections.documents(P).doc(v2Id).get()]);
    expect(v1.data()).toMatchObject({ version: 1, current: false });
    expect(v2.data()).toMatchObject({ version: 2, current: true, previousVersionId: pdfId, storagePath: `programmes/${P}/documents/${v2Id}/v2` });
    expect(sha256(await readFile(onDisk(v1.data()!.storagePath)))).toBe(sha256(pdf));
    const staff = await signedInClient(email("staff-gz"), DEMO_PASSWORD);
    const checks = await staff.call<{ current: Array<{ kind: string; documentId: string; version: number }> }>("checkDocuments", { programmeId: P, targetType: "change", targetId: "chg-u01" });
    expect(checks.current.find((d) => d.kind === "businessLicence")).toMatchObject({ documentId: v2Id, version: 2 });
  });

  it("GZ-2.2.13: the owning unit and staff download through a 5-minute link; the bytes, type and Chinese name arrive intact; every call is audited", async () => {
    const before = (await auditOf("document.downloaded")).length;
    for (const uid of ["member-gz-01", "staff-gz"]) {
      const client = await signedInClient(email(uid), DEMO_PASSWORD);
      const link = await client.call<{ url: string; expiresAt: string }>("getDocumentDownload", { programmeId: P, documentId: pdfId });
      const ttl = new Date(link.expiresAt).getTime() - Date.now();
      expect(ttl).toBeGreaterThan(4 * 60_000);
      expect(ttl).toBeLessThanOrEqual(5 * 60_000);
      const res = await fetch(link.url);
      expect(res.status).toBe(200);
      expect(res.headers.get("content-type")).toBe("application/pdf");
      expect(res.headers.get("content-disposition")).toBe(`attachment; filename="____.pdf"; filename*=UTF-8''${encodeURIComponent("营业执照.pdf")}`);
      expect(sha256(Buffer.from(await res.arrayBuffer()))).toBe(sha256(pdf));
    }
    const entries = (await auditOf("document.downloaded")).filter((e) => e.entity === `programmes/${P}/documents/${pdfId}`);
    expect(entries.length - before).toBe(2);
    expect(entries.map((e) => e.actor.uid).sort()).toEqual(["member-gz-01", "staff-gz"]);
    expect(entries.every((e) => e.at && e.clause === "GZ-2.2.13")).toBe(true);
  });

  it("GZ-2.2.13: a link downloads once: the fetch is the audited download, a second fetch of the same link is refused and audits nothing", async () => {
    const owner = await signedInClient(email("member-gz-01"), DEMO_PASSWORD);
    const { url } = await owner.call<{ url: string }>("getDocumentDownload", { programmeId: P, documentId: pdfId });
    const before = (await auditOf("document.downloaded")).length;
    expect((await fetch(url)).status).toBe(200);
    const again = await fetch(url);
    expect(again.status).toBe(403);
    expect(((await again.json()) as { error: { message: string } }).error.message).toBe("该下载链接已使用过，每个链接只能下载一次，请重新获取。");
    const after = await auditOf("document.downloaded");
    expect(after.length - before).toBe(1);
  });

  it("GZ-2.2.13: download access grid — another unit's member, staff of another programme and anonymous are refused and nothing is audited; a tampered link is refused", async () => {
    const before = (await auditOf("document.downloaded")).length;
    for (const uid of ["member-gz-02", "staff-dg", "member-dg-01"]) {
      const c = await signedInClient(email(uid), DEMO_PASSWORD);
      await expect(c.call("getDocumentDownload", { programmeId: P, documentId: pdfId })).rejects.toMatchObject({ code: "functions/permission-denied", message: expect.stringContaining("无权查看该材料") });
    }
    await expect(anonymousCall("getDocumentDownload", { programmeId: P, documentId: pdfId })).rejects.toMatchObject({ code: "functions/unauthenticated" });
    expect((await auditOf("document.downloaded")).length).toBe(before);

    const owner = await signedInClient(email("member-gz-01"), DEMO_PASSWORD);
    const { url } = await owner.call<{ url: string }>("getDocumentDownload", { programmeId: P, documentId: pdfId });
    const token = new URL(url).searchParams.get("token")!;
    const [payload, mac] = token.split(".");
    const other = Buffer.from(Buffer.from(payload!, "base64url").toString().replace(pdfId, v2Id)).toString("base64url");
    const forged = await fetch(`${await functionUrl("downloadDocument")}?token=${other}.${mac}`);
    expect(forged.status).toBe(403);
    expect(((await forged.json()) as { error: { message: string } }).error.message).toBe("下载链接无效或已过期，请重新获取。");
  });

  it("GZ-4.6.1: the reviewer's checklist lists what is missing and flags a Credit China report older than 30 days; submitChange's helper blocks with the same list", async () => {
    const shanghaiToday = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    const daysAgo = (n: number) => new Date(Date.parse(shanghaiToday) - n * 86_400_000).toISOString().slice(0, 10);
    // submitChange refuses with the list of what is missing, and the application stays a draft.
    expect(await submitRefusal("member-gz-01", P, "chg-u01")).toBe("申请缺少必须提交的材料：上年度财务审计报告或加盖公章的财务报表、“信用中国”查询报告关键页");

    expect((await upload(as("member-gz-01"), fieldsFor("chg-u01", "auditReport"), { name: "审计报告.pdf", bytes: minimalPdf("audit") })).status).toBe(201);
    const stale = await upload(as("member-gz-01"), fieldsFor("chg-u01", "creditChinaReport", { issuedOn: daysAgo(45) }), { name: "信用中国.pdf", bytes: minimalPdf("credit") });
    expect(stale.status).toBe(201);

    const staff = await signedInClient(email("staff-gz"), DEMO_PASSWORD);
    type Checks = { missing: string[]; flags: Array<{ documentId: string; code: string; message: string }>; requirements: Array<{ label: string; present: Array<{ documentId: string }> }> };
    const c1 = await staff.call<Checks>("checkDocuments", { programmeId: P, targetType: "change", targetId: "chg-u01" });
    expect(c1.missing).toEqual(["“信用中国”查询报告关键页（须为 30 天内出具）"]);
    expect(c1.flags).toEqual([{ documentId: stale.json.documentId, code: "CREDIT_REPORT_STALE", message: expect.stringContaining("距今 45 天，超过 30 天的有效期") }]);
    expect(await submitRefusal("member-gz-01", P, "chg-u01")).toBe("申请缺少必须提交的材料：“信用中国”查询报告关键页（须为 30 天内出具）");

    const fresh = await upload(as("member-gz-01"), fieldsFor("chg-u01", "creditChinaReport", { issuedOn: daysAgo(3) }), { name: "信用中国（新）.pdf", bytes: minimalPdf("credit 2") });
    expect(fresh.json.version).toBe(2);
    const member = await signedInClient(email("member-gz-01"), DEMO_PASSWORD);
    const c2 = await member.call<Checks>("checkDocuments", { programmeId: P, targetType: "change", targetId: "chg-u01" });
    expect(c2.missing).toEqual([]);
    expect(c2.flags).toEqual([]);

    const outsider = await signedInClient(email("member-gz-02"), DEMO_PASSWORD);
    await expect(outsider.call("checkDocuments", { programmeId: P, targetType: "change", targetId: "chg-u01" })).rejects.toMatchObject({ code: "functions/permission-denied" });
  });

  it("DG-13: a Dongguan unit change takes the stamped 变更申请书 and its four stamped documents; unstamped ones count as missing", async () => {
    const r = await upload(as("member-dg-01"), fieldsFor("chg-dg", "socialSecurityProof", { stamped: "false" }, "change", "dg-2025"), { name: "社保证明.png", bytes: realPng(8, 8), contentType: "image/png" });
    expect(r.status).toBe(201);
    expect(await submitRefusal("member-dg-01", "dg-2025", "chg-dg")).toBe("申请缺少必须提交的材料：变更申请书、在莞独立法人的营业执照复印件、法定代表人身份证复印件、本地服务团队名单、社保证明（须加盖公章）");
  });

  it("GZ-4.6.2: a reviewer's decision records exactly which versions it approved; a later re-upload does not move the approval", async () => {
    const reviewer = { uid: "staff-gz", role: "staff" as const, name: "广州工作小组（演示）" };
    const approved = await admin().db.runTransaction(async (tx) => markApproved(tx, P, await readCurrentForApproval(tx, P, "change", "chg-u01"), reviewer, new Date()));
    const licence = approved.find((a) => a.kind === "businessLicence")!;
    expect(licence).toEqual({ kind: "businessLicence", documentId: v2Id, version: 2 });
    expect(approved.map((a) => a.kind).sort()).toEqual(["auditReport", "businessLicence", "creditChinaReport", "legalRepIdCopy", "other"]);
    const r = await upload(as("staff-gz"), fieldsFor("chg-u01", "businessLicence"), { name: "营业执照（第三版）.pdf", bytes: minimalPdf("v3") });
    expect(r.json.version).toBe(3);
    const [v2, v3] = await Promise.all([collections.documents(P).doc(v2Id).get(), collections.documents(P).doc(r.json.documentId!).get()]);
    expect(v2.data()).toMatchObject({ approvedBy: reviewer, current: false });
    expect(v2.data()!.approvedAt).toBeInstanceOf(Date);
    expect(v3.data()!.approvedAt).toBeUndefined();
  });

  it("sweepOrphanFiles removes objects older than an hour with no metadata row, logs and audits each once, and keeps real documents and fresh uploads", async () => {
    const orphan = `programmes/${P}/documents/orphanDoc123/v1`;
    const fresh = `programmes/${P}/documents/freshDoc456/v1`;
    const part = `programmes/${P}/documents/partDoc789/v1.part`;
    for (const p of [orphan, fresh, part]) {
      await mkdir(dirname(onDisk(p)), { recursive: true });
      await writeFile(onDisk(p), minimalPdf("orphan"));
    }
    const now = new Date();
    const old = new Date(now.getTime() - 2 * 3600_000);
    await utimes(onDisk(orphan), old, old);
    await utimes(onDisk(part), old, old);
    const kept = (await collections.documents(P).doc(pdfId).get()).data()!.storagePath;
    await utimes(onDisk(kept), old, old);

    const first = await removeOrphanFiles({ ...productionDeps(), clock: () => now });
    // Earlier runs' files whose rows a clearFirestore() wiped are orphans too, so check ours by name.
    expect(first.removed).toEqual(expect.arrayContaining([orphan, part]));
    expect(first.removed).not.toContain(fresh);
    expect(first.removed).not.toContain(kept);
    await expect(stat(onDisk(orphan))).rejects.toThrow();
    await expect(stat(onDisk(part))).rejects.toThrow();
    expect((await stat(onDisk(fresh))).isFile()).toBe(true);
    expect((await stat(onDisk(kept))).isFile()).toBe(true);
    const second = await removeOrphanFiles({ ...productionDeps(), clock: () => now });
    expect(second.removed).toEqual([]);
    const audited = await auditOf("document.orphanRemoved");
    expect(audited.filter((a) => a.entity === orphan || a.entity === part)).toHaveLength(2);
    // Each removal is audited under its own programme; earlier runs may have left other programmes' files.
    expect(audited).toHaveLength(first.removed.filter((path) => path.startsWith(`programmes/${P}/`)).length);
    // Leave the shared folder as we found it (fresh orphan is swept by a later run in real life).
    const { rm } = await import("node:fs/promises");
    await rm(onDisk(fresh), { force: true });
  });

  it("GZ-2.2.13: a PDF/HTML polyglot sent as evil.html is kept and downloaded as evil.pdf, typed as a PDF that no browser sniffs into a page", async () => {
    const polyglot = Buffer.concat([Buffer.from(minimalPdf("polyglot")), Buffer.from("<html><script>alert(document.domain)</script></html>")]);
    const r = await upload(as("member-gz-01"), fieldsFor("chg-u01", "other"), { name: "evil.html", bytes: polyglot, contentType: "text/html" });
    expect(r.status).toBe(201);
    expect(r.json).toMatchObject({ contentType: "application/pdf", fileName: "evil.pdf" });
    const owner = await signedInClient(email("member-gz-01"), DEMO_PASSWORD);
    const { url } = await owner.call<{ url: string }>("getDocumentDownload", { programmeId: P, documentId: r.json.documentId });
    const res = await fetch(url);
    expect(res.headers.get("content-type")).toBe("application/pdf");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("content-disposition")).toBe(`attachment; filename="evil.pdf"; filename*=UTF-8''evil.pdf`);
  });
});

describe("audit entries cite the programme's own regulation (issue 14 item 10)", () => {
  it("GZ-2.1 / DG-5.3: every audit entry the flows above wrote cites a clause of its own programme's pack and names no other city's clause", async () => {
    const { offenders, audited } = await auditClauseOffenders();
    expect(offenders).toEqual([]);
    expect(Object.values(audited).reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
  });
});
