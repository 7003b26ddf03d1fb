// The work group runs its own programme in a real Chromium (issue 13): an administrator changes the
// indicators' weights and the pass mark with a reason, sees the diff and a what-if on a closed
// quarter (and downloads it as Excel), and adopts it from the next quarter after a confirmation that says what it does
// (GZ-3.4.2); a reviewer may look and preview but not adopt; Dongguan's notice length is fixed by
// DG-14 and shown read-only. The platform calendar administrator enters next year's State Council
// holiday arrangement, checked in the browser first; the warning that next year is missing then
// disappears for staff, and a unit's report deadline that waited for it ("待录入 … 后确定") gets
// its date, counted on it. A share (the lag threshold) is typed and read as a percentage.
import { AxeBuilder } from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { libraryCoveredYears, makeCalendar } from "../../functions/src/domain/calendar.js";
import { addDays, shanghaiDate, weekday } from "../../functions/src/domain/dates.js";
import { nextYearWarning } from "../../functions/src/domain/holidayArrangement.js";
import { nextPeriod, periodOf, previousPeriod } from "../../functions/src/domain/periods.js";
import { guangzhou } from "../../functions/src/domain/policy/index.js";
import { newPeriod, periodDeadline } from "../../functions/src/domain/reportSchedule.js";
import { dateWord, periodWord } from "../../functions/src/domain/words.js";
import { collections } from "../../functions/src/store/collections.js";
import { DEMO_PASSWORD } from "../../scripts/demo/accounts.js";
import { adminHandles, seedDemo, seedLivedIn } from "../../scripts/demo/seed.js";
import { clearFirestore, eventually } from "../support/emulators.js";
import { choose, screenshot, signIn, signInAs } from "./session.js";

const GZ = "gz-2025";
const REVIEWER = { uid: "settings-reviewer-e2e", email: "reviewer.settings.e2e@example.com" };
const today = shanghaiDate(new Date());
/** The quarter after the current one (2027-Q1 on 2026-11-30): nobody has been evaluated in it yet. */
const FROM = nextPeriod(periodOf(today, "quarterly"));
/** The lived-in demo closes the two quarters before the current one, with approved evaluations. */
const CLOSED = previousPeriod(periodOf(today, "quarterly"));
/** Next year, which the bundled holiday data does not cover (2027 on 2026-11-30). */
const YEAR = Number(today.slice(0, 4)) + 1;
const adopt = /^采\s*用$/;
const preview = /^预\s*览$/;

test.beforeAll(async () => {
  const handles = adminHandles();
  // The integration suites leave their data in the same emulator: start from the demo alone.
  await clearFirestore();
  await seedDemo(handles);
  await seedLivedIn(handles);
  await handles.auth.deleteUser(REVIEWER.uid).catch(() => undefined);
  await handles.auth.createUser({ uid: REVIEWER.uid, email: REVIEWER.email, password: DEMO_PASSWORD, displayName: "广州审核人员（演示）" });
  await handles.auth.setCustomUserClaims(REVIEWER.uid, { staff: { [GZ]: "reviewer" } });
});

test.afterAll(async () => {
  // Leave next year uncovered again for whatever runs after this file.
  await collections.holidayArrangements().doc(String(YEAR)).delete();
});

/** A period's evaluations as stored, in a stable order (to show adoption leaves a closed period alone). */
async function evaluationsOf(periodId: string) {
  return (await collections.evaluations(GZ).where("periodId", "==", periodId).get()).docs.map((d) => ({ id: d.id, ...d.data() })).sort((a, b) => a.id.localeCompare(b.id));
}

async function openSettings(page: Page) {
  await page.getByRole("tab", { name: "设置" }).click();
  await expect(page.getByTestId("current-settings")).toBeVisible();
}

test("GZ-3.4.2: an administrator changes weights and the pass mark, sees the problems, the diff and the what-if on a closed quarter, and adopts it from the next quarter after a confirmation; the next quarter's report is scored on it and the closed quarter is unchanged", async ({ browser }) => {
  const { page, errors, context } = await signIn(browser, "/admin", "staff-gz");
  await openSettings(page);
  await expect(page.getByTestId("current-settings")).toContainText("现行设置：第 1 版");
  await expect(page.getByRole("button", { name: adopt })).toBeDisabled();

  // A weight moved without the rest: the browser names what is wrong before asking the server.
  await page.getByLabel("改造成效：维度权重").fill("40");
  await page.getByLabel("修改理由").fill("提高合格线，突出改造成效（浏览器测试）");
  await page.getByRole("button", { name: preview }).click();
  const problems = page.getByTestId("settings-problems");
  await expect(problems).toContainText("各评分维度权重之和必须为 100");
  await expect(problems).toContainText("评价维度“改造成效”：评分维度各组成部分分值之和必须等于该维度权重");
  await expect(page.getByRole("button", { name: adopt })).toBeDisabled();

  // 5 points from 产品和解决方案 to 改造成效, pass mark 75, from the next quarter, tried on a closed one.
  await page.getByLabel("改造成效：达到数字化二级及以上比例 分值").fill("25");
  await page.getByLabel("产品和解决方案：维度权重").fill("15");
  await page.getByLabel("产品和解决方案：“小快轻准”解决方案 分值").fill("5");
  await page.getByLabel("合格线（分）").fill("75");
  await choose(page, "生效期次", periodWord(FROM));
  await choose(page, "试算期次（已关账，可不选）", periodWord(CLOSED));
  await page.getByRole("button", { name: preview }).click();

  const diff = page.getByTestId("settings-diff");
  await expect(diff).toContainText("与现行第 1 版的差异");
  await expect(diff.getByRole("row", { name: /合格线\s*60 分\s*75 分/ })).toBeVisible();
  await expect(diff.getByRole("row", { name: /评价维度：改造成效\s*35 分（达到数字化二级及以上比例 20.*40 分（达到数字化二级及以上比例 25/ })).toBeVisible();
  await expect(problems).toHaveCount(0);
  const whatIf = page.getByTestId("settings-what-if");
  await expect(whatIf).toContainText(`试算：按拟采用的设置重新计算 ${periodWord(CLOSED)} 的评价结果`);
  await expect(whatIf).toContainText(/总分变化 [1-9]\d* 家/);
  await expect(whatIf).toContainText(/结果有变化的单位：[1-9]\d* 家（共 30 家）/);
  // Units by name, never by id.
  await expect(whatIf.getByRole("row", { name: /（演示）有限公司/ }).first()).toBeVisible();
  await expect(whatIf).not.toContainText("gz-u");
  await screenshot(page, "artifacts/screenshots/admin-settings-preview.png", { fullPage: true });

  // The what-if downloads as Excel under its Chinese file name.
  const download = page.waitForEvent("download");
  await whatIf.getByRole("button", { name: "导出 Excel" }).click();
  expect((await download).suggestedFilename()).toBe(`广州市中小企业数字化转型城市试点（演示）_${periodWord(CLOSED)}_设置试算.xlsx`);

  // The confirmation says what adopting does before anything is written.
  const closedBefore = await evaluationsOf(CLOSED);
  await page.getByRole("button", { name: adopt }).click();
  const dialog = page.getByRole("dialog");
  await expect(dialog).toContainText(`自 ${periodWord(FROM)} 起的评价按第 2 版设置计分；已审定的评价和已关账的期次不受影响。`);
  expect((await collections.settingsVersions(GZ).get()).size).toBe(0);
  await dialog.getByRole("button", { name: adopt }).click();

  await expect(page.getByTestId("settings-adopted")).toContainText(`已采用第 2 版设置，自 ${periodWord(FROM)} 起施行`);
  await expect(page.getByTestId("current-settings")).toContainText(`现行设置：第 2 版（自 ${periodWord(FROM)} 起施行）`);
  await expect(page.getByTestId("current-settings")).toContainText(`当前期次 ${periodWord(periodOf(today, "quarterly"))} 适用第 1 版。`);
  await expect(page.getByRole("row", { name: new RegExp(`第 2 版\\s*${periodWord(FROM)}\\s*提高合格线，突出改造成效（浏览器测试）\\s*GZ-3.4.2\\s*广州工作小组（演示）`) })).toBeVisible();
  await expect(page.getByRole("row", { name: /第 1 版\s*2025年度\s*政策包初始设置/ })).toBeVisible();
  const stored = (await collections.settingsVersions(GZ).doc("2").get()).data();
  expect(stored).toMatchObject({ effectiveFrom: FROM, values: { scoring: { passMark: 75 } }, createdBy: { uid: "staff-gz" } });

  // What it changed: the closed quarter's evaluations are as they were; a report for the next
  // quarter, submitted as the portal writes it, is scored by the trigger on the adopted weights.
  expect(await evaluationsOf(CLOSED)).toEqual(closedBefore);
  const year = Number(FROM.slice(0, 4));
  const book = (await collections.taskBooks(GZ).doc(`gz-u01_${today.slice(0, 4)}`).get()).data()!;
  await collections.taskBooks(GZ).doc(`gz-u01_${year}`).set({ ...book, year });
  await collections.periods(GZ).doc(FROM).set(newPeriod(FROM, guangzhou, makeCalendar()));
  const metrics = { enterprisesTransformed: 10, diagnoses: 15, cloudEnterprises: 8, level2Share: 0.5, solutions: 3, typicalCases: 1, platforms: 1 };
  await adminHandles().db.doc(`programmes/${GZ}/reports/gz-u01_${FROM}`).set({ unitId: "gz-u01", periodId: FROM, state: "submitted", metrics, lagExplanation: "进度说明（浏览器测试）", updatedBy: "member-gz-01", updatedAt: new Date() });
  const scored = await eventually(async () => (await collections.evaluations(GZ).doc(`gz-u01_${FROM}`).get()).data(), `evaluation ${FROM}`);
  expect(Object.fromEntries(scored.dimensions.map((d) => [d.id, d.weight]))).toMatchObject({ results: 40, productsAndSolutions: 15 });
  // That quarter was opened ahead of its time only for this check; the portal shows the latest
  // open period, so it goes again before the next test looks at the current quarter.
  for (const ref of [collections.evaluations(GZ).doc(`gz-u01_${FROM}`), collections.reports(GZ).doc(`gz-u01_${FROM}`), collections.periods(GZ).doc(FROM)]) await ref.delete();
  expect(errors).toEqual([]);
  await context.close();
});

test("GZ-4.4a.3: the lag threshold is typed and read as a percentage: staff enter 35 (%), the adopted version stores 0.35 and every view shows 35%", async ({ browser }) => {
  const { page, errors, context } = await signIn(browser, "/admin", "staff-gz");
  await openSettings(page);
  const field = page.getByLabel("进度滞后判定线（占按期目标的比例）");
  // The version in force, as a percentage in the field (never the 0–1 fraction).
  const before = (await collections.settingsVersions(GZ).orderBy("version", "desc").limit(1).get()).docs[0]?.data().values.progressLagFraction ?? guangzhou.thresholds.progressLagFraction;
  await expect(field).toHaveValue(String(Math.round(before * 1000) / 10));
  await field.fill("35");
  await page.getByLabel("修改理由").fill("进度滞后判定线调整为按期目标的 35%（浏览器测试）");
  await page.getByRole("button", { name: preview }).click();
  await expect(page.getByTestId("settings-diff").getByRole("row", { name: new RegExp(`进度滞后判定线（占按期目标的比例）\\s*按期目标的 ${Math.round(before * 1000) / 10}%\\s*按期目标的 35%`) })).toBeVisible();
  const axe = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  expect(axe.violations.map((v) => `${v.id}（${v.help}）：${v.nodes.map((x) => x.target.join(" ")).join("；")}`)).toEqual([]);

  await page.getByRole("button", { name: adopt }).click();
  await page.getByRole("dialog").getByRole("button", { name: adopt }).click();
  await expect(page.getByTestId("settings-adopted")).toBeVisible();
  // Stored unchanged as the fraction the lag rule reads.
  const latest = (await collections.settingsVersions(GZ).orderBy("version", "desc").limit(1).get()).docs[0]!.data();
  expect(latest.values.progressLagFraction).toBe(0.35);
  await expect(page.getByTestId("current-settings").getByRole("row", { name: /进度滞后判定线（占按期目标的比例）\s*按期目标的 35%/ })).toBeVisible();
  await page.reload();
  await openSettings(page);
  await expect(page.getByLabel("进度滞后判定线（占按期目标的比例）")).toHaveValue("35");
  await screenshot(page, "artifacts/screenshots/admin-settings-percent.png", { fullPage: true });
  expect(errors).toEqual([]);
  await context.close();
});

test("GZ-3.4.2: a reviewer reads the settings and may preview, but cannot change or adopt them", async ({ browser }) => {
  const { page, errors, context } = await signInAs(browser, "/admin", REVIEWER.email);
  await openSettings(page);
  await expect(page.getByText("设置（审核人员只读，可预览）")).toBeVisible();
  await expect(page.getByLabel("合格线（分）")).toBeDisabled();
  await expect(page.getByLabel("公示期：天数")).toBeDisabled();
  await expect(page.getByRole("button", { name: adopt })).toHaveCount(0);
  await page.getByLabel("修改理由").fill("审核人员试算");
  await page.getByRole("button", { name: preview }).click();
  await expect(page.getByText("与现行设置相同，无需采用。")).toBeVisible();
  await expect(page.getByRole("button", { name: adopt })).toHaveCount(0);
  expect(errors).toEqual([]);
  await context.close();
});

test("DG-14: Dongguan's five-day notice is fixed by the regulation: shown read-only with its clause, the bureau's own choices editable", async ({ browser }) => {
  const { page, errors, context } = await signIn(browser, "/admin", "staff-dg");
  await openSettings(page);
  await expect(page.getByLabel("公示期：天数")).toBeDisabled();
  await expect(page.getByLabel("公示期：天数")).toHaveValue("5");
  await expect(page.getByLabel("公示期：计算方式")).toBeDisabled();
  await expect(page.getByText("由 DG-14 规定，不可修改").first()).toBeVisible();
  await expect(page.getByTestId("current-settings").getByRole("row", { name: /公示期\s*5 个自然日\s*由 DG-14 规定，不可修改/ })).toBeVisible();
  await expect(page.getByLabel("整改期限：天数")).toBeEnabled();
  expect(errors).toEqual([]);
  await context.close();
});

/** The first Saturday of a month of YEAR: a make-up working day is always a weekend. */
function firstSaturday(month: number): string {
  let d = `${YEAR}-${String(month).padStart(2, "0")}-01`;
  while (weekday(d) !== 6) d = addDays(d, 1);
  return d;
}

test("The calendar administrator enters next year's holiday arrangement, checked in the browser first; the warning that next year is missing disappears for staff, and the unit's pending deadline gets its date counted on it", async ({ browser }) => {
  expect(libraryCoveredYears(), "the bundled holiday data already covers next year").not.toContain(YEAR);
  const warning = nextYearWarning(today, libraryCoveredYears());
  // The open quarter's deadline waits for next year's arrangement in the fourth quarter (10 working days after 31 December).
  const current = periodOf(today, "quarterly");
  const pending = "deadlinePendingYear" in periodDeadline(current, guangzhou, makeCalendar());
  const unit = await signIn(browser, "/portal", "member-gz-01");
  await expect(unit.page.getByTestId("report-state")).toBeVisible();
  if (pending) {
    await expect(unit.page.getByTestId("deadline-pending")).toContainText(`报送截止日：待录入 ${YEAR} 年节假日安排后确定`);
    await expect(unit.page.getByText(/距报送截止/)).toHaveCount(0);
  }
  const staff = await signIn(browser, "/admin", "staff-gz");
  await expect(staff.page.getByRole("tab", { name: "待办" })).toBeVisible();
  if (warning) await expect(staff.page.getByTestId("next-year-warning")).toContainText(warning);

  // Staff of no programme, the calendar administrator sees only the holiday arrangements.
  const { page, errors, context } = await signIn(browser, "/admin", "calendar-admin");
  await expect(page.getByRole("tab", { name: "节假日安排" })).toBeVisible();
  await expect(page.getByRole("tab")).toHaveCount(1);
  if (warning) await expect(page.getByTestId("next-year-warning")).toContainText(`尚未录入 ${YEAR} 年节假日安排`);

  await page.getByLabel("通知文号").fill(`国办发明电〔${YEAR - 1}〕7号（演示）`);
  await page.getByLabel("第 1 项节日名称").fill("元旦");
  await page.getByLabel("第 1 项放假开始日期").fill(`${YEAR}-01-01`);
  await page.getByLabel("第 1 项放假结束日期").fill(`${YEAR}-01-03`);
  await page.getByRole("button", { name: "增加放假安排" }).click();
  await page.getByLabel("第 2 项节日名称").fill("劳动节");
  await page.getByLabel("第 2 项放假开始日期").fill(`${YEAR}-05-01`);
  await page.getByLabel("第 2 项放假结束日期").fill(`${YEAR}-05-05`);
  await page.getByRole("button", { name: "增加调休上班日" }).click();
  // A Monday as a make-up working day: refused in the browser, nothing sent.
  const monday = addDays(firstSaturday(4), 2);
  await page.getByLabel("第 1 个调休上班日").fill(monday);
  await page.getByLabel("录入说明").fill("据国务院办公厅通知录入（浏览器测试）");
  await page.getByRole("button", { name: "检查并保存" }).click();
  await expect(page.getByTestId("holiday-problems")).toContainText(`调休上班日 ${monday} 不是周六或周日`);
  expect((await collections.holidayArrangements().doc(String(YEAR)).get()).exists).toBe(false);

  await page.getByLabel("第 1 个调休上班日").fill(firstSaturday(4));
  await page.getByRole("button", { name: "检查并保存" }).click();
  await expect(page.getByTestId("holiday-saved")).toContainText(`已录入 ${YEAR} 年全国节假日安排，已记入 2 个专项的审计记录`);
  await expect(page.getByRole("row", { name: new RegExp(`${YEAR} 年\\s*国办发明电〔${YEAR - 1}〕7号（演示）\\s*元旦、劳动节\\s*首次录入\\s*平台节假日日历管理员（演示）`) })).toBeVisible();
  await expect(page.getByTestId("next-year-warning")).toHaveCount(0);
  // Staff who had the page open see the warning go.
  await expect(staff.page.getByTestId("next-year-warning")).toHaveCount(0);
  await screenshot(page, "artifacts/screenshots/admin-holidays.png", { fullPage: true });

  // A correction loads the year into the form.
  await page.getByRole("button", { name: `更正 ${YEAR} 年` }).click();
  await expect(page.getByText(`正在更正 ${YEAR} 年的安排`)).toBeVisible();
  await expect(page.getByLabel("第 2 项节日名称")).toHaveValue("劳动节");

  // The unit's deadline now has its date, counted on the arrangement just entered (元旦 skipped), and its working days too.
  const entered = (await collections.holidayArrangements().doc(String(YEAR)).get()).data()!;
  const calendar = makeCalendar({}, [entered]);
  const counted = periodDeadline(current, guangzhou, calendar);
  if (pending && "reportDeadline" in counted) {
    expect((await collections.periods(GZ).doc(current).get()).data()).toMatchObject({ reportDeadline: counted.reportDeadline });
    await unit.page.reload();
    await expect(unit.page.getByText(`距报送截止（${dateWord(counted.reportDeadline)}）自然日`)).toBeVisible();
    await expect(unit.page.getByTestId("deadline-working-days")).toContainText(String(calendar.workingDaysBetween(shanghaiDate(new Date()), counted.reportDeadline)));
    await expect(unit.page.getByTestId("deadline-pending")).toHaveCount(0);
  }
  expect(errors).toEqual([]);
  expect(staff.errors).toEqual([]);
  expect(unit.errors).toEqual([]);
  await context.close();
  await staff.context.close();
  await unit.context.close();
});
