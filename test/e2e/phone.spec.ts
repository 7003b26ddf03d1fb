// Units often work from WeChat's browser on a phone: at 375 px wide a Dongguan unit fills its
// annual report, attaches a photo (the picker takes camera and album images), submits it after the
// confirmation and sees it listed — and no page is wider than the screen. The dashboard and the
// report form pass axe at that width (the phone layout has its own stacking, wrapping and sizes).
import { expect, test, type Page } from "@playwright/test";
import { makeCalendar } from "../../functions/src/domain/calendar.js";
import { shanghaiDate } from "../../functions/src/domain/dates.js";
import { periodOf } from "../../functions/src/domain/periods.js";
import { getPolicyPack } from "../../functions/src/domain/policy/index.js";
import { newPeriod } from "../../functions/src/domain/reportSchedule.js";
import { collections } from "../../functions/src/store/collections.js";
import { account, DEMO_PASSWORD } from "../../scripts/demo/accounts.js";
import { closeClients } from "../support/emulators.js";
import { realPng } from "../support/uploads.js";
import { violations } from "./axe.js";
import { freshDemo, screenshot, watchConsole } from "./session.js";

const DG = "dg-2025";
const PERIOD = periodOf(shanghaiDate(new Date()), "annual");
// A real decodable image (a phone photo, as far as the server's sniffing can tell).
const PHOTO = realPng(32, 24);

test.beforeAll(async () => {
  await freshDemo();
  await collections.periods(DG).doc(PERIOD).set(newPeriod(PERIOD, getPolicyPack("dongguan"), makeCalendar()));
  await collections.taskBooks(DG).doc(`dg-u01_${PERIOD}`).set({ unitId: "dg-u01", year: Number(PERIOD), targets: { cloudEnterprises: 4, solutions: 2 }, otherTargets: [], signedOn: `${PERIOD}-02-01` });
});
test.afterAll(closeClients);

/** Nothing sticks out to the right; the message names what does (tag, class, text). */
async function notWiderThanScreen(page: Page) {
  const wider = await page.evaluate<string[]>(`[...document.querySelectorAll("body *")]
    .filter((e) => e.getBoundingClientRect().right > 376 && ![...e.children].some((c) => c.getBoundingClientRect().right > 376))
    .slice(0, 5).map((e) => e.tagName + "." + String(e.className).slice(0, 60) + " " + (e.textContent ?? "").slice(0, 30))`);
  expect(wider).toEqual([]);
  expect(await page.evaluate<number>("document.documentElement.scrollWidth")).toBeLessThanOrEqual(375);
}

test("DG-9.1: on a 375 px phone a unit fills its annual report, attaches a photo, submits it after the confirmation and sees it listed", async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
  const page = await context.newPage();
  const errors = watchConsole(page);
  await page.goto("/portal");
  await page.getByLabel("电子邮箱").fill(account("member-dg-01").email);
  await page.getByLabel("密码").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: /登\s*录/ }).tap();
  await expect(page.getByTestId("unit-name")).toBeVisible();
  await notWiderThanScreen(page);
  const found = await violations(page, "手机/工作台");

  await page.getByRole("tab", { name: "年度绩效报告" }).tap();
  await page.getByLabel("上云用云企业", { exact: true }).fill("5");
  await page.getByLabel("“小快轻准”解决方案", { exact: true }).fill("3");
  const picker = page.locator('input[type="file"][aria-label="上传佐证材料"]');
  // The phone offers the camera and the photo album for images.
  expect(await picker.getAttribute("accept")).toMatch(/image\/jpeg/);
  await picker.setInputFiles({ name: "现场照片.png", mimeType: "image/png", buffer: PHOTO });
  await expect(page.getByText("已附材料：1 份")).toBeVisible();
  await expect(page.getByText(/草稿已自动保存/)).toBeVisible();
  await notWiderThanScreen(page);
  await screenshot(page, "artifacts/screenshots/portal-phone-report.png", { fullPage: true });
  found.push(...(await violations(page, "手机/年度绩效报告")));

  await page.getByRole("button", { name: "提交报告" }).tap();
  await expect(page.getByText("报告连同已附的 1 份材料提交")).toBeVisible();
  await page.getByRole("button", { name: "确认提交" }).tap();
  await expect(page.getByTestId("report-form-state")).toHaveText("已提交，待审核");
  await expect(page.getByTestId("report-attachments")).toContainText("现场照片.png");
  await expect(page.getByRole("dialog")).toHaveCount(0);
  await notWiderThanScreen(page);
  await expect.poll(async () => (await collections.reports(DG).doc(`dg-u01_${PERIOD}`).get()).data()?.state).toBe("submitted");
  expect(found).toEqual([]);
  expect(errors).toEqual([]);
  await context.close();
});
