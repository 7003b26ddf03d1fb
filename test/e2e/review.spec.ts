// The review screen of a submitted report, in a real Chromium: a Guangzhou reviewer opens the
// report from 待办 and reads what the decision rests on — the unit by name, the period and dates
// in words, each metric against the period's pro-rata target (the lagging ones marked), the lag
// explanation, the enterprises' progress, the evaluation draft — opens the attached document
// (the audited download), sees the report's audit trail, and returns it with a reason on one
// item; the unit's portal shows that reason. And the registry's 审计记录 of a unit whose change
// was just approved holds the change (it used to say 暂无记录). The review drawer, the document
// viewer over it and the change-application review drawer pass axe.
import { expect, test } from "@playwright/test";
import { makeCalendar } from "../../functions/src/domain/calendar.js";
import { shanghaiDate } from "../../functions/src/domain/dates.js";
import { periodOf } from "../../functions/src/domain/periods.js";
import { getPolicyPack } from "../../functions/src/domain/policy/index.js";
import { newPeriod } from "../../functions/src/domain/reportSchedule.js";
import { makeUscc } from "../../functions/src/domain/uscc.js";
import { dateWord, periodWord } from "../../functions/src/domain/words.js";
import { collections } from "../../functions/src/store/collections.js";
import { account } from "../../scripts/demo/accounts.js";
import { closeClients, eventually } from "../support/emulators.js";
import { idToken, minimalPdf, upload } from "../support/uploads.js";
import { violations } from "./axe.js";
import { choose, freshDemo, screenshot, signIn } from "./session.js";

const GZ = "gz-2025";
const PERIOD = periodOf(shanghaiDate(new Date()), "quarterly");
const YEAR = PERIOD.slice(0, 4);
const REPORT = `gz-u01_${PERIOD}`;
const CHANGE = "e2e-review-unitinfo";
const UNIT_NAME = "穗链智造科技（演示）有限公司";
const LAG = "受订单波动影响，两家企业改造顺延至下季度，已增派实施人员。";
const REASON = "典型案例缺少佐证材料，请补充案例说明及验收记录。";
const FILE = "季度进展佐证.pdf";

/** Uploads a PDF as the unit's member for a report or change application; returns its id. */
async function uploadAsMember(targetType: "report" | "change", targetId: string, kind: string, name: string) {
  const answer = await upload(await idToken(account("member-gz-01").email), { programmeId: GZ, targetType, targetId, kind }, { name, bytes: minimalPdf(name) });
  if (!answer.json.documentId) throw new Error(`upload refused: ${answer.status} ${JSON.stringify(answer.json)}`);
  return answer.json.documentId;
}

/** The unit's report for this quarter, with an attachment, submitted as the portal submits it (the trigger scores it). */
async function seedSubmittedReport() {
  const pack = getPolicyPack("guangzhou");
  await collections.periods(GZ).doc(PERIOD).set(newPeriod(PERIOD, pack, makeCalendar()));
  await collections.taskBooks(GZ).doc(`gz-u01_${YEAR}`).set({
    unitId: "gz-u01",
    year: Number(YEAR),
    targets: { enterprisesTransformed: 20, diagnoses: 20, cloudEnterprises: 15, level2Share: 0.8, solutions: 5, typicalCases: 2, platforms: 1 },
    otherTargets: [],
    signedOn: `${YEAR}-01-20`,
  });
  // The unit's 20 pilot enterprises in the registry: the figures are counted from their rows.
  for (let i = 1; i <= 20; i++) {
    await collections.enterprises(GZ).doc(`gz-u01-e${i}`).set({ name: i === 1 ? "天河五金制品厂（演示）有限公司" : `试点企业${i}（演示）有限公司`, uscc: makeUscc(90_100 + i), servedBy: "gz-u01", diagnosisDone: false, onCloud: false, acceptance: "pending" });
  }
  const draft = {
    unitId: "gz-u01",
    periodId: PERIOD,
    state: "draft" as const,
    // Q4 is the whole year. The figures are counted from the rows of the unit's 20 pilot
    // enterprises: 18 transformed of 20 is behind; 16 of them at level 2+ (88.9%) against 80% is not.
    metrics: { cloudEnterprises: 15, solutions: 5, typicalCases: 2, platforms: 1 },
    enterprises: Array.from({ length: 20 }, (_, i) => ({ enterpriseId: `gz-u01-e${i + 1}`, progress: i === 0 ? "已完成诊断，生产线数据采集改造实施中。" : `第 ${i + 1} 家企业改造进展`, contractSigned: true, diagnosisDone: true, ...(i < 18 ? { levelAfter: i < 16 ? 2 : 1 } : {}) })),
    lagExplanation: LAG,
    documentIds: [],
    late: false,
    returnedCount: 0,
    incomplete: false,
    missingFields: [],
    reviewReasons: [],
    updatedBy: "member-gz-01",
    updatedAt: new Date(),
  };
  await collections.reports(GZ).doc(REPORT).set(draft);
  const documentId = await uploadAsMember("report", REPORT, "evidence", FILE);
  await collections.reports(GZ).doc(REPORT).update({ documentIds: [documentId], state: "submitted", updatedAt: new Date() });
  await eventually(async () => (await collections.evaluations(GZ).doc(REPORT).get()).data(), "the evaluation draft of the submitted report");
  return documentId;
}

/** A submitted change of the unit's address with its new licence attached. */
async function seedSubmittedUnitChange() {
  await collections.changes(GZ).doc(CHANGE).set({ unitId: "gz-u01", type: "unitInfo", state: "draft", payload: { type: "unitInfo", changes: [{ field: "address", to: "广州市天河区（演示）审计路 1 号" }], effectiveOn: shanghaiDate(new Date()) }, documents: [] });
  const licence = await uploadAsMember("change", CHANGE, "businessLicence", "新营业执照.pdf");
  await collections.changes(GZ).doc(CHANGE).update({ documents: [{ kind: "businessLicence", documentId: licence }], state: "submitted", submittedOn: shanghaiDate(new Date()), reviewBatchId: "e2e" });
}

let documentId = "";
test.beforeAll(async () => {
  await freshDemo();
  documentId = await seedSubmittedReport();
  await seedSubmittedUnitChange();
});
test.afterAll(closeClients);

test("GZ-3.4.1: the reviewer reads the submitted report — metrics against the pro-rata targets, the lag explanation, the document, the trail — and returns it with a reason on one item; the unit sees the reason", async ({ browser }) => {
  const staff = await signIn(browser, "/admin", "staff-gz");
  const page = staff.page;
  const row = page.getByRole("row", { name: new RegExp(`${UNIT_NAME}.*${periodWord(PERIOD)}`) });
  await row.getByRole("button", { name: `审阅${periodWord(PERIOD)}报告` }).click();
  const review = page.getByTestId("report-review");
  await expect(review).toBeVisible();

  // The facts, in words.
  const facts = page.getByTestId("review-facts");
  await expect(facts).toContainText(UNIT_NAME);
  await expect(facts).toContainText(periodWord(PERIOD));
  await expect(facts).toContainText(dateWord(shanghaiDate(new Date())));
  await expect(facts).toContainText("按时、完整报送");

  // Metrics against this period's target: 18 of 20 is behind; the level-2 share reads as percentages.
  const metrics = page.getByTestId("review-metrics");
  await expect(metrics.getByRole("row", { name: /完成改造企业\s*20\s*20\s*18\s*滞后/ })).toBeVisible();
  await expect(metrics.getByRole("row", { name: /达到数字化二级及以上比例\s*80%\s*80%\s*88\.9%\s*达到进度/ })).toBeVisible();
  await expect(review.getByText("低于按进度应完成的目标：完成改造企业")).toBeVisible();
  await expect(page.getByTestId("review-lag")).toHaveText(LAG);
  await expect(review.getByRole("row", { name: /天河五金制品厂（演示）有限公司\s*是\s*是\s*2 级/ })).toBeVisible();
  await expect(page.getByTestId("review-total")).toHaveText(/\d+\.\d/);
  await expect(review.getByText("计分说明")).toBeVisible();

  // The report's trail holds its submission.
  const trail = review.getByTestId("audit-trail");
  await expect(trail.getByText("提交报告", { exact: true })).toBeVisible();

  // The PDF opens in the page, drawn page by page, through the same audited download.
  await page.getByTestId("review-documents").getByRole("button", { name: `在页面中查看${FILE}` }).click();
  const viewer = page.getByRole("dialog", { name: `查看材料：${FILE}` });
  await expect(viewer.getByTestId("document-page-count")).toHaveText("共 1 页");
  await expect(viewer.getByRole("img", { name: "第 1 页" })).toBeVisible();
  await screenshot(page, "artifacts/screenshots/admin-document-viewer.png");
  const found = await violations(page, "管理台/审阅绩效报告/查看材料", ".ant-modal-root");
  await viewer.getByRole("button", { name: "Close" }).or(viewer.getByLabel("Close")).first().click();
  await expect(viewer).toHaveCount(0);

  // The document also downloads, and each opening is on the document's record.
  const download = page.waitForEvent("download");
  await page.getByTestId("review-documents").getByRole("button", { name: `下载${FILE}` }).click();
  expect((await download).suggestedFilename()).toBe(FILE);
  await eventually(async () => {
    const entries = await collections.audit(GZ).where("entity", "==", `programmes/${GZ}/documents/${documentId}`).get();
    const mine = entries.docs.filter((d) => d.data().action === "document.downloaded" && d.data().actor.uid === account("staff-gz").uid);
    return mine.length === 2 ? mine : undefined;
  }, "the audited view and download of the report's document");

  // Names and dates as people read them: no raw unit id, no ISO date anywhere on the review screen.
  const text = await page.getByRole("dialog").innerText();
  expect(text).not.toMatch(/gz-u\d+/);
  expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}/);
  found.push(...(await violations(page, "管理台/审阅绩效报告")));
  await screenshot(page, "artifacts/screenshots/admin-report-review.png", { fullPage: true });

  // Returning needs at least one reason; then one reason on one item.
  await page.getByRole("button", { name: "确认退回" }).click();
  await expect(review.getByRole("alert").filter({ hasText: "请至少填写一条退回理由" })).toBeVisible();
  await choose(page, "第 1 条：退回的内容", "典型案例");
  await page.getByLabel("第 1 条：退回理由").fill(REASON);
  await page.getByRole("button", { name: "确认退回" }).click();
  await expect(review.getByText("本报告已退回，等待单位修改后重新提交。")).toBeVisible();
  await expect(trail.getByText(`典型案例：${REASON}`)).toBeVisible();
  await expect(review.getByText("此前已退回 1 次。")).toBeVisible();
  expect((await collections.reports(GZ).doc(REPORT).get()).data()).toMatchObject({ state: "returned", reviewReasons: [{ field: "典型案例", reason: REASON }], returnedCount: 1 });
  await screenshot(page, "artifacts/screenshots/admin-report-returned.png", { fullPage: true });
  await page.keyboard.press("Escape");
  await expect(row).toHaveCount(0);

  // The unit's portal shows the reason.
  const unit = await signIn(browser, "/portal", "member-gz-01");
  await unit.page.getByRole("tab", { name: "季度绩效报告" }).click();
  await expect(unit.page.getByText(`典型案例：${REASON}`).filter({ visible: true }).first()).toBeVisible();

  expect(found).toEqual([]);
  expect(unit.errors).toEqual([]);
  expect(staff.errors).toEqual([]);
  await unit.context.close();
  await staff.context.close();
});

test("GZ-2.1: the registry's 审计记录 of a unit whose change was just approved shows that change", async ({ browser }) => {
  const staff = await signIn(browser, "/admin", "staff-gz");
  const page = staff.page;
  await page.getByRole("row", { name: /单位信息变更/ }).getByRole("button", { name: "审阅单位信息变更申请" }).click();
  const review = page.getByTestId("change-review");
  await expect(review).toContainText("审计路 1 号");
  const found = await violations(page, "管理台/审阅变更申请");
  await review.getByRole("button", { name: /^通\s*过$/ }).click();
  await expect(page.getByText("本变更立即生效", { exact: false })).toBeVisible();
  await page.getByRole("button", { name: "确认通过" }).click();
  await expect(review.getByText("已通过。")).toBeVisible();
  await page.keyboard.press("Escape");
  await page.getByRole("tab", { name: "单位、伙伴与目录" }).click();
  await page.getByRole("row", { name: new RegExp(UNIT_NAME) }).getByRole("button", { name: "审计记录" }).click();
  const drawer = page.locator(".ant-drawer").filter({ hasText: `审计记录：${UNIT_NAME}` });
  await expect(drawer.getByText("单位信息变更生效", { exact: true })).toBeVisible();
  await expect(drawer.getByText("暂无记录")).toHaveCount(0);
  await expect(drawer).toContainText("审计路 1 号");
  // What the entry recorded reads in words: field names in Chinese, dates in Chinese.
  await expect(drawer).toContainText("纳入名单日期：2025年1月15日");
  await screenshot(page, "artifacts/screenshots/admin-unit-trail.png", { fullPage: true });
  expect(found).toEqual([]);
  expect(staff.errors).toEqual([]);
  await staff.context.close();
});
