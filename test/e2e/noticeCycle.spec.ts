// 立即执行公示开启/结束 publishes what it concludes, so it first says what it would do — which
// notices open, which end and what is published, which cannot end and why — writes nothing until
// confirmed, then says what it did (issue 15.2).
import { expect, test } from "@playwright/test";
import { addDays, shanghaiDate } from "../../functions/src/domain/dates.js";
import { collections } from "../../functions/src/store/collections.js";
import { closeClients } from "../support/emulators.js";
import { freshDemo, screenshot, signIn } from "./session.js";

const DG = "dg-2025";
const DUE = `cycle-due-${Date.now()}`;
const BLOCKED = `cycle-blocked-${Date.now()}`;

test.beforeAll(async () => {
  await freshDemo();
  const today = shanghaiDate(new Date());
  const item = (id: string) => ({ changeId: `${id}-item`, unitName: "莞工数字服务（演示）有限公司", summary: "新增合作伙伴：东城智联（演示）有限公司" });
  // A batch whose first day is today: the cycle opens it.
  await collections.notices(DG).doc(DUE).set({ title: "东莞合作伙伴变更公示（今日开始）", items: [item(DUE)], startsOn: today, endsOn: addDays(today, 5), length: 5, unit: "calendarDays", state: "scheduled", clause: "DG-14", nextDeadlineOn: today });
  // A notice that ended yesterday with an objection nobody has decided: it cannot end yet.
  await collections.notices(DG).doc(BLOCKED).set({ title: "东莞合作伙伴变更公示（有待处理异议）", items: [item(BLOCKED)], startsOn: addDays(today, -6), endsOn: addDays(today, -1), length: 5, unit: "calendarDays", state: "open", clause: "DG-14", openedOn: addDays(today, -6), nextDeadlineOn: today });
  await collections.objections(DG, BLOCKED).doc(`${BLOCKED}-o1`).set({ noticeId: BLOCKED, changeId: `${BLOCKED}-item`, filedOn: addDays(today, -2), filedAt: new Date(), name: "某市民", contact: "13800000000", text: "该企业已停业，请核查。", state: "pending" });
});
test.afterAll(closeClients);

test("DG-14: running the notice cycle by hand states what it will open and what cannot end and why, writes nothing before confirmation, then reports what it did", async ({ browser }) => {
  const staff = await signIn(browser, "/admin", "staff-dg");
  const page = staff.page;
  await page.getByRole("tab", { name: "公示", exact: true }).click();
  await page.getByRole("button", { name: "立即执行公示开启/结束" }).click();

  const plan = page.getByTestId("cycle-plan");
  await expect(plan).toContainText(/将开启公示 [1-9]\d* 期，开启后即在公示公告页面公开并接受异议/);
  await expect(plan).toContainText(/另有 1 期公示到期但不能结束/);
  await expect(plan).toContainText("东莞合作伙伴变更公示（有待处理异议）：尚有未处理的异议");
  // Only what happens is said.
  await expect(plan).not.toContainText("0 期");
  // Asking wrote nothing.
  expect((await collections.notices(DG).doc(DUE).get()).data()!.state).toBe("scheduled");
  await screenshot(page, "artifacts/screenshots/admin-notice-cycle-confirm.png");
  await page.getByRole("dialog", { name: "立即执行公示开启/结束？" }).getByRole("button", { name: "立即执行公示开启/结束" }).click();

  const outcome = page.getByTestId("cycle-outcome");
  await expect(outcome).toContainText(/已开启公示 [1-9]\d* 期/);
  await expect(outcome).toContainText("尚有未处理的异议");
  expect((await collections.notices(DG).doc(DUE).get()).data()!.state).toBe("open");
  expect((await collections.notices(DG).doc(BLOCKED).get()).data()!.state).toBe("open");
  await page.getByRole("button", { name: /^确\s*定$/ }).click();
  await expect(page.getByText("东莞合作伙伴变更公示（今日开始）")).toBeVisible();

  expect(staff.errors).toEqual([]);
  await staff.context.close();
});
