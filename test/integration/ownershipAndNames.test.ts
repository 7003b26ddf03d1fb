// Clean refusals (issue 16, class 7), on the emulators:
// - fileAdvanceNotice and openProceeding take a partnerId: only a partner of the unit in question
//   is accepted; another unit's partner, or none at all, is refused in Chinese and nothing is written;
// - the upload endpoint refuses a file name with NUL, CR, LF or another control character, or a
//   path separator, with a Chinese 400 over plain HTTP — whether the name arrives raw in the part
//   header (which busboy cannot parse) or percent-encoded (RFC 5987 filename*) — and leaves nothing.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeCalendar } from "../../functions/src/domain/calendar.js";
import { addDays, shanghaiDate } from "../../functions/src/domain/dates.js";
import { makeUscc } from "../../functions/src/domain/uscc.js";
import { collections } from "../../functions/src/store/collections.js";
import { account, DEMO_PASSWORD } from "../../scripts/demo/accounts.js";
import { seedDemo } from "../../scripts/demo/seed.js";
import { admin, clearFirestore, closeClients, signedInClient } from "../support/emulators.js";
import { settledDocuments } from "../support/snapshot.js";
import { filesOnDisk, functionUrl, idToken, minimalPdf } from "../support/uploads.js";
import { seedPartner } from "../support/workflowFixtures.js";

const GZ = "gz-2025";
const CJK = /[\u4e00-\u9fff]/;

/** A procedure date the holiday calendar can judge, 15 working days ahead (or a month ahead when today is beyond it). */
function plannedOn(): string {
  const today = shanghaiDate(new Date());
  try {
    return makeCalendar().addWorkingDays(today, 15);
  } catch {
    return addDays(today, 30);
  }
}

describe("a partnerId must be the unit's own partner", () => {
  beforeAll(async () => {
    await clearFirestore();
    await seedDemo(admin());
    await seedPartner(GZ, "gz-u01", "gz-u01-p1", 701, "穗链自有伙伴（演示）有限公司");
    await seedPartner(GZ, "gz-u02", "gz-u02-p1", 702, "羊城他家伙伴（演示）有限公司");
  });
  afterAll(closeClients);

  it("GZ-4.8: a unit's advance notice naming another unit's partner, or a partner that does not exist, is refused and writes nothing", async () => {
    const member = await signedInClient(account("member-gz-01").email, DEMO_PASSWORD);
    const filing = { programmeId: GZ, subject: "partner", kind: "rename", description: "合作伙伴拟更名。", plannedOn: plannedOn() };
    const before = await settledDocuments();
    await expect(member.call("fileAdvanceNotice", { ...filing, partnerId: "gz-u02-p1" })).rejects.toMatchObject({ code: "functions/not-found", message: "该牵引单位没有这个合作伙伴：partnerId：gz-u02-p1" });
    await expect(member.call("fileAdvanceNotice", { ...filing, partnerId: "no-such-partner" })).rejects.toMatchObject({ code: "functions/not-found", message: "该牵引单位没有这个合作伙伴：partnerId：no-such-partner" });
    // Even with the unit itself as the subject, a partner named must be its own.
    await expect(member.call("fileAdvanceNotice", { ...filing, subject: "unit", partnerId: "gz-u02-p1" })).rejects.toMatchObject({ code: "functions/not-found" });
    expect(await settledDocuments()).toEqual(before);
  });

  it("GZ-4.8: naming its own partner is accepted and recorded with the filing", async () => {
    const member = await signedInClient(account("member-gz-01").email, DEMO_PASSWORD);
    const r = await member.call<{ id: string }>("fileAdvanceNotice", { programmeId: GZ, subject: "partner", partnerId: "gz-u01-p1", kind: "rename", description: "合作伙伴拟更名。", plannedOn: plannedOn() });
    expect((await collections.advanceNotices(GZ).doc(r.id).get()).data()).toMatchObject({ unitId: "gz-u01", subject: "partner", partnerId: "gz-u01-p1" });
  });

  it("GZ-4.4a: staff opening a proceeding against a unit with another unit's partner (any kind) are refused and nothing is written", async () => {
    const staff = await signedInClient(account("staff-gz").email, DEMO_PASSWORD);
    const before = await settledDocuments();
    const ask = { programmeId: GZ, unitId: "gz-u01", partnerId: "gz-u02-p1", evidence: [{ description: "季度资料由合作伙伴代报，屡次迟报。" }] };
    await expect(staff.call("openProceeding", { ...ask, kind: "criticism", ground: "GZ-4.4a.2" })).rejects.toMatchObject({ code: "functions/not-found", message: "该牵引单位没有这个合作伙伴：partnerId：gz-u02-p1" });
    await expect(staff.call("openProceeding", { ...ask, kind: "clearOut", ground: "GZ-4.4b.5" })).rejects.toMatchObject({ code: "functions/not-found", message: expect.stringContaining("gz-u02-p1") });
    await expect(staff.call("openProceeding", { ...ask, kind: "criticism", ground: "GZ-4.4a.2", partnerId: "no-such-partner" })).rejects.toMatchObject({ code: "functions/not-found" });
    expect(await settledDocuments()).toEqual(before);
    // Its own partner is fine.
    await expect(staff.call("openProceeding", { ...ask, kind: "criticism", ground: "GZ-4.4a.2", partnerId: "gz-u01-p1" })).resolves.toMatchObject({ state: "proposed" });
  });
});

describe("upload: a file name with control characters or a path is a clean 400", () => {
  let token = "";
  const fields = { programmeId: GZ, targetType: "change", targetId: "names-target", kind: "businessLicence" };

  /** A multipart body whose file part header carries `disposition` byte for byte after `name="file"; `. */
  function body(disposition: Buffer, boundary = "----traction-names") {
    const parts = Object.entries(fields).map(([k, v]) => Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
    return Buffer.concat([...parts, Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; `), disposition, Buffer.from(`\r\nContent-Type: application/pdf\r\n\r\n`), minimalPdf(), Buffer.from(`\r\n--${boundary}--\r\n`)]);
  }
  async function post(payload: Buffer, contentType = "multipart/form-data; boundary=----traction-names") {
    const res = await fetch(await functionUrl("uploadDocument"), { method: "POST", headers: { "content-type": contentType, authorization: `Bearer ${token}` }, body: payload });
    return { status: res.status, json: (await res.json()) as { documentId?: string; error?: { code: string; message: string } } };
  }
  async function counts() {
    const { db } = admin();
    const [docs, audit] = await Promise.all([db.collection(`programmes/${GZ}/documents`).count().get(), db.collection(`programmes/${GZ}/audit`).count().get()]);
    return { docs: docs.data().count, audit: audit.data().count, files: (await filesOnDisk()).length };
  }

  beforeAll(async () => {
    await clearFirestore();
    await seedDemo(admin());
    await collections.changes(GZ).doc("names-target").set({ unitId: "gz-u01", type: "partnerAdd", state: "draft", payload: { type: "partnerAdd", name: "新伙伴（演示）", uscc: makeUscc(703) }, documents: [] });
    token = await idToken(account("member-gz-01").email);
  });
  afterAll(closeClients);

  it("GZ-2.2.13: NUL, CR, LF, CRLF, BEL or DEL raw in the part header: 400 MULTIPART_MALFORMED in Chinese (was 500), nothing written", async () => {
    const before = await counts();
    for (const raw of ["a\u0000b.pdf", "a\rb.pdf", "a\nb.pdf", "营业\r\n执照.pdf", "a\u0007b.pdf", "a\u007fb.pdf"]) {
      const r = await post(body(Buffer.from(`filename="${raw}"`, "utf8")));
      expect(r.status, JSON.stringify(raw)).toBe(400);
      expect(r.json.error).toEqual({ code: "MULTIPART_MALFORMED", message: expect.stringMatching(CJK) });
    }
    expect(await counts()).toEqual(before);
  });

  it("GZ-2.2.13: the same characters percent-encoded (filename*), a TAB, or a path separator: 400 FILE_NAME_INVALID naming what was found, nothing written", async () => {
    const before = await counts();
    const cases: [string, string][] = [
      ["filename*=UTF-8''a%00b.pdf", "U+0000"],
      ["filename*=UTF-8''%E8%90%A5%E4%B8%9A%0D%0A%E6%89%A7%E7%85%A7.pdf", "U+000D"],
      ["filename*=UTF-8''a%0Ab.pdf", "U+000A"],
      ["filename*=UTF-8''a%C2%85b.pdf", "U+0085"],
      ['filename="a\tb.pdf"', "U+0009"],
      ['filename="../../etc/营业执照.pdf"', "“/”"],
      ['filename="C:\\Users\\营业执照.pdf"', "“\\”"],
    ];
    for (const [disposition, found] of cases) {
      const r = await post(body(Buffer.from(disposition, "utf8")));
      expect(r.status, disposition).toBe(400);
      expect(r.json.error, disposition).toEqual({ code: "FILE_NAME_INVALID", message: `文件名不能含有控制字符（如 NUL、回车、换行）或路径分隔符（/ 或 \\），请重命名文件后重新上传：发现${found.startsWith("U+") ? "控制字符 " : "路径分隔符"}${found}` });
    }
    expect(await counts()).toEqual(before);
  });

  it("a multipart content type without a boundary: 400 in Chinese, not 500", async () => {
    const r = await post(body(Buffer.from('filename="营业执照.pdf"')), "multipart/form-data");
    expect(r.status).toBe(400);
    expect(r.json.error).toEqual({ code: "MULTIPART_MALFORMED", message: expect.stringMatching(CJK) });
  });

  it("an ordinary Chinese name still uploads (201) and is kept as sent", async () => {
    const r = await post(body(Buffer.from('filename="营业执照（副本）.pdf"', "utf8")));
    expect(r.status).toBe(201);
    expect((await collections.documents(GZ).doc(r.json.documentId!).get()).data()?.fileName).toBe("营业执照（副本）.pdf");
  });
});
