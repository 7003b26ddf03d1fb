// Late is not absent (GZ-3.4.1, GZ-4.4a.2) in a real Chromium. Last quarter's report deadline has
// passed but its evaluation is still open, while this quarter is open too: the portal starts on
// last quarter (the oldest open period), says both dates, takes the report and records it late;
// the reviewer reads 逾期 with what it means, and the evaluation says 材料报送情况：逾期. A report
// of a closed quarter that came in late is listed under 往期报告 as 逾期, accepted — not missing.
import { expect, test } from "@playwright/test";
import { makeCalendar } from "../../functions/src/domain/calendar.js";
import { addDays, shanghaiDate } from "../../functions/src/domain/dates.js";
import { periodBounds, periodOf, previousPeriod } from "../../functions/src/domain/periods.js";
import { getPolicyPack } from "../../functions/src/domain/policy/index.js";
import { newPeriod } from "../../functions/src/domain/reportSchedule.js";
import { dateWord, periodWord, stateWords } from "../../functions/src/domain/words.js";
import { collections } from "../../functions/src/store/collections.js";
import { closeClients, eventually } from "../support/emulators.js";
import { choose, freshDemo, screenshot, signIn } from "./session.js";

const GZ = "gz-2025";
const today = shanghaiDate(new Date());
const CURRENT = periodOf(today, "quarterly");
const LAST = previousPeriod(CURRENT);
const CLOSED = previousPeriod(LAST);
const DEADLINE = addDays(today, -2);
const CLOSE = addDays(today, 12);
const UNIT_NAME = "穗链智造科技（演示）有限公司";

test.beforeAll(async () => {
  await freshDemo();
  const pack = getPolicyPack("guangzhou");
  await collections.periods(GZ).doc(CURRENT).set(newPeriod(CURRENT, pack, makeCalendar()));
  // Last quarter: its report deadline two days ago, its evaluation still open.
  const last = periodBounds(LAST);
  await collections.periods(GZ).doc(LAST).set({ id: LAST, cadence: "quarterly", start: last.start, end: last.end, reportDeadline: DEADLINE, evaluationCloseOn: CLOSE, state: "open" });
  // The quarter before, closed: its report came in after the deadline and before the evaluation close.
  const closed = periodBounds(CLOSED);
  const closedDeadline = addDays(closed.end, 14);
  await collections.periods(GZ).doc(CLOSED).set({ id: CLOSED, cadence: "quarterly", start: closed.start, end: closed.end, reportDeadline: closedDeadline, evaluationCloseOn: addDays(closedDeadline, 14), state: "closed", closedAt: new Date(`${addDays(closedDeadline, 15)}T01:00:00+08:00`) });
  await collections.reports(GZ).doc(`gz-u01_${CLOSED}`).set({ unitId: "gz-u01", periodId: CLOSED, state: "accepted", metrics: { cloudEnterprises: 10 }, enterprises: [], documentIds: [], submittedOn: addDays(closedDeadline, 3), late: true, incomplete: false, missingFields: [], reviewReasons: [], returnedCount: 0 });
  for (const year of new Set([LAST.slice(0, 4), CURRENT.slice(0, 4)])) {
    await collections.taskBooks(GZ).doc(`gz-u01_${year}`).set({ unitId: "gz-u01", year: Number(year), targets: { cloudEnterprises: 10 }, otherTargets: [], signedOn: `${year}-01-20` });
  }
});
test.afterAll(closeClients);

test("GZ-3.4.1 / GZ-4.4a.2: between the report deadline and the evaluation close the portal takes last quarter's report and records it late; staff read 逾期; a late closed-quarter report is listed as accepted, 逾期", async ({ browser }) => {
  const unit = await signIn(browser, "/portal", "member-gz-01");
  const page = unit.page;
  // Two quarters are open: the portal starts on last quarter, and says both of its dates.
  await expect(page.getByLabel("报送期")).toBeVisible();
  await expect(page.getByTitle(`${periodWord(LAST)}（报送截止日：${dateWord(DEADLINE)}）`)).toBeVisible();
  await expect(page.getByTestId("evaluation-close")).toHaveText(`报送截止日（${dateWord(DEADLINE)}）已过：现在报送或重新提交将记为逾期（资料报送不及时）；请务必在评价截止日（${dateWord(CLOSE)}）前报送，否则视为未按规定参加绩效评价。`);
  // Past the deadline the countdown is to the evaluation close, never a negative number of days.
  await expect(page.getByTestId("deadline-days")).toContainText(`报送截止日已过，距评价截止（${dateWord(CLOSE)}）自然日`);
  await expect(page.getByTestId("deadline-days")).toContainText("12");
  // 往期报告: the closed quarter's report, late but accepted.
  const past = page.getByTestId("past-reports");
  await expect(past).toContainText(`${periodWord(CLOSED)} · ${stateWords.report.accepted}`);
  await expect(past).toContainText("逾期");
  await expect(past).toContainText("在报送截止日后、评价截止日前提交，已受理并记为逾期（资料报送不及时）。");

  await page.getByRole("tab", { name: "季度绩效报告" }).click();
  await expect(page.getByText(periodWord(LAST)).first()).toBeVisible();
  await page.getByLabel("上云用云企业", { exact: true }).fill("10");
  await expect(page.getByText(/草稿已自动保存/)).toBeVisible();
  await page.getByRole("button", { name: "提交报告" }).click();
  await page.getByRole("button", { name: "确认提交" }).click();
  await expect(page.getByTestId("report-form-state")).toHaveText("已提交，待审核");
  const stored = await eventually(async () => {
    const r = (await collections.reports(GZ).doc(`gz-u01_${LAST}`).get()).data();
    return r?.submittedOn ? r : undefined;
  }, "the late submission recorded by the trigger");
  expect(stored).toMatchObject({ state: "submitted", late: true, submittedOn: today });
  await expect(page.getByText("本报告为逾期报送，已如实记录。")).toBeVisible();
  await screenshot(page, "artifacts/screenshots/portal-late-report.png", { fullPage: true });

  // The member can still switch to this quarter's report.
  await page.getByLabel("报送期").click();
  await page.locator(".ant-select-item-option").filter({ hasText: periodWord(CURRENT) }).click();
  // The select shows the chosen period (its hidden options carry the same title further down the page).
  await expect(page.getByTitle(new RegExp(`^${periodWord(CURRENT)}（报送截止日：`)).first()).toBeVisible();
  // The report tab stays open and now holds this quarter's report.
  await expect(page.getByText(new RegExp(`^${periodWord(CURRENT)}绩效报告（报送截止日：`))).toBeVisible();

  // Staff: the review screen says 逾期 and what it means; the evaluation says how it came in.
  const staff = await signIn(browser, "/admin", "staff-gz");
  await staff.page.getByRole("row", { name: new RegExp(`${UNIT_NAME}.*${periodWord(LAST)}`) }).getByRole("button", { name: `审阅${periodWord(LAST)}报告` }).click();
  const facts = staff.page.getByTestId("review-facts");
  await expect(facts).toContainText("逾期");
  await expect(facts).toContainText("在报送截止日之后提交，已如实记录");
  await staff.page.keyboard.press("Escape");
  await staff.page.getByRole("tab", { name: "评价与排名" }).click();
  await choose(staff.page, "选择期次", periodWord(LAST));
  const row = staff.page.getByRole("row", { name: new RegExp(UNIT_NAME) });
  await expect(row).toContainText("逾期");
  await row.click();
  await expect(staff.page.getByTestId("late-meaning")).toHaveText("报送截止日后、评价截止日前提交，已受理并记为逾期（资料报送不及时），“按时完整报送”一项按逾期计分。");
  await screenshot(staff.page, "artifacts/screenshots/admin-late-evaluation.png", { fullPage: true });

  expect(unit.errors).toEqual([]);
  expect(staff.errors).toEqual([]);
  await unit.context.close();
  await staff.context.close();
});
