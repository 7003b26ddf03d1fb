// The thin slice in a real browser: a unit member signs in on /portal and sees their unit's
// name; staff sign in on /admin and see their programme. Data comes from the demo seed.
import { expect, test } from "@playwright/test";
import { account, DEMO_PASSWORD } from "../../scripts/demo/accounts.js";
import { adminHandles } from "../../scripts/demo/seed.js";
import { freshDemo, screenshot, signIn, watchConsole } from "./session.js";

test.beforeAll(async () => {
  await freshDemo();
});

test("a unit member signs in on /portal and sees their unit's name", async ({ page }) => {
  const errors = watchConsole(page);
  const member = account("member-gz-01");
  await page.goto("/portal");
  await page.getByLabel("电子邮箱").fill(member.email);
  await page.getByLabel("密码").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: /登\s*录/ }).click();
  await expect(page.getByTestId("unit-name")).toHaveText("穗链智造科技（演示）有限公司");
  await expect(page.getByText("在册")).toBeVisible();
  await screenshot(page, "artifacts/screenshots/portal-dashboard.png", { fullPage: true });
  expect(errors).toEqual([]);
});

test("a wrong password gets a Chinese error and no access", async ({ page }) => {
  await page.goto("/portal");
  await page.getByLabel("电子邮箱").fill(account("member-gz-01").email);
  await page.getByLabel("密码").fill("not-the-password");
  await page.getByRole("button", { name: /登\s*录/ }).click();
  await expect(page.getByRole("alert")).toContainText("登录失败：邮箱或密码不正确。");
  await expect(page.getByTestId("unit-name")).toHaveCount(0);
});

test("staff sign in on /admin and see their programme's units", async ({ page }) => {
  const errors = watchConsole(page);
  await page.goto("/admin");
  await page.getByLabel("电子邮箱").fill(account("staff-gz").email);
  await page.getByLabel("密码").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: /登\s*录/ }).click();
  await expect(page.getByTestId("programme-name")).toHaveText("广州市中小企业数字化转型城市试点（演示）");
  await page.getByRole("tab", { name: "单位、伙伴与目录" }).click();
  await expect(page.getByText("羊城云数信息（演示）有限公司")).toBeVisible();
  await screenshot(page, "artifacts/screenshots/admin-units.png", { fullPage: true });
  expect(errors).toEqual([]);
});

test("GZ-5.2: after the pilot's acceptance the portal and the admin page say the programme is read-only", async ({ browser }) => {
  const { db } = adminHandles();
  await db.doc("programmes/gz-2025").update({ endsOn: "2025-12-31" });
  try {
    const unit = await signIn(browser, "/portal", "member-gz-01");
    await expect(unit.page.getByTestId("programme-closed")).toContainText("GZ-5.2");
    await expect(unit.page.getByTestId("programme-closed")).toContainText("验收完成于 2025-12-31");
    await unit.context.close();
    const staff = await signIn(browser, "/admin", "staff-gz");
    await expect(staff.page.getByTestId("programme-closed")).toContainText("不能再提交或修改");
    await staff.context.close();
  } finally {
    await db.doc("programmes/gz-2025").update({ endsOn: null });
  }
  // An open programme shows no such banner.
  const unit = await signIn(browser, "/portal", "member-gz-01");
  await expect(unit.page.getByTestId("unit-name")).toBeVisible();
  await expect(unit.page.getByTestId("programme-closed")).toHaveCount(0);
  await unit.context.close();
});
