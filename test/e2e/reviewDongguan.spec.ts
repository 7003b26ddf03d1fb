// The whole return cycle in Dongguan, with both people's pages open side by side: the unit sees
// its returned annual report on the dashboard without reloading, follows the notification's link
// to the reason, corrects and resubmits; the reviewer opens the resubmission, sees the earlier
// return and the audit trail, reads the attached PDF in the page, and returns one item with a
// reason; the unit's open page shows the new reason at once. The PDF viewer passes axe.
import { expect, test } from "@playwright/test";
import { makeCalendar } from "../../functions/src/domain/calendar.js";
import { shanghaiDate } from "../../functions/src/domain/dates.js";
import { periodOf } from "../../functions/src/domain/periods.js";
import { getPolicyPack } from "../../functions/src/domain/policy/index.js";
import { newPeriod } from "../../functions/src/domain/reportSchedule.js";
import { periodWord } from "../../functions/src/domain/words.js";
import { collections } from "../../functions/src/store/collections.js";
import { account, DEMO_PASSWORD } from "../../scripts/demo/accounts.js";
import { closeClients, eventually, signedInClient } from "../support/emulators.js";
import { idToken, minimalPdf, upload } from "../support/uploads.js";
import { violations } from "./axe.js";
import { choose, freshDemo, screenshot, signIn } from "./session.js";

const DG = "dg-2025";
const PERIOD = periodOf(shanghaiDate(new Date()), "annual");
const REPORT = `dg-u01_${PERIOD}`;
const UNIT_NAME = "莞工数字服务（演示）有限公司";
const FILE = "年度工作佐证.pdf";
const FIRST = "上云用云企业数量与佐证材料不符，请核实后重新填报。";
const SECOND = "解决方案缺少应用企业名单，请补充。";

test.beforeAll(async () => {
  await freshDemo();
  await collections.periods(DG).doc(PERIOD).set(newPeriod(PERIOD, getPolicyPack("dongguan"), makeCalendar()));
  await collections.taskBooks(DG).doc(`dg-u01_${PERIOD}`).set({ unitId: "dg-u01", year: Number(PERIOD), targets: { cloudEnterprises: 4, solutions: 2 }, otherTargets: [], signedOn: `${PERIOD}-02-01` });
  await collections.reports(DG).doc(REPORT).set({ unitId: "dg-u01", periodId: PERIOD, state: "draft", metrics: { cloudEnterprises: 6, solutions: 2 }, enterprises: [], documentIds: [], late: false, returnedCount: 0, incomplete: false, missingFields: [], reviewReasons: [], updatedBy: "member-dg-01", updatedAt: new Date() });
  const answer = await upload(await idToken(account("member-dg-01").email), { programmeId: DG, targetType: "report", targetId: REPORT, kind: "evidence" }, { name: FILE, bytes: minimalPdf(FILE) });
  if (!answer.json.documentId) throw new Error(`upload refused: ${answer.status}`);
  await collections.reports(DG).doc(REPORT).update({ documentIds: [answer.json.documentId], state: "submitted", updatedAt: new Date() });
  await eventually(async () => (await collections.evaluations(DG).doc(REPORT).get()).data(), "the evaluation draft of the submitted report");
  // The first return, as a reviewer makes it (the callable the review screen calls).
  const reviewer = await signedInClient(account("staff-dg").email, DEMO_PASSWORD);
  await reviewer.call("reviewReport", { programmeId: DG, reportId: REPORT, decision: "return", reasons: [{ field: "上云用云企业", reason: FIRST }] });
});
test.afterAll(closeClients);

test("DG-9.1: a returned report is corrected and resubmitted; the reviewer reads the PDF in the page, sees the earlier return and the trail, returns one item; the unit's open page shows the reason without reloading", async ({ browser }) => {
  // The unit: the dashboard says 已退回 and its notification links to the reason.
  const unit = await signIn(browser, "/portal", "member-dg-01");
  await expect(unit.page.getByTestId("report-state")).toContainText("已退回");
  await unit.page.getByTestId("notifications").getByRole("link", { name: `${periodWord(PERIOD)}报告被退回` }).click();
  await expect(unit.page.getByText(`上云用云企业：${FIRST}`).filter({ visible: true }).first()).toBeVisible();
  await unit.page.getByLabel("上云用云企业", { exact: true }).fill("5");
  await expect(unit.page.getByText(/草稿已自动保存/)).toBeVisible();
  await unit.page.getByRole("button", { name: "提交报告" }).click();
  await unit.page.getByRole("button", { name: "确认提交" }).click();
  await expect(unit.page.getByTestId("report-form-state")).toHaveText("已提交，待审核");

  // The reviewer opens the resubmission from 待办.
  const staff = await signIn(browser, "/admin", "staff-dg");
  const page = staff.page;
  await page.getByRole("row", { name: new RegExp(`${UNIT_NAME}.*${periodWord(PERIOD)}`) }).getByRole("button", { name: `审阅${periodWord(PERIOD)}报告` }).click();
  const review = page.getByTestId("report-review");
  await expect(review.getByText("此前已退回 1 次。")).toBeVisible();
  await expect(review.getByText(`上云用云企业：${FIRST}`).first()).toBeVisible();
  const trail = review.getByTestId("audit-trail");
  await expect(trail.getByText("退回", { exact: true })).toBeVisible();
  await expect(trail.getByText(/^(提交报告|修改后重新提交)$/)).toHaveCount(2);
  await expect(trail).toContainText("DG-");
  await expect(trail).not.toContainText("GZ-");

  // The PDF, in the page.
  await page.getByTestId("review-documents").getByRole("button", { name: `在页面中查看${FILE}` }).click();
  const viewer = page.getByRole("dialog", { name: `查看材料：${FILE}` });
  await expect(viewer.getByTestId("document-page-count")).toHaveText("共 1 页");
  await expect(viewer.getByRole("img", { name: "第 1 页" })).toBeVisible();
  const found = await violations(page, "东莞管理台/审阅年度报告/查看材料");
  await viewer.getByLabel("Close").first().click();
  await expect(viewer).toHaveCount(0);

  // Names and dates in words on the review screen.
  const text = await page.getByRole("dialog").innerText();
  expect(text).not.toMatch(/dg-u\d+|member-dg/);
  expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}/);

  // One item returned with its reason.
  await choose(page, "第 1 条：退回的内容", "“小快轻准”解决方案");
  await page.getByLabel("第 1 条：退回理由").fill(SECOND);
  await page.getByRole("button", { name: "确认退回" }).click();
  await expect(review.getByText("本报告已退回，等待单位修改后重新提交。")).toBeVisible();
  await expect(review.getByText("此前已退回 2 次。")).toBeVisible();

  // The unit's page, never reloaded, shows the new reason and the notification.
  await expect(unit.page.getByTestId("report-form-state")).toHaveText("已退回，请修改后重新提交");
  await expect(unit.page.getByText(`“小快轻准”解决方案：${SECOND}`).filter({ visible: true }).first()).toBeVisible();
  await unit.page.getByRole("tab", { name: "工作台" }).click();
  await expect(unit.page.getByTestId("notifications").getByRole("link", { name: `${periodWord(PERIOD)}报告被退回` })).toHaveCount(2);
  await screenshot(unit.page, "artifacts/screenshots/portal-dg-returned-live.png", { fullPage: true });

  expect(found).toEqual([]);
  expect(unit.errors).toEqual([]);
  expect(staff.errors).toEqual([]);
  await unit.context.close();
  await staff.context.close();
});
