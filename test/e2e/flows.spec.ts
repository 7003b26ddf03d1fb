// The flows people carry out, in a real Chromium against the emulators: a unit submits its
// quarterly report and sees the score, staff return it, the unit corrects and resubmits, staff
// accept; a pilot enterprise rates through a one-use link. Screenshots are kept as artifacts;
// every page is checked for console errors.
import ExcelJS from "exceljs";
import { expect, test } from "@playwright/test";
import { periodOf } from "../../functions/src/domain/periods.js";
import { newPeriod } from "../../functions/src/domain/reportSchedule.js";
import { makeCalendar } from "../../functions/src/domain/calendar.js";
import { shanghaiDate } from "../../functions/src/domain/dates.js";
import { getPolicyPack } from "../../functions/src/domain/policy/index.js";
import { makeUscc } from "../../functions/src/domain/uscc.js";
import { periodWord } from "../../functions/src/domain/words.js";
import { collections } from "../../functions/src/store/collections.js";
import { account, DEMO_PASSWORD } from "../../scripts/demo/accounts.js";
import { closeClients, signedInClient } from "../support/emulators.js";
import { minimalPdf } from "../support/uploads.js";
import { choose, freshDemo, screenshot, signIn, watchConsole } from "./session.js";

const GZ = "gz-2025";
const PERIOD = periodOf(shanghaiDate(new Date()), "quarterly");

test.beforeAll(async () => {
  await freshDemo();
  const pack = getPolicyPack("guangzhou");
  // Opened as the daily sweep opens it: in the fourth quarter its deadline may wait for next year's holiday arrangement.
  await collections.periods(GZ).doc(PERIOD).set(newPeriod(PERIOD, pack, makeCalendar()));
  await collections.taskBooks(GZ).doc(`gz-u01_${PERIOD.slice(0, 4)}`).set({
    unitId: "gz-u01",
    year: Number(PERIOD.slice(0, 4)),
    targets: { enterprisesTransformed: 20, diagnoses: 30, cloudEnterprises: 15, level2Share: 0.8, solutions: 5, typicalCases: 2, platforms: 1 },
    otherTargets: [],
    signedOn: `${PERIOD.slice(0, 4)}-01-20`,
  });
  await collections.enterprises(GZ).doc("gz-u01-e1").set({ name: "天河五金制品厂（演示）有限公司", uscc: makeUscc(90_001), servedBy: "gz-u01", diagnosisDone: false, onCloud: false, acceptance: "pending" });
});
test.afterAll(closeClients);



// What the unit types. Enterprises transformed, diagnoses and the level-2 share are not typed:
// the form counts them from the enterprise rows (GZ-2.2.4/2.2.5), read-only.
const METRICS: [string, string][] = [
  ["上云用云企业", "12"],
  ["“小快轻准”解决方案", "4"],
  ["典型案例", "2"],
  ["平台建设", "1"],
];

test("GZ-3.4.1: a unit submits its quarterly report with an attachment, sees the score; staff return it, the unit corrects and resubmits, staff accept", async ({ browser }) => {
  // The unit fills the report; drafts save as it types.
  const unit = await signIn(browser, "/portal", "member-gz-01");
  await unit.page.getByRole("tab", { name: "季度绩效报告" }).click();
  for (const [label, value] of METRICS) await unit.page.getByLabel(label, { exact: true }).fill(value);
  // GZ-2.2.5: the figures follow the rows — no field to type them in.
  await expect(unit.page.getByLabel("完成改造企业", { exact: true })).toHaveCount(0);
  const firm = "天河五金制品厂（演示）有限公司";
  await unit.page.getByLabel(`${firm} 进展情况`).fill("完成设备联网改造，已评估数字化水平");
  await unit.page.getByLabel(`${firm} 已完成诊断`).check();
  await choose(unit.page, `${firm} 改造后数字化水平`, "3 级");
  await expect(unit.page.getByTestId("figure-enterprisesTransformed")).toHaveText(/^[1-9]\d*$/);
  await expect(unit.page.getByTestId("figure-level2Share")).toHaveText(/%$/);
  const counted = await unit.page.getByTestId("figure-diagnoses").textContent();
  // GZ-4.4a.3: lagging figures need the explanation; the form applies the server's rule before any confirmation.
  await unit.page.getByRole("button", { name: "提交报告" }).click();
  await expect(unit.page.getByRole("alert").filter({ hasText: "尚不能提交" })).toContainText("进度滞后说明");
  await expect(unit.page.getByRole("button", { name: "确认提交" })).toHaveCount(0);
  await unit.page.getByLabel("进度滞后说明及补救措施").fill("第四季度受订单波动影响，部分企业改造顺延至一月，已增派实施人员。");
  await expect(unit.page.getByText(/草稿已自动保存/)).toBeVisible();
  // An attachment, uploaded for real (a minimal PDF the server recognises from its bytes).
  await unit.page.locator('input[type="file"][aria-label="上传佐证材料"]').setInputFiles({ name: "四季度进展佐证.pdf", mimeType: "application/pdf", buffer: minimalPdf("四季度进展佐证") });
  await expect(unit.page.getByText("已上传：四季度进展佐证.pdf")).toBeVisible();
  await expect(unit.page.getByText("已附材料：1 份")).toBeVisible();
  await expect(unit.page.getByText(/草稿已自动保存/)).toBeVisible();
  await unit.page.getByRole("button", { name: "提交报告" }).click();
  await unit.page.getByRole("button", { name: "确认提交" }).click();
  await expect(unit.page.getByTestId("report-form-state")).toHaveText("已提交，待审核");
  // What was submitted stays listed, with its download.
  await expect(unit.page.getByTestId("report-attachments")).toContainText("四季度进展佐证.pdf");
  // The trigger counted the same figure the form showed.
  await expect(unit.page.getByTestId("figure-diagnoses")).toHaveText(counted ?? "");
  // The trigger scored it: the score and each dimension's explanation appear.
  await expect(unit.page.getByTestId("evaluation-total")).toHaveText(/\d+\.\d/);
  await expect(unit.page.getByText("计分说明")).toBeVisible();
  await screenshot(unit.page, "artifacts/screenshots/portal-report-scored.png", { fullPage: true });

  // Staff open it from 待办 and return it with a reason on one item.
  const staff = await signIn(browser, "/admin", "staff-gz");
  await expect(staff.page.getByText("待审核的绩效报告")).toBeVisible();
  await screenshot(staff.page, "artifacts/screenshots/admin-queues.png", { fullPage: true });
  const review = `审阅${periodWord(PERIOD)}报告`;
  const row = staff.page.getByRole("row", { name: new RegExp(`穗链智造科技.*${periodWord(PERIOD)}`) });
  await row.getByRole("button", { name: review }).click();
  await choose(staff.page, "第 1 条：退回的内容", "典型案例");
  await staff.page.getByLabel("第 1 条：退回理由").fill("缺少佐证材料，请补充。");
  await staff.page.getByRole("button", { name: "确认退回" }).click();
  await expect(staff.page.getByText("本报告已退回，等待单位修改后重新提交。")).toBeVisible();
  await staff.page.keyboard.press("Escape");

  // Without reloading, the unit's dashboard shows the return as a notification; its link opens the report with the reason.
  await unit.page.getByRole("tab", { name: "工作台" }).click();
  await expect(unit.page.getByTestId("report-state")).toContainText("已退回");
  await unit.page.getByTestId("notifications").getByRole("link", { name: `${periodWord(PERIOD)}报告被退回` }).click();
  await expect(unit.page).toHaveURL(new RegExp(`/portal/reports/${PERIOD}$`));
  await expect(unit.page.getByRole("tab", { name: "季度绩效报告" })).toHaveAttribute("aria-selected", "true");
  await expect(unit.page.getByText("典型案例：缺少佐证材料，请补充。").filter({ visible: true }).first()).toBeVisible();
  await unit.page.getByLabel("典型案例", { exact: true }).fill("3");
  await unit.page.getByRole("button", { name: "提交报告" }).click();
  await unit.page.getByRole("button", { name: "确认提交" }).click();
  await expect(unit.page.getByTestId("report-form-state")).toHaveText("已提交，待审核");

  // Staff accept, after a confirmation that says what accepting does.
  await staff.page.reload();
  await staff.page.getByRole("row", { name: new RegExp(`穗链智造科技.*${periodWord(PERIOD)}`) }).getByRole("button", { name: review }).click();
  await expect(staff.page.getByText("此前已退回 1 次。")).toBeVisible();
  // The resubmission's evidence, read in the page; the trail holds the return and the resubmission.
  await staff.page.getByTestId("review-documents").getByRole("button", { name: "在页面中查看四季度进展佐证.pdf" }).click();
  const viewer = staff.page.getByRole("dialog", { name: "查看材料：四季度进展佐证.pdf" });
  await expect(viewer.getByTestId("document-page-count")).toHaveText("共 1 页");
  await viewer.getByLabel("Close").first().click();
  const trail = staff.page.getByTestId("report-review").getByTestId("audit-trail");
  await expect(trail.getByText("退回", { exact: true })).toBeVisible();
  await expect(trail.getByText(/^(提交报告|修改后重新提交)$/)).toHaveCount(2);
  await staff.page.getByRole("button", { name: /^通\s*过$/ }).click();
  await expect(staff.page.getByText("通过后不能再退回", { exact: false })).toBeVisible();
  await staff.page.getByRole("button", { name: "确认通过" }).click();
  await expect(staff.page.getByText("本报告已通过审核，已成为定稿。")).toBeVisible();
  await staff.page.keyboard.press("Escape");
  await expect.poll(async () => (await collections.reports(GZ).doc(`gz-u01_${PERIOD}`).get()).data()?.state).toBe("accepted");

  // The ranking names the unit, and its Excel export is a real workbook with the unit's row.
  await staff.page.getByRole("tab", { name: "评价与排名" }).click();
  await staff.page.getByLabel("选择期次").click();
  await staff.page.locator(`.ant-select-item-option[title="${periodWord(PERIOD)}"]`).click();
  await expect(staff.page.getByRole("row", { name: /穗链智造科技（演示）有限公司/ })).toBeVisible();
  const download = staff.page.waitForEvent("download");
  await staff.page.getByRole("button", { name: "导出 Excel" }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(new RegExp(`${periodWord(PERIOD)}_绩效评价与排名\\.xlsx$`));
  // The page says what it saved and how many rows, so the person knows the export is complete.
  await expect(staff.page.getByText(new RegExp(`已保存《.*${periodWord(PERIOD)}_绩效评价与排名\\.xlsx》，共 \\d+ 行。`))).toBeVisible();
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(await file.path());
  const cells = workbook.worksheets.flatMap((ws) => ws.getSheetValues().flat().map(String));
  expect(cells).toContain("穗链智造科技（演示）有限公司");

  // 执行本期关账 asks the server what it would do before doing anything: here the deadline has
  // not passed (or is not even known yet), so it says so (in words) and nothing changes.
  const seen = staff.errors.length;
  await staff.page.getByRole("button", { name: "执行本期关账" }).click();
  await expect(staff.page.getByText(/还不能关账：.*的(评价截止日为 \d{4}年\d{1,2}月\d{1,2}日|报送截止日待录入 \d{4} 年节假日安排后确定)/)).toBeVisible();
  // That refusal is the callable's expected answer (HTTP 400), which the browser logs; nothing else.
  expect(staff.errors.slice(seen).filter((e) => !/runPeriodClose|status of 400/.test(e))).toEqual([]);
  staff.errors.splice(seen);
  expect((await collections.periods(GZ).doc(PERIOD).get()).data()!.state).toBe("open");

  expect(unit.errors).toEqual([]);
  expect(staff.errors).toEqual([]);
  await unit.context.close();
  await staff.context.close();
});

test("GZ-3.3: a pilot enterprise rates through its link once; the second visit is refused", async ({ page }) => {
  const errors = watchConsole(page);
  const staff = await signedInClient(account("staff-gz").email, DEMO_PASSWORD);
  const { link } = await staff.call<{ link: string }>("issueSurveyLink", { programmeId: GZ, enterpriseId: "gz-u01-e1", periodId: PERIOD });
  const path = link.slice(link.indexOf("/survey/"));
  await page.goto(path);
  await expect(page.getByText("天河五金制品厂（演示）有限公司")).toBeVisible();
  await page.getByRole("radio", { name: "基本满意" }).first().check();
  await screenshot(page, "artifacts/screenshots/survey.png", { fullPage: true });
  await page.getByRole("button", { name: "提交评价" }).click();
  await expect(page.getByText("感谢您的评价！")).toBeVisible();
  await page.goto(path);
  await expect(page.getByText("该评价链接已使用")).toBeVisible();
  expect(errors).toEqual([]);
});
