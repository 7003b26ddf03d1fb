// 执行本期关账 is irreversible: on a period that is due it first says what the close will do
// (units, candidates, the ranking frozen), runs only after confirmation, then says what it did —
// in each city's own procedures (Dongguan: no 通报批评, the interview list of DG-9.2). Both dialogs
// pass axe.
import { expect, test } from "@playwright/test";
import { makeCalendar } from "../../functions/src/domain/calendar.js";
import { getPolicyPack } from "../../functions/src/domain/policy/index.js";
import { newPeriod } from "../../functions/src/domain/reportSchedule.js";
import { collections } from "../../functions/src/store/collections.js";
import { closeClients } from "../support/emulators.js";
import { violations } from "./axe.js";
import { choose, freshDemo, screenshot, signIn } from "./session.js";

const GZ = "gz-2025";
// A quarter long past its evaluation close that the demo never opened: due for closing today.
const DUE = "2026-Q1";
const DG = "dg-2025";
// A Dongguan year long past its evaluation close that the demo never opened; its one unit was
// listed in January of it and never reported, so the close must propose its clear-out (DG-10.2).
const DG_DUE = "2025";
const DG_UNIT = "dg-u01";

test.beforeAll(async () => {
  await freshDemo();
  await collections.periods(GZ).doc(DUE).set(newPeriod(DUE, getPolicyPack("guangzhou"), makeCalendar()));
  await collections.periods(DG).doc(DG_DUE).set(newPeriod(DG_DUE, getPolicyPack("dongguan"), makeCalendar()));
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
  const found = await violations(page, "评价与排名（待关账期次）");
  await page.getByRole("button", { name: "执行本期关账" }).click();

  // Before anything is written: what will happen, in words, with the numbers of this quarter.
  const confirm = page.getByRole("dialog", { name: "关闭2026年第一季度？" });
  await expect(confirm).toContainText(/关账后本期排名冻结，不能撤销。将处理 \d+ 家单位，提出通报批评候选 \d+ 项、清退候选 (\d+) 项/);
  const planned = Number((await confirm.innerText()).match(/清退候选 (\d+) 项/)![1]);
  expect((await collections.periods(GZ).doc(DUE).get()).data()!.state).toBe("open");
  await screenshot(page, "artifacts/screenshots/admin-period-close-confirm.png");
  found.push(...(await violations(page, "关账确认", ".ant-modal-root")));
  await confirm.getByRole("button", { name: "执行本期关账" }).click();

  // After: what it did, and where the proposals wait.
  const outcome = page.getByTestId("close-outcome");
  await expect(outcome).toContainText(/已处理 \d+ 家单位，排名已冻结；新提出候选 \d+ 项/);
  const proposed = Number((await outcome.innerText()).match(/新提出候选 (\d+) 项/)![1]);
  expect(proposed).toBeGreaterThanOrEqual(planned);
  await screenshot(page, "artifacts/screenshots/admin-period-close-outcome.png");
  found.push(...(await violations(page, "关账结果", ".ant-modal-root")));
  await page.getByRole("button", { name: /^确\s*定$/ }).click();
  expect((await collections.periods(GZ).doc(DUE).get()).data()!.state).toBe("closed");
  expect(found).toEqual([]);
  // A closed quarter is not offered for closing again.
  await expect(page.getByRole("button", { name: "执行本期关账" })).toHaveCount(0);

  expect(staff.errors).toEqual([]);
  await staff.context.close();
});

test("DG-8 / DG-9.2 / DG-10.2: closing a due Dongguan year states its consequences in Dongguan's procedures — clear-out candidates and the interview list on task-book completion, no 通报批评 — then closes the year and proposes only Dongguan grounds", async ({ browser }) => {
  const staff = await signIn(browser, "/admin", "staff-dg");
  const page = staff.page;
  await page.getByRole("tab", { name: "评价与排名" }).click();
  await choose(page, "选择期次", "2025年度");
  const found = await violations(page, "东莞评价与排名（待关账期次）");
  await page.getByRole("button", { name: "执行本期关账" }).click();

  // The unit never reported that year: a clear-out candidate (DG-10.2). Nobody was evaluated, so
  // nobody lags on the ranking (DG-9.2) and no evaluation awaits approval (DG-8).
  const confirm = page.getByRole("dialog", { name: "关闭2025年度？" });
  await expect(confirm).toContainText("关账后本期排名冻结，不能撤销。将处理 1 家单位，提出清退候选 1 项；按任务书完成率排名，列入排名落后约谈名单 0 家（DG-9.2）；候选须经工作专班决定后才生效。");
  // Dongguan has no 通报批评 and no Guangzhou clause; its decision-maker is the 工作专班.
  await expect(confirm).not.toContainText(/通报批评|GZ-|工作小组/);
  expect((await collections.periods(DG).doc(DG_DUE).get()).data()!.state).toBe("open");
  await screenshot(page, "artifacts/screenshots/admin-period-close-confirm-dg.png");
  found.push(...(await violations(page, "东莞关账确认", ".ant-modal-root")));
  await confirm.getByRole("button", { name: "执行本期关账" }).click();

  const outcome = page.getByTestId("close-outcome");
  await expect(outcome).toContainText("已处理 1 家单位，排名已冻结；新提出候选 1 项，已列入“待办 · 系统提出的待决定事项”，须经工作专班决定后才生效。");
  await expect(page.getByRole("dialog", { name: "2025年度已关账" })).not.toContainText(/通报批评|GZ-|工作小组/);
  await screenshot(page, "artifacts/screenshots/admin-period-close-outcome-dg.png");
  found.push(...(await violations(page, "东莞关账结果", ".ant-modal-root")));
  await page.getByRole("button", { name: /^确\s*定$/ }).click();
  expect((await collections.periods(DG).doc(DG_DUE).get()).data()!.state).toBe("closed");
  // What was proposed for that year (a proposal's id ends with its scope, the period): the unit's
  // clear-out on DG-10.2, nothing else and nothing Guangzhou.
  const proposed = (await collections.proceedings(DG).get()).docs.filter((d) => d.id.endsWith(`_${DG_DUE}`)).map((d) => d.data());
  expect(proposed.map((p) => `${p.unitId} ${p.kind} ${p.ground} ${p.state}`).sort()).toEqual([`${DG_UNIT} clearOut DG-10.2 proposed`]);
  await expect(page.getByRole("button", { name: "执行本期关账" })).toHaveCount(0);
  expect(found).toEqual([]);

  expect(staff.errors).toEqual([]);
  await staff.context.close();
});
