// Issue 15.3 and 15.4 in a real Chromium. Every screen speaks the pack: a Dongguan proceeding
// offers only Dongguan grounds, each with the regulation's wording, and no 通报批评; Guangzhou
// offers its own grounds the same way. Satisfaction links: staff issue a pilot enterprise its
// link (copy, QR code, printable slip), the enterprise rates in another page without an account,
// and the rating arrives on the staff page without a reload; the DG-16.3 partner-removal case
// names the partner and shows the ratings behind it. axe checks the new page with a slip shown,
// the enterprise's rating form, the Dongguan clause picker open with its wording and the Dongguan
// partner-removal drawer. A link may also be mailed to an address staff give (issue 18.1); a
// malformed one is refused in the form.
import { expect, test, type Page } from "@playwright/test";
import { makeCalendar } from "../../functions/src/domain/calendar.js";
import { shanghaiDate } from "../../functions/src/domain/dates.js";
import { periodOf } from "../../functions/src/domain/periods.js";
import { dongguan, guangzhou } from "../../functions/src/domain/policy/index.js";
import { newPeriod } from "../../functions/src/domain/reportSchedule.js";
import { collections } from "../../functions/src/store/collections.js";
import { applyProceedingEvent } from "../../functions/src/usecases/applyProceedingEvent.js";
import { productionDeps } from "../../functions/src/usecases/deps.js";
import { issueSurveyLink } from "../../functions/src/usecases/issueSurveyLink.js";
import { proposeProceeding } from "../../functions/src/usecases/proposeProceeding.js";
import { submitRating } from "../../functions/src/usecases/submitRating.js";
import { closeClients } from "../support/emulators.js";
import { seedEnterprise, seedPartner } from "../support/workflowFixtures.js";
import { violations } from "./axe.js";
import { freshDemo, pickByName, screenshot, signIn, watchConsole } from "./session.js";

const GZ = "gz-2025";
const DG = "dg-2025";
const TODAY = shanghaiDate(new Date());
const GZ_ENTERPRISE = "天河五金制品厂（演示）有限公司";
const GZ_PARTNER = "天河数智合作伙伴（演示）有限公司";
const DG_PARTNER = "松山湖云控合作伙伴（演示）有限公司";
const DG_ENTERPRISES = ["长安模具厂（演示）有限公司", "虎门服装厂（演示）有限公司"];
const DG_COMMENTS = ["上门服务多次爽约", "系统上线后问题无人处理"];
/** A name as a pattern (its full-width brackets match themselves). */
const named = (name: string) => new RegExp(name.replace(/[()]/g, "\\$&"));

test.beforeAll(async () => {
  await freshDemo();
  const calendar = makeCalendar();
  const gzPeriod = periodOf(TODAY, "quarterly");
  const dgPeriod = periodOf(TODAY, "annual");
  await collections.periods(GZ).doc(gzPeriod).set(newPeriod(gzPeriod, guangzhou, calendar));
  await collections.periods(DG).doc(dgPeriod).set(newPeriod(dgPeriod, dongguan, calendar));
  await seedEnterprise(GZ, "gz-u01", "gz-u01-e1", 95_001, GZ_ENTERPRISE);
  await seedPartner(GZ, "gz-u01", "gz-u01-p1", 95_101, GZ_PARTNER);
  await seedPartner(DG, "dg-u01", "dg-u01-p1", 95_102, DG_PARTNER);
  for (const [i, name] of DG_ENTERPRISES.entries()) await seedEnterprise(DG, "dg-u01", `dg-u01-e${i + 1}`, 95_002 + i, name);
  // A Guangzhou criticism, so the list reads a ground with its wording.
  const deps = productionDeps();
  const { proceedingId } = await proposeProceeding(deps, { programmeId: GZ, kind: "criticism", unitId: "gz-u02", ground: "GZ-4.4a.5", evidence: [{ description: "未履行绩效任务书约定的诊断职责" }], complaintIds: [] }, { uid: "staff-gz", role: "staff" });
  await applyProceedingEvent(deps, { programmeId: GZ, proceedingId, event: { type: "issue" } }, { uid: "staff-gz", role: "staff" });
  // DG-16.3 the way it happens: two pilot enterprises rate the partner 不满意 through their links,
  // and the second rating proposes the partner's removal.
  for (const [i, comment] of DG_COMMENTS.entries()) {
    const { link } = await issueSurveyLink(deps, { programmeId: DG, enterpriseId: `dg-u01-e${i + 1}`, periodId: dgPeriod }, { uid: "staff-dg", role: "staff" });
    await submitRating(deps, { token: link.replace("/survey/", ""), ratings: [{ value: "basicallySatisfied" }, { partnerId: "dg-u01-p1", value: "dissatisfied", comment }] });
  }
});
test.afterAll(closeClients);

/** The texts of the options an open Ant Design select shows. */
async function optionTexts(page: Page) {
  // One list open: a list closed just before may still be fading out, and reading it gives nothing.
  await expect(page.locator(".ant-select-dropdown:visible")).toHaveCount(1);
  await expect(page.locator(".ant-select-dropdown:visible .ant-select-item-option").first()).toBeVisible();
  return page.locator(".ant-select-dropdown:visible .ant-select-item-option").allInnerTexts();
}

/** Nothing the page shows is an ISO date or a raw record id. */
async function expectNoRawIdsOrIsoDates(page: Page) {
  const text = await page.locator("body").innerText();
  expect(text).not.toMatch(/\b\d{4}-\d{2}-\d{2}\b/);
  expect(text).not.toMatch(/\b(gz|dg)-u\d{2}\b/);
}

test("DG-10: a Dongguan proceeding offers only Dongguan grounds with their wording, and no 通报批评 anywhere on the page", async ({ browser }) => {
  const staff = await signIn(browser, "/admin", "staff-dg");
  const { page } = staff;
  // The tab says what Dongguan has: clear-out and partner removal, no criticism.
  await expect(page.getByRole("tab", { name: "待办" })).toBeVisible();
  await expect(page.getByRole("tab", { name: /批评/ })).toHaveCount(0);
  await page.getByRole("tab", { name: "清退与取消合作伙伴" }).click();
  const panel = page.getByRole("tabpanel");
  await expect(panel.getByRole("radio", { name: "清退" }).first()).toBeChecked();
  await expect(panel.getByRole("radio", { name: "通报批评" })).toHaveCount(0);

  await page.getByLabel("依据条款").click();
  expect(await optionTexts(page)).toEqual(dongguan.clearOut.grounds.map((g) => `${g} ${dongguan.groundWords[g]}`));
  const found = await violations(page, "东莞管理台/清退与取消合作伙伴（依据条款展开）");
  await page.keyboard.press("Escape");
  await expect(page.locator(".ant-select-dropdown:visible")).toHaveCount(0);

  await panel.getByRole("radio", { name: "取消合作伙伴" }).first().check();
  await page.getByLabel("依据条款").click();
  const removal = await optionTexts(page);
  expect(removal).toContain("DG-16.3 试点企业对合作伙伴的服务满意度评价为“不满意”达到2次");
  expect(removal).toHaveLength(dongguan.partnerRemovalGrounds.length);
  await screenshot(page, "artifacts/screenshots/admin-dg-grounds.png", { fullPage: true });
  await page.keyboard.press("Escape");

  const text = await page.locator("body").innerText();
  expect(text).not.toContain("通报批评");
  expect(text).not.toMatch(/GZ-\d/);
  // The queue has no rectification card: rectification follows a criticism, which Dongguan does not have.
  await page.getByRole("tab", { name: "待办" }).click();
  await expect(page.getByText("整改逾期")).toHaveCount(0);
  expect(await page.locator("body").innerText()).not.toMatch(/GZ-\d/);
  expect(found).toEqual([]);
  expect(staff.errors).toEqual([]);
  await staff.context.close();
});

test("GZ-4.4b: Guangzhou offers its criticism and clear-out grounds with the regulation's wording, and no Dongguan clause", async ({ browser }) => {
  const staff = await signIn(browser, "/admin", "staff-gz");
  const { page } = staff;
  await page.getByRole("tab", { name: "批评与清退" }).click();
  const panel = page.getByRole("tabpanel");
  await expect(panel.getByRole("radio", { name: "取消合作伙伴" })).toHaveCount(0);
  await page.getByLabel("依据条款").click();
  expect(await optionTexts(page)).toEqual(guangzhou.criticismGrounds.map((g) => `${g} ${guangzhou.groundWords[g]}`));
  await page.keyboard.press("Escape");
  await panel.getByRole("radio", { name: "清退" }).first().check();
  await page.getByLabel("依据条款").click();
  const clearOut = await optionTexts(page);
  expect(clearOut).toContain("GZ-4.4b.2 未按规定参加绩效评价");
  expect(clearOut).toContain("GZ-4.4b.3 累计两次绩效评价不达标");
  await page.keyboard.press("Escape");
  // The demo's proceedings read with their wording too.
  await expect(panel.getByRole("row", { name: /羊城云数信息/ }).first()).toContainText(/GZ-4\.4a\.5\s*违背诚信原则，不履行职责/);
  expect(await page.locator("body").innerText()).not.toMatch(/DG-\d/);
  expect(staff.errors).toEqual([]);
  await staff.context.close();

  // The criticised unit reads the same words on its dashboard.
  const unit = await signIn(browser, "/portal", "member-gz-02");
  await expect(unit.page.getByText(/依据 GZ-4\.4a\.5 违背诚信原则，不履行职责/)).toBeVisible();
  expect(unit.errors).toEqual([]);
  await unit.context.close();
});

test("GZ-3.3: staff issue a pilot enterprise its rating link (copy, QR, printable slip); the enterprise rates in another page and the rating arrives on the staff page live", async ({ browser }) => {
  const staff = await signIn(browser, "/admin", "staff-gz");
  const { page } = staff;
  await staff.context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.getByRole("tab", { name: "满意度评价" }).click();
  await expect(page.getByText("发放满意度评价链接（GZ-3.3）")).toBeVisible();

  const enterprise = { name: GZ_ENTERPRISE };
  const unit = (await collections.units(GZ).doc("gz-u01").get()).data()!;
  await pickByName(page, "试点企业", "天河", named(GZ_ENTERPRISE));
  await page.getByRole("button", { name: "生成评价链接" }).click();
  const slip = page.getByTestId("survey-slip");
  await expect(slip).toContainText(`致：${enterprise.name}`);
  await expect(slip).toContainText(`评价对象：${unit.name}及其合作伙伴`);
  await expect(slip.getByRole("img", { name: `${enterprise.name}的满意度评价二维码` })).toBeVisible();
  // The QR code is a real image of the link (a PNG data URL drawn in the browser).
  expect(await slip.getByRole("img").getAttribute("src")).toMatch(/^data:image\/png;base64,/);
  await expect(page.getByTestId("survey-expiry")).toHaveText(/^\d{4}年\d{1,2}月\d{1,2}日$/);
  const url = (await page.getByTestId("survey-url").innerText()).trim();
  expect(url).toMatch(/\/survey\/[A-Za-z0-9_-]{43}$/);

  await slip.getByRole("button", { name: "复制链接" }).click();
  await expect(slip.getByText("链接已复制")).toBeVisible();
  expect(await page.evaluate("navigator.clipboard.readText()")).toBe(url);

  // The printed slip: the slip alone (enterprise, QR, link, expiry), without the page, its menus or buttons.
  await page.emulateMedia({ media: "print" });
  const printed = page.getByTestId("survey-slip-print");
  await expect(printed).toBeVisible();
  await expect(printed).toContainText(`致：${GZ_ENTERPRISE}`);
  await expect(printed).toContainText(url);
  await expect(page.getByTestId("print-expiry")).toHaveText(await page.getByTestId("survey-expiry").innerText());
  await expect(printed.getByRole("img")).toBeVisible();
  await expect(page.getByRole("button", { name: "打印评价单" })).toBeHidden();
  await expect(page.getByRole("tab", { name: "满意度评价" })).toBeHidden();
  await screenshot(page, "artifacts/screenshots/survey-slip-print.png", { fullPage: true });
  await page.emulateMedia({ media: "screen" });

  // The link appears in the table as 未使用.
  const row = page.getByRole("row", { name: named(GZ_ENTERPRISE) });
  await expect(row).toContainText("未使用");
  await expect(row).toContainText(unit.name);

  // The enterprise rates in another page, with no account: the unit 满意, each partner 不满意.
  // A context of its own, as axe requires (and as another person's browser is).
  const pub = await (await browser.newContext()).newPage();
  const pubErrors = watchConsole(pub);
  await pub.goto(new URL(url).pathname);
  await expect(pub.getByText(enterprise.name).first()).toBeVisible();
  const groups = pub.getByRole("radiogroup");
  const n = await groups.count();
  expect(n).toBe(2); // the unit and its one partner
  await groups.nth(0).getByRole("radio", { name: "满意", exact: true }).check();
  for (let i = 1; i < n; i++) await groups.nth(i).getByRole("radio", { name: "不满意" }).check();
  const found = await violations(pub, "满意度评价（填写）");
  await pub.getByRole("button", { name: "提交评价" }).click();
  await expect(pub.getByText("感谢您的评价！")).toBeVisible();

  // Staff see it arrive without reloading: the link is 已评价 with what was said, and the tally counts it.
  await expect(row).toContainText("已评价");
  await expect(row).toContainText(`${unit.name}：满意`);
  const tally = page.getByTestId("rating-tally");
  await expect(tally.getByRole("row", { name: named(unit.name) }).first()).toContainText("3.0 / 3");
  await expect(tally.getByRole("row", { name: named(GZ_PARTNER) })).toContainText("1.0 / 3");
  await expect(row).toContainText(`${GZ_PARTNER}：不满意`);
  await screenshot(page, "artifacts/screenshots/admin-satisfaction.png", { fullPage: true });
  await expectNoRawIdsOrIsoDates(page);

  // axe on the new page with a slip, the links and the tally shown.
  found.push(...(await violations(page, "管理台/满意度评价（评价单）")));
  expect(found).toEqual([]);

  expect(staff.errors).toEqual([]);
  expect(pubErrors).toEqual([]);
  await pub.context().close();
  await staff.context.close();
});

test("Issue 18.1: staff issue a rating link with the enterprise's e-mail address and it is mailed there; a malformed address is refused in the form, naming the field, and nothing is issued", async ({ browser }) => {
  const name = "天河邮寄五金（演示）有限公司";
  const address = "tianhe.rating.e2e@example.com";
  await seedEnterprise(GZ, "gz-u01", "gz-u01-e-mail", 95_011, name);
  const linksOf = async () => (await collections.surveyTokens(GZ).where("enterpriseId", "==", "gz-u01-e-mail").get()).size;
  const staff = await signIn(browser, "/admin", "staff-gz");
  const { page } = staff;
  await page.getByRole("tab", { name: "满意度评价" }).click();
  const email = page.getByLabel("企业电子邮箱");

  // Not an address: the form names the field and asks nothing of the server.
  await pickByName(page, "试点企业", "天河邮寄", named(name));
  await email.fill("tianhe.example.com");
  await page.getByRole("button", { name: "生成评价链接" }).click();
  await expect(page.getByText("企业电子邮箱不是有效的电子邮箱地址")).toBeVisible();
  await expect(page.getByTestId("survey-slip")).toHaveCount(0);
  expect(await linksOf()).toBe(0);
  expect(await violations(page, "满意度评价/邮箱格式错误")).toEqual([]);

  // Corrected: the link is issued and the outcome says where it was sent.
  await email.fill(address);
  await page.getByRole("button", { name: "生成评价链接" }).click();
  await expect(page.getByText(`已为${name}生成评价链接，并已将链接发送至 ${address}。`)).toBeVisible();
  const url = (await page.getByTestId("survey-url").innerText()).trim();
  expect(await linksOf()).toBe(1);
  // The mail queued for the Trigger Email extension, to that address, carrying this very link.
  const mails = (await collections.mail().where("to", "==", address).get()).docs.map((d) => d.data());
  expect(mails).toHaveLength(1);
  expect(mails[0]).toMatchObject({ programmeId: GZ, kind: "ratingLink" });
  expect(JSON.stringify(mails[0]!.message)).toContain(new URL(url).pathname);
  await screenshot(page, "artifacts/screenshots/admin-satisfaction-mailed.png", { fullPage: true });
  await expectNoRawIdsOrIsoDates(page);
  expect(staff.errors).toEqual([]);
  await staff.context.close();
});

test("DG-16.3: the partner-removal case names the partner and shows the ratings behind it", async ({ browser }) => {
  const staff = await signIn(browser, "/admin", "staff-dg");
  const { page } = staff;
  // The queue names the partner beside its unit, with the ground in the regulation's words.
  const candidate = page.getByRole("row", { name: /取消合作伙伴/ }).first();
  await expect(candidate).toContainText(DG_PARTNER);
  await expect(candidate).toContainText(/DG-16\.3\s*试点企业对合作伙伴的服务满意度评价为“不满意”达到2次/);

  await page.getByRole("tab", { name: "清退与取消合作伙伴" }).click();
  await page.getByRole("tabpanel").getByRole("radio", { name: "取消合作伙伴" }).last().check();
  await page.getByRole("row", { name: named(DG_PARTNER) }).first().click();
  const drawer = page.getByRole("dialog");
  await expect(drawer).toContainText(DG_PARTNER);
  await expect(drawer).toContainText(/DG-16\.3\s*试点企业对合作伙伴的服务满意度评价为“不满意”达到2次/);
  const ratings = drawer.getByTestId("partner-ratings");
  await expect(ratings).toContainText("共 2 次评价，其中“不满意” 2 次（达到 2 次即构成取消合作情形）");
  for (const text of [...DG_COMMENTS, ...DG_ENTERPRISES]) await expect(ratings).toContainText(text);
  await screenshot(page, "artifacts/screenshots/admin-dg-partner-removal-ratings.png", { fullPage: true });
  await expectNoRawIdsOrIsoDates(page);
  const found = await violations(page, "东莞管理台/取消合作伙伴（详情）");

  // The 满意度评价 page lists the two links as used, and the partner's tally.
  await page.keyboard.press("Escape");
  await page.getByRole("tab", { name: "满意度评价" }).click();
  for (const name of DG_ENTERPRISES) await expect(page.getByRole("row", { name: named(name) })).toContainText("已评价");
  await expect(page.getByTestId("rating-tally").getByRole("row", { name: named(DG_PARTNER) })).toContainText("1.0 / 3");
  expect(found).toEqual([]);
  expect(staff.errors).toEqual([]);
  await staff.context.close();
});
