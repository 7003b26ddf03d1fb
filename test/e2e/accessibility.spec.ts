// Every main page is checked by axe-core (WCAG 2.1 A and AA rules) in Chromium: form fields have
// labels, buttons and links have names, ARIA is used correctly, contrast is sufficient. A
// violation fails the test with the rule, the element and axe's explanation.
import { expect, test } from "@playwright/test";
import { applyProceedingEvent } from "../../functions/src/usecases/applyProceedingEvent.js";
import { productionDeps } from "../../functions/src/usecases/deps.js";
import { proposeProceeding } from "../../functions/src/usecases/proposeProceeding.js";
import { violations } from "./axe.js";
import { openNoticeWithObjections } from "./objectionFixtures.js";
import { freshDemo, signIn } from "./session.js";

test.beforeAll(async () => {
  await freshDemo();
  // An open Dongguan notice with pending objections: the public objection form and the staff
  // page's objection table (row selection, bulk 不予受理) are audited too.
  await openNoticeWithObjections("dg-2025", `a11y-notice-${Date.now()}`, "东莞合作伙伴变更公示（无障碍检查）", ["广告甲", "广告乙"]);
  // A circulated Guangzhou criticism (GZ-4.4a.0), so the 通报 tabs of the portal and the public page are audited with content.
  const actor = { uid: "staff-gz", role: "staff" as const };
  const { proceedingId } = await proposeProceeding(productionDeps(), { programmeId: "gz-2025", kind: "criticism", unitId: "gz-u02", ground: "GZ-4.4a.5", evidence: [{ description: "未履行绩效任务书约定的诊断职责" }], complaintIds: [] }, actor);
  await applyProceedingEvent(productionDeps(), { programmeId: "gz-2025", proceedingId, event: { type: "issue" } }, actor);
});

test("public pages pass axe-core's WCAG 2.1 AA rules", async ({ page }) => {
  const found: string[] = [];
  await page.goto("/");
  found.push(...(await violations(page, "首页")));
  await page.goto("/notices");
  for (const tab of ["变更公示", "清退及取消资格公告", "通报批评", "名单公布"]) {
    await page.getByRole("tab", { name: tab }).click();
    found.push(...(await violations(page, `公示公告/${tab}`)));
  }
  // The objection form (实名: name and contact with labels), empty and after a submit without them.
  await page.goto("/notices?p=dg-2025");
  await page.getByRole("button", { name: "对本公示提出异议" }).first().click();
  await expect(page.getByLabel("姓名或单位名称")).toBeVisible();
  found.push(...(await violations(page, "公示公告/提出异议")));
  await page.getByRole("button", { name: "提交异议" }).click();
  await expect(page.getByText("请填写联系方式")).toBeVisible();
  found.push(...(await violations(page, "公示公告/提出异议（未填必填项）")));
  await page.goto("/survey/not-a-real-token");
  found.push(...(await violations(page, "满意度评价（无效链接）")));
  expect(found).toEqual([]);
});

test("the unit portal passes axe-core's WCAG 2.1 AA rules on every tab", async ({ browser }) => {
  const { page, context } = await signIn(browser, "/portal", "member-gz-01");
  await expect(page.getByTestId("unit-name")).toBeVisible();
  const found: string[] = [];
  for (const tab of ["工作台", "季度绩效报告", "变更申请", "重大调整事前报告", "通报"]) {
    await page.getByRole("tab", { name: tab }).click();
    found.push(...(await violations(page, `门户/${tab}`)));
  }
  await context.close();
  expect(found).toEqual([]);
});

test("the staff admin page passes axe-core's WCAG 2.1 AA rules on every tab", async ({ browser }) => {
  const found: string[] = [];
  // The calendar administrator is staff of no programme: its admin page is the holiday calendar alone.
  const admins: [uid: string, firstTab: string][] = [["staff-gz", "待办"], ["staff-dg", "待办"], ["calendar-admin", "节假日安排"]];
  for (const [who, first] of admins) {
    const { page, context } = await signIn(browser, "/admin", who);
    await expect(page.getByRole("tab", { name: first })).toBeVisible();
    const tabs = await page.getByRole("tab").allInnerTexts();
    for (const tab of tabs) {
      await page.getByRole("tab", { name: tab, exact: true }).click();
      found.push(...(await violations(page, `${who} 管理台/${tab}`)));
    }
    await context.close();
  }
  expect(found).toEqual([]);
});
