// 执行本期关账 is irreversible: on a quarter that is due it first says what the close will do
// (units, candidates, the ranking frozen), runs only after confirmation, then says what it did.
import { expect, test } from "@playwright/test";
import { makeCalendar } from "../../functions/src/domain/calendar.js";
import { getPolicyPack } from "../../functions/src/domain/policy/index.js";
import { newPeriod } from "../../functions/src/domain/reportSchedule.js";
import { collections } from "../../functions/src/store/collections.js";
import { closeClients } from "../support/emulators.js";
import { choose, freshDemo, screenshot, signIn } from "./session.js";

const GZ = "gz-2025";
// A quarter long past its evaluation close that the demo never opened: due for closing today.
const DUE = "2026-Q1";

test.beforeAll(async () => {
  await freshDemo();
  await collections.periods(GZ).doc(DUE).set(newPeriod(DUE, getPolicyPack("guangzhou"), makeCalendar()));
});
test.afterAll(closeClients);

test("A document a job could not read is listed for staff in 待办 with the job, the kind of record and the reason", async ({ browser }) => {
  const at = new Date();
  await collections.jobProblems(GZ).doc("periodClose_broken-report").set({ job: "periodClose", path: `programmes/${GZ}/reports/gz-u03_2026-Q1`, reason: "报告数据无法读取：指标应为数字", firstSeenAt: at, lastSeenAt: at });
  const staff = await signIn(browser, "/admin", "staff-gz");
  const card = staff.page.locator(".ant-card").filter({ hasText: "作业跳过的记录" });
  await expect(card.getByRole("row", { name: /期次关账\s*绩效报告（编号 gz-u03_2026-Q1）\s*报告数据无法读取：指标应为数字/ })).toBeVisible();
  expect(staff.errors).toEqual([]);
  await staff.context.close();
});

test("GZ-3.4.1: closing a due quarter states its consequences, runs after confirmation and reports what it did; the closed quarter offers no second close", async ({ browser }) => {
  const staff = await signIn(browser, "/admin", "staff-gz");
  const page = staff.page;
  await page.getByRole("tab", { name: "评价与排名" }).click();
  await choose(page, "选择期次", "2026年第一季度");
  await page.getByRole("button", { name: "执行本期关账" }).click();

  // Before anything is written: what will happen, in words, with the numbers of this quarter.
  const confirm = page.getByRole("dialog", { name: "关闭2026年第一季度？" });
  await expect(confirm).toContainText(/关账后本期排名冻结，不能撤销。将处理 \d+ 家单位，提出通报批评候选 \d+ 项、清退候选 (\d+) 项/);
  const planned = Number((await confirm.innerText()).match(/清退候选 (\d+) 项/)![1]);
  expect((await collections.periods(GZ).doc(DUE).get()).data()!.state).toBe("open");
  await screenshot(page, "artifacts/screenshots/admin-period-close-confirm.png");
  await confirm.getByRole("button", { name: "执行本期关账" }).click();

  // After: what it did, and where the proposals wait.
  const outcome = page.getByTestId("close-outcome");
  await expect(outcome).toContainText(/已处理 \d+ 家单位，排名已冻结；新提出候选 \d+ 项/);
  const proposed = Number((await outcome.innerText()).match(/新提出候选 (\d+) 项/)![1]);
  expect(proposed).toBeGreaterThanOrEqual(planned);
  await screenshot(page, "artifacts/screenshots/admin-period-close-outcome.png");
  await page.getByRole("button", { name: /^确\s*定$/ }).click();
  expect((await collections.periods(GZ).doc(DUE).get()).data()!.state).toBe("closed");
  // A closed quarter is not offered for closing again.
  await expect(page.getByRole("button", { name: "执行本期关账" })).toHaveCount(0);

  expect(staff.errors).toEqual([]);
  await staff.context.close();
});
