// DG-8 / DG-9.2 in a real Chromium: Dongguan's ranking is on task-book completion, shown beside
// the total, and marked 暂定 with the reason while an evaluation of the year awaits approval; the
// last approval makes it 最终 and only then lists the lagging units for interview.
import { expect, test } from "@playwright/test";
import { generateProgramme } from "../../scripts/demo/generate.js";
import { adminHandles } from "../../scripts/demo/seed.js";
import { writeProgramme } from "../../scripts/demo/writeProgramme.js";
import { collections } from "../../functions/src/store/collections.js";
import { freshDemo, screenshot, signIn } from "./session.js";

test.beforeAll(async () => {
  await freshDemo();
});

test("DG-9.2: Dongguan staff see the year's ranking on task-book completion marked 暂定 while one evaluation awaits approval, and 最终 with the interview list once they approve it", async ({ browser }) => {
  // The lived-in demo's generator: a closed 2025 with six units, one evaluation not yet approved.
  await writeProgramme(adminHandles().db, generateProgramme({ id: "dg-2025", name: "东莞市中小企业数字化转型城市试点（演示）", city: "东莞", packId: "dongguan", units: 6, partnersPerUnit: 1, enterprisesPerUnit: 1, closedPeriods: ["2025"], openPeriod: "2026", usccBase: 50_000, fixedNames: ["莞工数字服务（演示）有限公司"], pendingApproval: 1 }));
  const staff = await signIn(browser, "/admin", "staff-dg");
  const page = staff.page;
  await page.getByRole("tab", { name: "评价与排名" }).click();
  await page.getByLabel("选择期次").click();
  await page.locator('.ant-select-item-option[title="2025年度"]').click();

  const mark = page.getByTestId("ranking-mark");
  await expect(mark).toContainText("暂定");
  await expect(mark).toContainText("尚有 1 份评价未审定");
  await expect(page.getByRole("columnheader", { name: "名次（按任务书完成率）" })).toBeVisible();
  await expect(page.getByRole("columnheader", { name: "任务书完成率", exact: true })).toBeVisible();
  await expect(page.getByRole("row").filter({ hasText: "莞工数字服务（演示）有限公司" })).toContainText(/\d+\.\d\d%/);
  // Nobody is listed for interview on a provisional ranking.
  const interviews = page.getByTestId("interviews");
  await expect(interviews).toContainText("本期排名确定（关账且全部评价审定）后列出排名靠后的单位");
  await screenshot(page, "artifacts/screenshots/admin-ranking-provisional.png", { fullPage: true });

  await page.getByRole("row").filter({ hasText: "待审定" }).click();
  await page.getByRole("button", { name: "审定评价结论（DG-8）" }).click();
  await expect(mark).toContainText("最终");
  await expect(mark).toContainText("本期评价已全部审定，排名已确定");
  await page.keyboard.press("Escape");
  // The final ranking lists the units behind (never the first-ranked) for 约谈、督导.
  await expect(interviews.getByRole("row").filter({ hasText: "待约谈" }).first()).toBeVisible();
  const listed = (await collections.notifications("dg-2025").where("kind", "==", "interviewCandidate").get()).docs.map((d) => d.id.replace("interview_2025_", ""));
  const ranks = Object.fromEntries((await collections.evaluations("dg-2025").where("periodId", "==", "2025").get()).docs.map((d) => [d.data().unitId, d.data().rank]));
  expect(listed.length).toBeGreaterThan(0);
  expect(listed.every((u) => (ranks[u] ?? 1) > 1)).toBe(true);
  await expect(interviews.getByRole("row").filter({ hasText: "待约谈" })).toHaveCount(listed.length);
  await screenshot(page, "artifacts/screenshots/admin-ranking-final.png", { fullPage: true });
  expect(staff.errors).toEqual([]);
  await staff.context.close();
});
