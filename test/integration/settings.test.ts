// GZ-3.4.2 工作小组制定评价指标: the work group sets the indicators as a settings version with a
// reason, effective from a period nobody has been evaluated in yet; staff see the diff and a
// what-if on a closed period first; reviewers may look but only administrators adopt; what the
// regulation fixes (DG-14's 5-day notice) cannot be changed; every adoption is audited.
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { shanghaiDate } from "../../functions/src/domain/dates.js";
import { periodOf } from "../../functions/src/domain/periods.js";
import { dongguan, guangzhou } from "../../functions/src/domain/policy/index.js";
import { settingsFromPack, type SettingsValues } from "../../functions/src/domain/settings.js";
import { account, DEMO_PASSWORD } from "../../scripts/demo/accounts.js";
import { seedDemo, seedLivedIn } from "../../scripts/demo/seed.js";
import { admin, clearFirestore, closeClients, eventually, signedInClient } from "../support/emulators.js";
import { auditClauseOffenders } from "../support/auditClauses.js";

const GZ = "gz-2025";

/** What an adoption could touch: the versions, the audit trail and the closed period's evaluations. */
async function governed(programmeId: string) {
  const { db } = admin();
  const [versions, audit, evaluations] = await Promise.all([
    db.collection(`programmes/${programmeId}/settingsVersions`).get(),
    // Only this feature's entries: the lived-in seed's own reports keep triggers writing meanwhile.
    db.collection(`programmes/${programmeId}/audit`).where("action", "==", "settings.adopted").get(),
    db.collection(`programmes/${programmeId}/evaluations`).where("state", "==", "approved").get(),
  ]);
  return { versions: versions.docs.map((d) => d.data()), audit: audit.size, evaluations: Object.fromEntries(evaluations.docs.map((d) => [d.id, d.data().total])) };
}
const REVIEWER = "reviewer.settings@example.com";

/** Pass mark 75 and 5 points moved from 产品和解决方案 to 改造成效. */
function proposed(): SettingsValues {
  const v = settingsFromPack(guangzhou);
  const dimensions = v.scoring.dimensions.map((d) => {
    if (d.id === "results") return { ...d, weight: d.weight + 5, parts: d.parts.map((p, i) => (i === 0 ? { ...p, points: p.points + 5 } : p)) };
    if (d.id === "productsAndSolutions") return { ...d, weight: d.weight - 5, parts: d.parts.map((p, i) => (i === 0 ? { ...p, points: p.points - 5 } : p)) };
    return d;
  });
  return { ...v, scoring: { ...v.scoring, dimensions, passMark: 75 } };
}

describe("GZ-3.4.2: settings versions", () => {
  beforeAll(async () => {
    await clearFirestore();
    const handles = admin();
    await seedDemo(handles);
    await seedLivedIn(handles); // closed periods with approved evaluations to run the what-if on
    await handles.auth.deleteUser("settings-reviewer").catch(() => undefined);
    await handles.auth.createUser({ uid: "settings-reviewer", email: REVIEWER, password: DEMO_PASSWORD, displayName: "评审员（演示）" });
    await handles.auth.setCustomUserClaims("settings-reviewer", { staff: { [GZ]: "reviewer" } });
  });
  afterAll(closeClients);

  it("GZ-3.4.2: a reviewer sees the diff and the what-if on a closed period, with the units that change counted", async () => {
    const reviewer = await signedInClient(REVIEWER, DEMO_PASSWORD);
    const r = await reviewer.call<{ problems: string[]; diff: { label: string; before: string; after: string }[]; whatIf: { rows: { unitId: string; changed: string[] }[]; counts: Record<string, number> } }>("previewSettings", {
      programmeId: GZ,
      values: proposed(),
      effectiveFrom: "2027-Q1",
      reason: "提高合格线，突出改造成效",
      whatIfPeriodId: "2026-Q3",
    });
    expect(r.problems).toEqual([]);
    expect(r.diff).toContainEqual({ key: "passMark", label: "合格线", before: "60 分", after: "75 分" });
    expect(r.whatIf.rows.length).toBe(30);
    expect(r.whatIf.counts.total).toBeGreaterThan(0);
    expect(r.whatIf.rows.filter((row) => row.changed.includes("passed")).length).toBe(r.whatIf.counts.passed);
  });

  it("GZ-3.4.2: a reviewer exports the what-if as Excel: one row per unit by name, the changed ones filled, a summary in words, audited", async () => {
    const reviewer = await signedInClient(REVIEWER, DEMO_PASSWORD);
    const request = { programmeId: GZ, values: proposed(), effectiveFrom: "2027-Q1", reason: "提高合格线，突出改造成效", whatIfPeriodId: "2026-Q3" };
    const preview = await reviewer.call<{ whatIf: { rows: { unitId: string; changed: string[]; proposed: { total: number; passed: boolean } }[]; counts: Record<string, number> } }>("previewSettings", request);
    const r = await reviewer.call<{ fileName: string; contentBase64: string; rows: number }>("exportWhatIf", request);
    expect(r.fileName).toBe("广州市中小企业数字化转型城市试点（演示）_2026年第三季度_设置试算.xlsx");
    expect(r.rows).toBe(30);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(r.contentBase64, "base64") as unknown as ArrayBuffer);

    const sheet = wb.getWorksheet("逐单位试算")!;
    expect(sheet.getRow(1).values).toEqual([undefined, "单位名称", "现行总分", "拟议总分", "现行等级", "拟议等级", "现行名次", "拟议名次", "现行是否达标", "拟议是否达标", "现行候选", "拟议候选", "变化"]);
    expect(sheet.rowCount).toBe(1 + 30);
    const { db } = admin();
    const names = new Map((await db.collection(`programmes/${GZ}/units`).get()).docs.map((d) => [d.id, d.data().name as string]));
    const fill = (row: ExcelJS.Row) => (row.getCell(1).fill as ExcelJS.FillPattern | undefined)?.fgColor?.argb;
    preview.whatIf.rows.forEach((expected, i) => {
      const row = sheet.getRow(i + 2);
      // Units by name in the preview's order (proposed rank), never by the system's ids.
      expect(row.getCell(1).value).toBe(names.get(expected.unitId));
      expect(row.getCell(3).value).toBe(Math.round(expected.proposed.total * 10) / 10);
      expect(row.getCell(3).numFmt).toBe("0.0");
      expect(row.getCell(9).value).toBe(expected.proposed.passed ? "达标" : "不达标");
      expect(["无", "清退候选", "约谈候选", "清退候选、约谈候选"]).toContain(row.getCell(11).value);
      expect(fill(row)).toBe(expected.changed.length > 0 ? "FFFFF2CC" : undefined);
      if (expected.changed.length === 0) expect(row.getCell(12).value).toBe("无变化");
    });
    expect(preview.whatIf.rows.some((row) => row.changed.length > 0)).toBe(true);
    expect(sheet.getSheetValues().flat().map(String).some((v) => /^gz-u\d+$/.test(v))).toBe(false);

    const summary = wb.getWorksheet("试算汇总")!;
    const pairs = Object.fromEntries(summary.getSheetValues().slice(2).map((v) => [(v as unknown[])[1], (v as unknown[])[2]]));
    expect(summary.getRow(1).getCell(1).value).toBe("广州市中小企业数字化转型城市试点（演示） 2026年第三季度 设置试算");
    expect(pairs).toMatchObject({ 试算期次: "2026年第三季度", 拟议设置生效期次: "2027年第一季度", "参与试算单位（家）": 30, "总分变化（家）": preview.whatIf.counts.total, "达标结论变化（家）": preview.whatIf.counts.passed, "约谈名单变化（家）": preview.whatIf.counts.interview });
    expect(pairs["生成日期"]).toMatch(/^\d{4}年\d{1,2}月\d{1,2}日$/);

    const audit = (await db.collection(`programmes/${GZ}/audit`).where("action", "==", "settings.whatIfExported").get()).docs.map((d) => d.data());
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actor: expect.objectContaining({ uid: "settings-reviewer" }), entity: `programmes/${GZ}/periods/2026-Q3`, clause: "GZ-3.4.2", after: expect.objectContaining({ fileName: r.fileName, rows: 30 }) });
  });

  it("GZ-3.4.2: the what-if export is refused to an outsider and on an open period, and writes nothing", async () => {
    const { db } = admin();
    const exported = async () => (await db.collection(`programmes/${GZ}/audit`).where("action", "==", "settings.whatIfExported").get()).size;
    const before = await exported();
    const request = { programmeId: GZ, values: proposed(), effectiveFrom: "2027-Q1", reason: "试算", whatIfPeriodId: "2026-Q3" };
    const member = await signedInClient(account("member-gz-01").email, DEMO_PASSWORD);
    await expect(member.call("exportWhatIf", request)).rejects.toMatchObject({ code: "functions/permission-denied" });
    const dongguanStaff = await signedInClient(account("staff-dg").email, DEMO_PASSWORD);
    await expect(dongguanStaff.call("exportWhatIf", request)).rejects.toMatchObject({ code: "functions/permission-denied" });
    const reviewer = await signedInClient(REVIEWER, DEMO_PASSWORD);
    await expect(reviewer.call("exportWhatIf", { ...request, whatIfPeriodId: "2026-Q4" })).rejects.toMatchObject({ code: "functions/failed-precondition", message: expect.stringContaining("已关账") });
    expect(await exported()).toBe(before);
  });

  it("GZ-3.4.2: a reviewer cannot adopt; the what-if refuses an open period", async () => {
    const reviewer = await signedInClient(REVIEWER, DEMO_PASSWORD);
    const before = await governed(GZ);
    await expect(reviewer.call("adoptSettings", { programmeId: GZ, values: proposed(), effectiveFrom: "2027-Q1", reason: "试图修改" })).rejects.toMatchObject({ code: "functions/permission-denied" });
    await expect(reviewer.call("previewSettings", { programmeId: GZ, values: proposed(), effectiveFrom: "2027-Q1", reason: "试算", whatIfPeriodId: "2026-Q4" })).rejects.toMatchObject({ code: "functions/failed-precondition", message: expect.stringContaining("已关账") });
    expect(await governed(GZ)).toEqual(before);
  });

  it("GZ-3.4.2: an administrator cannot adopt for a period already evaluated, and can from the next one, with the reason audited", async () => {
    const staff = await signedInClient(account("staff-gz").email, DEMO_PASSWORD);
    const before = await governed(GZ);
    await expect(staff.call("adoptSettings", { programmeId: GZ, values: proposed(), effectiveFrom: "2026-Q3", reason: "回溯修改" })).rejects.toMatchObject({ code: "functions/failed-precondition", message: expect.stringContaining("2026-Q3 已有评价结果") });
    await expect(staff.call("adoptSettings", { programmeId: GZ, values: proposed(), effectiveFrom: "2027-Q1", reason: "提高合格线，突出改造成效" })).resolves.toEqual({ version: 2, effectiveFrom: "2027-Q1" });

    const { db } = admin();
    const versions = (await db.collection(`programmes/${GZ}/settingsVersions`).orderBy("version").get()).docs.map((d) => d.data());
    expect(versions.map((v) => [v.version, v.effectiveFrom])).toEqual([[1, "2025"], [2, "2027-Q1"]]);
    expect(versions[1]).toMatchObject({ reason: "提高合格线，突出改造成效", clause: "GZ-3.4.2", createdBy: expect.objectContaining({ uid: "staff-gz" }) });
    const audit = (await db.doc(`programmes/${GZ}/audit/settings-v2`).get()).data();
    expect(audit).toMatchObject({ action: "settings.adopted", clause: "GZ-3.4.2", note: expect.stringContaining("自 2027-Q1 起采用第 2 版设置") });
    // Every evaluation keeps the total it was decided on.
    expect((await governed(GZ)).evaluations).toEqual(before.evaluations);
  });

  it("GZ-3.4.2: a report is scored with the indicators in force for its period: 2027-Q1 with the adopted version, the current quarter with the pack's", async () => {
    const { db } = admin();
    const current = periodOf(shanghaiDate(new Date()), "quarterly");
    // A unit that has not reported for the current quarter (the lived-in seed leaves every third one).
    const reported = new Set((await db.collection(`programmes/${GZ}/reports`).where("periodId", "==", current).get()).docs.map((d) => d.data().unitId as string));
    const units = (await db.collection(`programmes/${GZ}/units`).where("status", "==", "listed").get()).docs.map((d) => d.id);
    const unitId = units.find((u) => !reported.has(u))!;
    const book = (await db.doc(`programmes/${GZ}/taskBooks/${unitId}_${current.slice(0, 4)}`).get()).data()!;
    await db.doc(`programmes/${GZ}/taskBooks/${unitId}_2027`).set({ ...book, year: 2027 });
    await db.doc(`programmes/${GZ}/periods/2027-Q1`).set({ id: "2027-Q1", cadence: "quarterly", start: "2027-01-01", end: "2027-03-31", reportDeadline: "2027-04-16", state: "open" });
    const metrics = { enterprisesTransformed: 10, diagnoses: 15, cloudEnterprises: 8, level2Share: 0.5, solutions: 3, typicalCases: 1, platforms: 1 };
    for (const periodId of [current, "2027-Q1"]) {
      await db.doc(`programmes/${GZ}/reports/${unitId}_${periodId}`).set({ unitId, periodId, state: "submitted", metrics, lagExplanation: "进度说明（测试）", updatedBy: "settings-test", updatedAt: new Date() });
    }
    const weights = async (periodId: string) => {
      const e = await eventually(async () => (await db.doc(`programmes/${GZ}/evaluations/${unitId}_${periodId}`).get()).data(), `evaluation ${periodId}`);
      return Object.fromEntries((e.dimensions as { id: string; weight: number }[]).map((d) => [d.id, d.weight]));
    };
    expect(await weights(current)).toMatchObject({ results: 35, productsAndSolutions: 20 });
    expect(await weights("2027-Q1")).toMatchObject({ results: 40, productsAndSolutions: 15 });
  });

  it("DG-14: Dongguan cannot change its 5-day notice; the refusal names the clause and nothing is written", async () => {
    const staff = await signedInClient(account("staff-dg").email, DEMO_PASSWORD);
    const values = { ...settingsFromPack(dongguan), notice: { length: 7, unit: "calendarDays" as const } };
    const before = await governed("dg-2025");
    await expect(staff.call("adoptSettings", { programmeId: "dg-2025", values, effectiveFrom: "2027", reason: "延长公示" })).rejects.toMatchObject({ code: "functions/invalid-argument", message: expect.stringContaining("公示期由 DG-14 规定，不能修改") });
    expect(await governed("dg-2025")).toEqual(before);
  });
});

describe("audit entries cite the programme's own regulation (issue 14 item 10)", () => {
  it("GZ-2.1 / DG-5.3: every audit entry the flows above wrote cites a clause of its own programme's pack and names no other city's clause", async () => {
    const { offenders, audited } = await auditClauseOffenders();
    expect(offenders).toEqual([]);
    expect(Object.values(audited).reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
  });
});
