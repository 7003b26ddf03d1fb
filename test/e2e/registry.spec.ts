// The registry pages in a real Chromium: staff put pilot enterprises on the list one by one and
// from a spreadsheet (GZ-1.3), read every published version of the partner list with what it
// changed and export it (GZ-4.6.3), record annual awards (DG-5.7), and find partners and catalogue
// items by name or USCC.
import { AxeBuilder } from "@axe-core/playwright";
import ExcelJS from "exceljs";
import { expect, test, type Locator, type Page } from "@playwright/test";
import { makeUscc } from "../../functions/src/domain/uscc.js";
import { collections } from "../../functions/src/store/collections.js";
import { generateProgramme } from "../../scripts/demo/generate.js";
import { adminHandles } from "../../scripts/demo/seed.js";
import { writeProgramme } from "../../scripts/demo/writeProgramme.js";
import { freshDemo, pickByName, pickDate, screenshot, signIn, watchConsole } from "./session.js";

const GZ = "gz-2025";
const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

test.beforeAll(async () => {
  await freshDemo();
});

async function workbook(rows: (string | Date)[][]) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("试点企业");
  ws.addRow(["企业名称", "统一社会信用代码", "服务牵引单位", "合同签订日期"]);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

test("GZ-1.3: staff register a pilot enterprise by form and more from an Excel file checked before import; a bad row is named and nothing is written", async ({ browser }) => {
  const staff = await signIn(browser, "/admin", "staff-gz");
  const page = staff.page;
  await page.getByRole("tab", { name: "试点企业" }).click();

  await page.getByLabel("企业名称").fill("白云精密模具（演示）有限公司");
  await page.getByLabel("企业统一社会信用代码").fill(makeUscc(95_001));
  const listed = (await collections.enterprises(GZ).count().get()).data().count;
  await pickByName(page, "服务的牵引单位", "穗链", /穗链智造科技（演示）有限公司/);
  await pickDate(page, "改造合同签订日期", "2025-03-15");
  await page.getByRole("button", { name: /登\s*记/ }).click();
  await expect(page.getByText("已将“白云精密模具（演示）有限公司”列入试点企业名单。")).toBeVisible();
  await expect(page.getByRole("row", { name: /白云精密模具.*穗链智造科技（演示）有限公司/ })).toBeVisible();

  // Found by the start of its name, and by its USCC; a name nobody has finds nothing.
  const search = page.getByLabel("按名称开头或统一社会信用代码查找");
  await search.fill("白云");
  await search.press("Enter");
  await expect(page.getByTestId("page-count")).toHaveText("第 1 页，共 1 页（共 1 条）");
  await expect(page.getByRole("row", { name: /白云精密模具/ })).toBeVisible();
  await search.fill(makeUscc(95_001));
  await search.press("Enter");
  await expect(page.getByRole("row", { name: /白云精密模具/ })).toBeVisible();
  await search.fill("无此企业");
  await search.press("Enter");
  await expect(page.getByRole("row", { name: /白云精密模具/ })).toHaveCount(0);
  await search.fill("");
  await search.press("Enter");

  // The same USCC again is refused with the server's Chinese sentence.
  await page.getByLabel("企业名称").fill("白云精密模具（重复）");
  await page.getByLabel("企业统一社会信用代码").fill(makeUscc(95_001));
  await pickByName(page, "服务的牵引单位", "穗链", /穗链智造科技（演示）有限公司/);
  await page.getByRole("button", { name: /登\s*记/ }).click();
  await expect(page.getByRole("alert").filter({ hasText: "该企业已在试点企业名单中" })).toBeVisible();

  // A file with a bad USCC in its third data row: listed with the row number, nothing written.
  // Units by name or by USCC, as staff know them (gz-u01: another spec may have cleared gz-u02 out).
  const unitUscc = (await collections.units(GZ).doc("gz-u01").get()).data()!.uscc;
  const good = [
    ["花都汽配（演示）有限公司", makeUscc(95_002), "穗链智造科技（演示）有限公司", "2025-04-01"],
    ["番禺电子（演示）有限公司", makeUscc(95_003), unitUscc, ""],
  ];
  const upload = page.locator('input[type="file"][accept=".xlsx"]');
  await upload.setInputFiles({ name: "试点企业.xlsx", mimeType: XLSX, buffer: await workbook([...good, ["南沙食品（演示）有限公司", "91440101NOTVALID0", "穗链智造科技（演示）有限公司", ""]]) });
  const check = page.getByTestId("import-check");
  await expect(check).toContainText("发现 1 处错误");
  await expect(check.getByRole("row", { name: /^4\s/ })).toBeVisible();
  expect((await collections.enterprises(GZ).count().get()).data().count).toBe(listed + 1);

  // The corrected file: checked, then imported; importing it again adds nothing.
  await upload.setInputFiles({ name: "试点企业（改）.xlsx", mimeType: XLSX, buffer: await workbook(good) });
  await page.getByRole("button", { name: "确认导入 2 家" }).click();
  await expect(page.getByText("导入完成：新增 2 家，0 家已在名单中未改动。")).toBeVisible();
  await expect(page.getByText(`试点企业名单（共 ${listed + 3} 家）`)).toBeVisible();
  await upload.setInputFiles({ name: "试点企业（改）.xlsx", mimeType: XLSX, buffer: await workbook(good) });
  await expect(check).toContainText("已在名单中2");
  await expect(page.getByRole("button", { name: "确认导入 0 家" })).toBeVisible();
  expect((await collections.enterprises(GZ).count().get()).data().count).toBe(listed + 3);
  await screenshot(page, "artifacts/screenshots/admin-enterprises.png", { fullPage: true });

  // The one expected failure: the duplicate's refusal arrives as HTTP 409 (already-exists).
  expect(staff.errors.filter((e) => !/409/.test(e))).toEqual([]);
  await staff.context.close();
});

test("GZ-4.6.3: every published partner-list version stays readable with what it changed, and exports to Excel; the public sees the same versions", async ({ browser }) => {
  const entry = (partnerId: string, name: string, serial: number) => ({ partnerId, unitId: "gz-u01", unitName: "穗链智造科技（演示）有限公司", name, uscc: makeUscc(serial) });
  const header = (version: number, publishedOn: string) => ({ version, publishedOn, publishedAt: new Date(`${publishedOn}T10:00:00+08:00`), clause: "GZ-4.6.3", changeIds: [] });
  await collections.partnerLists(GZ).doc("1").set({ ...header(1, "2025-07-01"), entries: [entry("gp1", "珠江工业软件（演示）有限公司", 96_001), entry("gp2", "越秀数据（演示）有限公司", 96_002)] });
  await collections.partnerLists(GZ).doc("2").set({ ...header(2, "2025-10-16"), entries: [entry("gp2", "越秀数据（演示）有限公司", 96_002), entry("gp3", "黄埔智控（演示）有限公司", 96_003)] });

  const staff = await signIn(browser, "/admin", "staff-gz");
  const page = staff.page;
  await page.getByRole("tab", { name: "单位、伙伴与目录" }).click();
  await page.getByRole("tab", { name: "已发布名单" }).click();
  const v2 = page.getByRole("row", { name: /第 2 版/ });
  await v2.getByRole("button", { name: "查看" }).click();
  const diff = page.getByTestId("version-diff");
  await expect(diff).toContainText("新增 1");
  await expect(diff).toContainText("移出 1");
  await expect(diff.getByRole("table", { name: "新增" })).toContainText("黄埔智控（演示）有限公司");
  await expect(diff.getByRole("table", { name: "移出" })).toContainText("珠江工业软件（演示）有限公司");
  await screenshot(page, "artifacts/screenshots/admin-published-list.png", { fullPage: true });
  await page.keyboard.press("Escape");

  const download = page.waitForEvent("download");
  await v2.getByRole("button", { name: /导\s*出/ }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/\.xlsx$/);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(await file.path());
  const cells = wb.worksheets.flatMap((ws) => ws.getSheetValues().flat().map(String));
  expect(cells).toContain("黄埔智控（演示）有限公司");
  expect(cells).not.toContain("珠江工业软件（演示）有限公司");
  expect(staff.errors).toEqual([]);
  await staff.context.close();

  const pub = await browser.newPage();
  const errors = watchConsole(pub);
  await pub.goto("/notices?p=gz-2025");
  await pub.getByRole("tab", { name: "名单公布" }).click();
  await expect(pub.getByRole("row", { name: /第 1 版/ })).toBeVisible();
  await pub.getByRole("row", { name: /第 2 版/ }).getByRole("button", { name: "查看" }).click();
  await expect(pub.getByTestId("version-diff")).toContainText("新增 1");
  // The version names the notice it came out of by title, never by id.
  await expect(pub.getByRole("dialog")).not.toContainText(/notice-|gz-/);
  await pub.keyboard.press("Escape");
  // The public downloads the version as its attachment: the same Excel staff export.
  const publicDownload = pub.waitForEvent("download");
  await pub.getByRole("row", { name: /第 2 版/ }).getByRole("link", { name: "下载名单（Excel）" }).click();
  const attached = await publicDownload;
  expect(attached.suggestedFilename()).toMatch(/合作伙伴名单_第2版\.xlsx$/);
  const publicWb = new ExcelJS.Workbook();
  await publicWb.xlsx.readFile(await attached.path());
  expect(publicWb.worksheets.flatMap((ws) => ws.getSheetValues().flat().map(String))).toContain("黄埔智控（演示）有限公司");
  expect(errors).toEqual([]);
  await pub.close();
});

test("DG-5.7: Dongguan staff record an annual award for a unit; the same award twice is refused", async ({ browser }) => {
  const staff = await signIn(browser, "/admin", "staff-dg");
  const page = staff.page;
  await page.getByRole("tab", { name: "年度评选" }).click();
  await pickByName(page, "牵引单位", "莞工", /莞工数字服务（演示）有限公司/);
  await pickDate(page, "评选日期", "2026-01-20");
  await page.getByRole("button", { name: /记\s*录/ }).click();
  await expect(page.getByText("评选结果已记录。")).toBeVisible();
  await expect(page.getByRole("row", { name: /优秀牵引单位.*莞工数字服务（演示）有限公司/ })).toBeVisible();

  await pickByName(page, "牵引单位", "莞工", /莞工数字服务（演示）有限公司/);
  await page.getByRole("button", { name: /记\s*录/ }).click();
  await expect(page.getByRole("alert").filter({ hasText: "不能重复记录" })).toBeVisible();
  expect((await collections.awards("dg-2025").get()).size).toBe(1);
  await staff.context.close();
});

test("GZ-1.3: the registration form works by keyboard alone, in a sensible order", async ({ browser }) => {
  const staff = await signIn(browser, "/admin", "staff-gz");
  const page = staff.page;
  await page.getByRole("tab", { name: "试点企业" }).click();
  await page.getByLabel("企业名称").focus();
  await page.keyboard.type("从化农机（演示）有限公司");
  await page.keyboard.press("Tab");
  await expect(page.getByLabel("企业统一社会信用代码")).toBeFocused();
  await page.keyboard.type(makeUscc(95_010));
  await page.keyboard.press("Tab");
  await expect(page.getByLabel("服务的牵引单位")).toBeFocused();
  await page.keyboard.type("穗链");
  // Wait for the search's answer (one unit, highlighted), not the first page shown before typing.
  await expect(page.locator(".ant-select-item-option")).toHaveCount(1);
  await expect(page.locator(".ant-select-item-option-active")).toHaveText(/穗链智造科技（演示）有限公司/);
  await page.keyboard.press("Enter");
  // Enter picks the unit and closes the list; then Tab moves on.
  await expect(page.getByLabel("服务的牵引单位")).toHaveAttribute("aria-expanded", "false");
  await expect(page.locator(".ant-form-item").filter({ hasText: "服务的牵引单位" })).toContainText("穗链智造科技（演示）有限公司");
  await page.keyboard.press("Tab");
  await expect(page.getByLabel("改造合同签订日期")).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(page.getByRole("button", { name: /登\s*记/ })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.getByText("已将“从化农机（演示）有限公司”列入试点企业名单。")).toBeVisible();
  expect((await collections.enterprises(GZ).doc(makeUscc(95_010)).get()).data()?.servedBy).toBe("gz-u01");
  await staff.context.close();
});

test("DG-9.2: Dongguan staff see the period's lowest-ranked units and record an interview with one of them", async ({ browser }) => {
  // A closed, ranked 2025 with six units (the lived-in demo's generator); the period close listed
  // the lowest three for interview and the first of them is already recorded.
  await writeProgramme(adminHandles().db, generateProgramme({ id: "dg-2025", name: "东莞市中小企业数字化转型城市试点（演示）", city: "东莞", packId: "dongguan", units: 6, partnersPerUnit: 1, enterprisesPerUnit: 1, closedPeriods: ["2025"], openPeriod: "2026", usccBase: 50_000, fixedNames: ["莞工数字服务（演示）有限公司"] }));
  const staff = await signIn(browser, "/admin", "staff-dg");
  const page = staff.page;
  await page.getByRole("tab", { name: "评价与排名" }).click();
  await page.getByLabel("选择期次").click();
  await page.locator('.ant-select-item-option[title="2025年度"]').click();
  const card = page.getByTestId("interviews");
  await expect(card.getByRole("row").filter({ hasText: "已记录" })).toHaveCount(1);
  const pending = card.getByRole("row").filter({ hasText: "待约谈" }).first();
  // The cell shows the unit's id until its name has loaded: wait for the name, then read it.
  const nameCell = pending.getByRole("cell").first();
  await expect(nameCell).toHaveText(/（演示）有限公司/);
  const unitName = (await nameCell.innerText()).trim();
  await pending.getByRole("button", { name: "记录约谈" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByRole("radio", { name: "督导" }).check();
  await pickDate(page, "约谈日期", "2026-01-08");
  await dialog.getByLabel("约谈记录").fill("赴单位现场督导，核查任务书完成情况。");
  await dialog.getByRole("button", { name: /保\s*存/ }).click();
  await expect(dialog).toBeHidden();
  await expect(card.getByRole("row").filter({ hasText: "已记录" })).toHaveCount(2);
  await expect(card.getByRole("table", { name: "已记录的约谈、督导" }).getByRole("row").filter({ hasText: unitName })).toContainText("督导");
  await screenshot(page, "artifacts/screenshots/admin-interviews.png", { fullPage: true });
  expect(staff.errors).toEqual([]);
  await staff.context.close();
});

/** The innermost card whose title matches. */
const cardTitled = (page: Page, title: RegExp) => page.locator(".ant-card").filter({ has: page.locator(".ant-card-head-title", { hasText: title }) }).last();

/** The names a list's table shows on its current page (its first column). */
async function shownNames(card: Locator) {
  await expect(card.locator(".ant-spin-spinning")).toHaveCount(0);
  return (await card.locator("tbody tr.ant-table-row td:first-child").allInnerTexts()).map((s) => s.trim());
}

test("registry search: staff find partners by name prefix or USCC and catalogue items by name prefix, alone or with a unit picked; no match shows the empty table", async ({ browser }) => {
  // Partners and items of both units, two of each starting alike; what the page must show is then
  // worked out from what the emulator holds.
  const partner = (unitId: string, name: string, serial: number) => ({ unitId, name, uscc: makeUscc(serial), status: "active" as const, since: "2025-02-01" });
  await collections.partners(GZ).doc("e2e-search-1").set(partner("gz-u01", "珠江搜索精密（演示）有限公司", 97_001));
  await collections.partners(GZ).doc("e2e-search-2").set(partner("gz-u02", "珠江搜索物流（演示）有限公司", 97_002));
  await collections.partners(GZ).doc("e2e-search-3").set(partner("gz-u01", "白鹅潭软件（演示）有限公司", 97_003));
  const item = (unitId: string, name: string) => ({ unitId, name, category: "生产管控", priceMin: 10_000, priceMax: 50_000, smallFastLightPrecise: true, status: "approved" as const });
  await collections.catalogue(GZ).doc("e2e-search-1").set(item("gz-u01", "搜索测试设备联网方案"));
  await collections.catalogue(GZ).doc("e2e-search-2").set(item("gz-u02", "搜索测试订单排产方案"));
  await collections.catalogue(GZ).doc("e2e-search-3").set(item("gz-u01", "车间能耗监测方案"));
  const partners = (await collections.partners(GZ).get()).docs.map((d) => d.data());
  const byUscc = (await collections.partners(GZ).doc("e2e-search-3").get()).data()!;
  const partnerPrefix = "珠江搜索";
  const partnersNamed = partners.filter((p) => p.name.startsWith(partnerPrefix));
  const items = (await collections.catalogue(GZ).get()).docs.map((d) => d.data());
  const itemPrefix = "搜索测试";
  const itemsNamed = items.filter((c) => c.name.startsWith(itemPrefix));
  // The test means something only if the prefix leaves some out.
  expect(partnersNamed.length).toBeLessThan(partners.length);
  expect(itemsNamed.length).toBeLessThan(items.length);

  const staff = await signIn(browser, "/admin", "staff-gz");
  const page = staff.page;
  await page.getByRole("tab", { name: "单位、伙伴与目录" }).click();
  await page.getByRole("tab", { name: "合作伙伴", exact: true }).click();
  const partnerCard = cardTitled(page, /^合作伙伴（共/);
  const search = partnerCard.getByLabel("按名称开头或统一社会信用代码查找");

  // By the start of the name: exactly the partners whose names start so.
  await search.fill(partnerPrefix);
  await search.press("Enter");
  await expect(partnerCard.getByText(`合作伙伴（共 ${partnersNamed.length} 家）`)).toBeVisible();
  expect((await shownNames(partnerCard)).sort()).toEqual(partnersNamed.map((p) => p.name).sort());

  // With a unit picked as well: only that unit's partners of that name.
  await pickByName(page, "按牵引单位筛选", "穗链", /穗链智造科技（演示）有限公司/);
  const ofUnit = partnersNamed.filter((p) => p.unitId === "gz-u01").map((p) => p.name).sort();
  await expect(partnerCard.getByText(`合作伙伴（共 ${ofUnit.length} 家）`)).toBeVisible();
  expect((await shownNames(partnerCard)).sort()).toEqual(ofUnit);

  // By its full USCC: that partner alone (the unit still picked, then all units).
  await search.fill(byUscc.uscc);
  await search.press("Enter");
  await expect(partnerCard.getByText("合作伙伴（共 1 家）")).toBeVisible();
  expect(await shownNames(partnerCard)).toEqual([byUscc.name]);
  await partnerCard.getByRole("button", { name: "显示全部" }).click();
  await expect(partnerCard.getByText("合作伙伴（共 1 家）")).toBeVisible();
  expect(await shownNames(partnerCard)).toEqual([byUscc.name]);

  // A name nobody has: the empty table.
  await search.fill("无此合作伙伴");
  await search.press("Enter");
  await expect(partnerCard.getByText("合作伙伴（共 0 家）")).toBeVisible();
  await expect(partnerCard.locator(".ant-empty-description")).toHaveText("暂无数据");
  await screenshot(page, "artifacts/screenshots/admin-registry-partner-search.png", { fullPage: true });

  // Catalogue items have no USCC: the box says it finds by name.
  await page.getByRole("tab", { name: "产品和服务目录", exact: true }).click();
  const itemCard = cardTitled(page, /^产品和服务目录（共/);
  const itemSearch = itemCard.getByLabel("按名称搜索（输入名称的开头）");
  await itemSearch.fill(itemPrefix);
  await itemSearch.press("Enter");
  await expect(itemCard.getByText(`产品和服务目录（共 ${itemsNamed.length} 项）`)).toBeVisible();
  expect((await shownNames(itemCard)).sort()).toEqual(itemsNamed.map((c) => c.name).sort());
  await itemSearch.fill("无此产品");
  await itemSearch.press("Enter");
  await expect(itemCard.getByText("产品和服务目录（共 0 项）")).toBeVisible();
  await expect(itemCard.locator(".ant-empty-description")).toHaveText("暂无数据");

  const axe = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  expect(axe.violations.map((v) => `${v.id}（${v.help}）：${v.nodes.map((x) => x.target.join(" ")).join("；")}`)).toEqual([]);
  expect(staff.errors).toEqual([]);
  await staff.context.close();
});
