// The registry callables on the emulators: the pilot-enterprise list by form and by Excel import
// (GZ-1.3, DG-3), interviews of low-ranked units (DG-9.2), annual awards (DG-5.7) and exports of
// published lists. Refusals are in Chinese and write nothing; an import replayed adds nothing.
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeUscc } from "../../functions/src/domain/uscc.js";
import { collections } from "../../functions/src/store/collections.js";
import { account, DEMO_PASSWORD } from "../../scripts/demo/accounts.js";
import { generateProgramme } from "../../scripts/demo/generate.js";
import { seedDemo } from "../../scripts/demo/seed.js";
import { writeProgramme } from "../../scripts/demo/writeProgramme.js";
import { admin, clearFirestore, closeClients, signedInClient } from "../support/emulators.js";
import { auditOf } from "../support/workflowFixtures.js";
import { auditClauseOffenders } from "../support/auditClauses.js";
import { functionUrl } from "../support/uploads.js";

const GZ = "gz-2025";
const DG = "dg-2025";
type Client = Awaited<ReturnType<typeof signedInClient>>;
let gzStaff: Client;
let dgStaff: Client;
let member: Client;

async function xlsx(rows: unknown[][], header = ["企业名称", "统一社会信用代码", "服务牵引单位", "合同签订日期"]) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("试点企业");
  ws.addRow(header);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer()).toString("base64");
}

// Staff entries only: the demo programme's reports keep the report triggers busy in the background.
const count = async (programmeId: string) => ({
  enterprises: (await collections.enterprises(programmeId).count().get()).data().count,
  audit: (await collections.audit(programmeId).where("actor.role", "==", "staff").count().get()).data().count,
});

describe("registry", () => {
  beforeAll(async () => {
    await clearFirestore();
    await seedDemo(admin());
    // A Dongguan programme with a closed, ranked 2025 (six units, the lowest three listed for
    // interview) and two published partner-list versions: the lived-in demo's generator.
    await writeProgramme(admin().db, generateProgramme({ id: DG, name: "东莞市中小企业数字化转型城市试点（演示）", city: "东莞", packId: "dongguan", units: 6, partnersPerUnit: 2, enterprisesPerUnit: 1, closedPeriods: ["2025"], openPeriod: "2026", usccBase: 50_000, fixedNames: ["莞工数字服务（演示）有限公司"] }));
    gzStaff = await signedInClient(account("staff-gz").email, DEMO_PASSWORD);
    dgStaff = await signedInClient(account("staff-dg").email, DEMO_PASSWORD);
    member = await signedInClient(account("member-gz-01").email, DEMO_PASSWORD);
  });
  afterAll(closeClients);

  it("GZ-1.3: staff put an enterprise on the list, served by a unit; the same USCC again, a cleared-out unit or a unit member is refused in Chinese and nothing changes", async () => {
    const uscc = makeUscc(97_001);
    const r = await gzStaff.call<{ enterpriseId: string }>("registerEnterprise", { programmeId: GZ, name: "白云精密模具（演示）有限公司", uscc, servedBy: "gz-u01", contractSignedOn: "2025-03-15" });
    expect(r.enterpriseId).toBe(uscc);
    expect((await collections.enterprises(GZ).doc(uscc).get()).data()).toMatchObject({ servedBy: "gz-u01", contractSignedOn: "2025-03-15", acceptance: "pending", diagnosisDone: false });
    const audit = await auditOf(GZ, `programmes/${GZ}/enterprises/${uscc}`);
    expect(audit.map((a) => [a.action, a.clause])).toEqual([["enterprise.listed", "GZ-1.3"]]);

    const before = await count(GZ);
    await expect(gzStaff.call("registerEnterprise", { programmeId: GZ, name: "重复", uscc, servedBy: "gz-u02" })).rejects.toMatchObject({ code: "functions/already-exists", message: expect.stringContaining("穗链智造科技（演示）有限公司") });
    await admin().db.doc(`programmes/${GZ}/units/gz-u02`).update({ status: "clearedOut" });
    await expect(gzStaff.call("registerEnterprise", { programmeId: GZ, name: "新企业", uscc: makeUscc(97_002), servedBy: "gz-u02" })).rejects.toMatchObject({ code: "functions/failed-precondition", message: expect.stringContaining("已清退、被取消资格或已退出，不能再承接试点企业") });
    await admin().db.doc(`programmes/${GZ}/units/gz-u02`).update({ status: "listed" });
    await expect(gzStaff.call("registerEnterprise", { programmeId: GZ, name: "新企业", uscc: makeUscc(97_002), servedBy: "gz-u99" })).rejects.toMatchObject({ code: "functions/not-found" });
    await expect(member.call("registerEnterprise", { programmeId: GZ, name: "新企业", uscc: makeUscc(97_002), servedBy: "gz-u01" })).rejects.toMatchObject({ code: "functions/permission-denied" });
    expect(await count(GZ)).toEqual(before);
  });

  it("GZ-5.2: after the programme's acceptance no enterprise can be listed", async () => {
    await admin().db.doc(`programmes/${GZ}`).update({ endsOn: "2025-12-31" });
    try {
      await expect(gzStaff.call("registerEnterprise", { programmeId: GZ, name: "新企业", uscc: makeUscc(97_003), servedBy: "gz-u01" })).rejects.toMatchObject({ code: "functions/failed-precondition", message: expect.stringContaining("GZ-5.2") });
    } finally {
      await admin().db.doc(`programmes/${GZ}`).update({ endsOn: null });
    }
  });

  it("DG-3: an Excel import is checked first (a dry run writes nothing), a file with a bad row is refused as a whole with the row and column named, and importing the same file twice adds nothing", async () => {
    const unit1 = (await collections.units(DG).doc("dg-u01").get()).data()!;
    const unit2 = (await collections.units(DG).doc("dg-u02").get()).data()!;
    const good = [
      ["长安模具（演示）有限公司", makeUscc(98_001), unit1.name, new Date(Date.UTC(2025, 4, 6))],
      ["厚街家具（演示）有限公司", makeUscc(98_002), unit2.uscc, "2025-05-07"],
    ];
    const before = await count(DG);
    const bad = await dgStaff.call<{ errors: { row: number; field: string; message: string }[]; created: number }>("importEnterprises", { programmeId: DG, fileBase64: await xlsx([...good, ["", "ABC", "不存在的单位"]]) });
    expect(bad.errors.map((e) => [e.row, e.field])).toEqual([
      [4, "企业名称"],
      [4, "统一社会信用代码"],
      [4, "服务牵引单位"],
    ]);
    expect(bad.created).toBe(0);
    const file = await xlsx(good);
    expect(await dgStaff.call("importEnterprises", { programmeId: DG, fileBase64: file, dryRun: true })).toEqual({ rows: 2, created: 2, unchanged: 0, errors: [] });
    expect(await count(DG)).toEqual(before);

    expect(await dgStaff.call("importEnterprises", { programmeId: DG, fileBase64: file })).toEqual({ rows: 2, created: 2, unchanged: 0, errors: [] });
    expect((await collections.enterprises(DG).doc(makeUscc(98_001)).get()).data()).toMatchObject({ servedBy: "dg-u01", contractSignedOn: "2025-05-06" });
    expect((await collections.enterprises(DG).doc(makeUscc(98_002)).get()).data()).toMatchObject({ servedBy: "dg-u02", contractSignedOn: "2025-05-07" });
    const afterFirst = await count(DG);
    expect(afterFirst.enterprises).toBe(before.enterprises + 2);
    expect((await auditOf(DG, `programmes/${DG}/enterprises/${makeUscc(98_001)}`)).map((a) => a.clause)).toEqual(["DG-3"]);

    // The replay: nothing new but the record of the import itself.
    expect(await dgStaff.call("importEnterprises", { programmeId: DG, fileBase64: file })).toEqual({ rows: 2, created: 0, unchanged: 2, errors: [] });
    expect(await count(DG)).toEqual({ enterprises: afterFirst.enterprises, audit: afterFirst.audit + 1 });
  });

  it("DG-3: a file that is not an Excel workbook, or lacks a required column, is refused in Chinese", async () => {
    await expect(dgStaff.call("importEnterprises", { programmeId: DG, fileBase64: Buffer.from("企业名称,统一社会信用代码\n").toString("base64") })).rejects.toMatchObject({ code: "functions/invalid-argument", message: expect.stringContaining(".xlsx") });
    await expect(dgStaff.call("importEnterprises", { programmeId: DG, fileBase64: await xlsx([["甲", makeUscc(98_010)]], ["企业名称", "统一社会信用代码"]) })).rejects.toMatchObject({ code: "functions/invalid-argument", message: expect.stringContaining("服务牵引单位") });
    await expect(dgStaff.call("importEnterprises", { programmeId: DG, fileBase64: await xlsx([]) })).rejects.toMatchObject({ code: "functions/invalid-argument", message: expect.stringContaining("没有数据行") });
  });

  it("DG-9.2: staff record an interview with a unit the period close listed as lowest-ranked; its notification is marked done; a top-ranked unit or Guangzhou is refused", async () => {
    const listed = (await collections.notifications(DG).where("kind", "==", "interviewCandidate").get()).docs.map((d) => d.id.replace("interview_2025_", ""));
    expect(listed).toHaveLength(3);
    const unitId = listed[0]!;
    const r = await dgStaff.call<{ interviewId: string }>("recordInterview", { programmeId: DG, unitId, periodId: "2025", heldOn: "2026-01-08", kind: "interview", notes: "约谈单位负责人，要求提交整改计划。" });
    const interview = (await collections.interviews(DG).doc(r.interviewId).get()).data()!;
    const evaluation = (await collections.evaluations(DG).doc(`${unitId}_2025`).get()).data()!;
    expect(interview).toMatchObject({ unitId, periodId: "2025", rank: evaluation.rank, kind: "interview" });
    expect((await collections.notifications(DG).doc(`interview_2025_${unitId}`).get()).data()!.readAt).toBeInstanceOf(Date);
    expect((await auditOf(DG, `programmes/${DG}/interviews/${r.interviewId}`)).map((a) => a.clause)).toEqual(["DG-9.2"]);

    const top = (await collections.evaluations(DG).where("periodId", "==", "2025").where("rank", "==", 1).get()).docs[0]!.data().unitId;
    const before = await count(DG);
    await expect(dgStaff.call("recordInterview", { programmeId: DG, unitId: top, periodId: "2025", heldOn: "2026-01-08", kind: "interview", notes: "无" })).rejects.toMatchObject({ code: "functions/failed-precondition", message: expect.stringContaining("不在本期排名落后") });
    await expect(dgStaff.call("recordInterview", { programmeId: DG, unitId, periodId: "2025", heldOn: "2099-01-01", kind: "interview", notes: "无" })).rejects.toMatchObject({ message: expect.stringContaining("不能晚于今天") });
    await expect(dgStaff.call("recordInterview", { programmeId: DG, unitId, periodId: "2026", heldOn: "2026-01-08", kind: "interview", notes: "无" })).rejects.toMatchObject({ message: expect.stringContaining("尚未关账") });
    await expect(gzStaff.call("recordInterview", { programmeId: GZ, unitId: "gz-u01", periodId: "2025-Q3", heldOn: "2025-10-20", kind: "interview", notes: "无" })).rejects.toMatchObject({ code: "functions/failed-precondition", message: expect.stringContaining("未规定") });
    expect(await count(DG)).toEqual(before);
  });

  it("DG-5.7: staff record an annual award for a unit, a partner and a product; the same award twice, or in Guangzhou, is refused", async () => {
    const r = await dgStaff.call<{ awardId: string }>("recordAward", { programmeId: DG, year: 2025, kind: "excellentUnit", subjectId: "dg-u01", decidedOn: "2026-01-10" });
    expect((await collections.awards(DG).doc(r.awardId).get()).data()).toMatchObject({ year: 2025, kind: "excellentUnit", subjectName: "莞工数字服务（演示）有限公司" });
    expect((await auditOf(DG, `programmes/${DG}/awards/${r.awardId}`)).map((a) => a.clause)).toEqual(["DG-5.7"]);
    await dgStaff.call("recordAward", { programmeId: DG, year: 2025, kind: "excellentProvider", subjectId: "dg-u01-p1", decidedOn: "2026-01-10" });
    await dgStaff.call("recordAward", { programmeId: DG, year: 2025, kind: "excellentProduct", subjectId: "dg-u01-c1", decidedOn: "2026-01-10" });
    const before = await count(DG);
    await expect(dgStaff.call("recordAward", { programmeId: DG, year: 2025, kind: "excellentUnit", subjectId: "dg-u01", decidedOn: "2026-01-11" })).rejects.toMatchObject({ code: "functions/already-exists" });
    await expect(dgStaff.call("recordAward", { programmeId: DG, year: 2025, kind: "excellentProduct", subjectId: "dg-u01-p1", decidedOn: "2026-01-10" })).rejects.toMatchObject({ code: "functions/not-found" });
    await expect(gzStaff.call("recordAward", { programmeId: GZ, year: 2025, kind: "excellentUnit", subjectId: "gz-u01", decidedOn: "2026-01-10" })).rejects.toMatchObject({ message: expect.stringContaining("未规定年度评选") });
    expect(await count(DG)).toEqual(before);
  });

  it("GZ-4.6.3: the newest published partner list (or a named version) exports to Excel with its entries; an unpublished list is refused", async () => {
    const r = await dgStaff.call<{ fileName: string; contentBase64: string; rows: number; version: number }>("exportPublishedList", { programmeId: DG, list: "partners" });
    expect(r.version).toBe(2);
    const v2 = (await collections.partnerLists(DG).doc("2").get()).data()!;
    expect(r.rows).toBe(v2.entries.length);
    expect(r.fileName).toMatch(/合作伙伴名单_第2版\.xlsx$/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(r.contentBase64, "base64") as unknown as ArrayBuffer);
    const cells = wb.worksheets[0]!.getSheetValues().flat().map(String);
    for (const e of v2.entries) expect(cells).toContain(e.name);
    expect(cells.some((c) => c.includes("DG-14"))).toBe(true);
    const v1 = await dgStaff.call<{ rows: number }>("exportPublishedList", { programmeId: DG, list: "partners", version: 1 });
    expect(v1.rows).toBe((await collections.partnerLists(DG).doc("1").get()).data()!.entries.length);
    await expect(dgStaff.call("exportPublishedList", { programmeId: DG, list: "unitChanges" })).rejects.toMatchObject({ code: "functions/failed-precondition", message: expect.stringContaining("尚未发布") });
    await expect(member.call("exportPublishedList", { programmeId: GZ, list: "partners" })).rejects.toMatchObject({ code: "functions/permission-denied" });
  });

  it("DG-14: anyone downloads a published list version as Excel, the attachment of the public 名单公布, unaudited; a bad query or unknown version is answered in Chinese", async () => {
    const url = await functionUrl("publishedListFile");
    // The demo's report triggers write audit entries meanwhile: count only the list version's own.
    const listAudit = async () => (await collections.audit(DG).where("entity", "==", `programmes/${DG}/partnerLists/1`).count().get()).data().count;
    const auditBefore = await listAudit();
    const res = await fetch(`${url}?p=${DG}&list=partners&v=1`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("spreadsheetml");
    expect(decodeURIComponent(res.headers.get("content-disposition")!)).toMatch(/合作伙伴名单_第1版\.xlsx$/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await res.arrayBuffer());
    const cells = wb.worksheets[0]!.getSheetValues().flat().map(String);
    for (const e of (await collections.partnerLists(DG).doc("1").get()).data()!.entries) expect(cells).toContain(e.uscc);
    // Public data read by the public: no audit entry per download.
    expect(await listAudit()).toBe(auditBefore);

    const missing = await fetch(`${url}?p=${DG}&list=partners&v=99`);
    expect(missing.status).toBe(409);
    expect(((await missing.json()) as { error: { message: string } }).error.message).toContain("合作伙伴名单第 99 版");
    const bad = await fetch(`${url}?p=${DG}&list=partners&v=abc`);
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { message: string } }).error.message).toContain("版本必须是正整数");
    expect((await fetch(`${url}?p=${DG}&list=passwords&v=1`)).status).toBe(400);
    expect((await fetch(`${url}?p=${DG}&list=partners&v=1`, { method: "POST" })).status).toBe(405);
  });

  it("DG-5.7: two staff recording the same award at once: one wins, the other is told it already exists", async () => {
    // The demo already names the year's best unit; race on one that has no award yet.
    const awarded = new Set((await collections.awards(DG).get()).docs.map((d) => d.data().subjectId as string));
    const subjectId = ["dg-u02", "dg-u03", "dg-u04"].find((u) => !awarded.has(u))!;
    const req = { programmeId: DG, year: 2025, kind: "excellentUnit", subjectId, decidedOn: "2026-02-11" };
    const other = await signedInClient(account("staff-dg").email, DEMO_PASSWORD);
    const outcome = (p: Promise<unknown>) => p.then(() => "ok", (e: { code?: string }) => e.code);
    expect((await Promise.all([outcome(dgStaff.call("recordAward", req)), outcome(other.call("recordAward", req))])).sort()).toEqual(["functions/already-exists", "ok"]);
    expect(await auditOf(DG, `programmes/${DG}/awards/2025_excellentUnit_${subjectId}`)).toHaveLength(1);
  });

  it("DG-3: 450 rows go in several batches, every enterprise audited under DG-3; the same file again is all unchanged", async () => {
    const before = await count(DG);
    const rows = Array.from({ length: 450 }, (_, i) => [`东莞导入企业${i + 1}（演示）`, makeUscc(120_000 + i), "莞工数字服务（演示）有限公司", "2025-05-01"]);
    const fileBase64 = await xlsx(rows);
    expect(await dgStaff.call("importEnterprises", { programmeId: DG, fileBase64 })).toEqual({ rows: 450, created: 450, unchanged: 0, errors: [] });
    const after = await count(DG);
    expect(after.enterprises).toBe(before.enterprises + 450);
    // One entry per enterprise and one for the import.
    expect(after.audit).toBe(before.audit + 451);
    expect(await dgStaff.call("importEnterprises", { programmeId: DG, fileBase64 })).toEqual({ rows: 450, created: 0, unchanged: 450, errors: [] });
    expect((await count(DG)).enterprises).toBe(after.enterprises);
  }, 180_000);

  it("DG-14: the published catalogue exports too, with each item's price range", async () => {
    const r = await dgStaff.call<{ contentBase64: string; rows: number; version: number }>("exportPublishedList", { programmeId: DG, list: "catalogue" });
    const v1 = (await collections.catalogueLists(DG).doc("1").get()).data()!;
    expect([r.version, r.rows]).toEqual([1, v1.entries.length]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(r.contentBase64, "base64") as unknown as ArrayBuffer);
    const values = wb.worksheets[0]!.getSheetValues().flat();
    expect(values).toContain(v1.entries[0]!.priceMax);
    expect(values.map(String)).toContain(v1.entries[0]!.name);
  });
});


describe("audit entries cite the programme's own regulation (issue 14 item 10)", () => {
  it("GZ-2.1 / DG-5.3: every audit entry the flows above wrote cites a clause of its own programme's pack and names no other city's clause", async () => {
    const { offenders, audited } = await auditClauseOffenders();
    expect(offenders).toEqual([]);
    expect(Object.values(audited).reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
  });
});
