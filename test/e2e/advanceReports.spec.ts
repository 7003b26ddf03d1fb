// GZ-4.8 in a real Chromium: staff record a restructuring a unit carried out without reporting it
// 10 working days ahead; the criticism it grounds (GZ-4.4a.4 未及时报告说明) is proposed at once and
// staff issue it from the 批评与清退 tab; the unit sees the record in its own portal.
import { expect, test } from "@playwright/test";
import { collections } from "../../functions/src/store/collections.js";
import { closeClients } from "../support/emulators.js";
import { freshDemo, pickByName, pickDate, signIn, watchConsole } from "./session.js";

const GZ = "gz-2025";

test.beforeAll(async () => {
  await freshDemo();
});
test.afterAll(closeClients);

test("GZ-4.8: staff record an unreported restructuring; the GZ-4.4a.4 criticism is proposed with the facts and issued; the unit sees 未报送 in its portal", async ({ browser }) => {
  const staff = await signIn(browser, "/admin", "staff-gz");
  const page = staff.page;
  const errors = watchConsole(page);
  await page.getByRole("tab", { name: "重大调整报告" }).click();
  await expect(page.getByText("应在办理手续前 10 个工作日报送，GZ-4.8")).toBeVisible();
  await expect(page.getByText("通报批评候选（GZ-4.4a.4）")).toBeVisible();
  await pickByName(page, "牵引单位", "羊城", /羊城云数信息（演示）有限公司/);
  await page.getByLabel("调整类型").click();
  await page.locator('.ant-select-item-option[title="重组"]').click();
  await page.getByLabel("调整情况").fill("已完成股权重组，未向工作小组报告。");
  // 2026-11-02 Mon: 10 working days back over no holiday is 2026-10-19 Mon.
  await pickDate(page, "办理手续日期", "2026-11-02");
  await page.getByLabel("信息来源").fill("市场监管部门登记信息");
  await page.getByRole("button", { name: /记\s*录/ }).click();
  await expect(page.getByText("已登记：最迟应于 2026年10月19日 报送，未报送。")).toBeVisible();
  await expect(page.getByRole("row", { name: /羊城云数信息.*重组.*2026年11月2日.*2026年10月19日.*未报送/ })).toBeVisible();

  // A second record of the same change is refused in words, and nothing is doubled.
  const seen = errors.length;
  await pickByName(page, "牵引单位", "羊城", /羊城云数信息（演示）有限公司/);
  await page.getByLabel("调整类型").click();
  await page.locator('.ant-select-item-option[title="重组"]').click();
  await page.getByLabel("调整情况").fill("同一事项再次登记。");
  await pickDate(page, "办理手续日期", "2026-11-02");
  await page.getByLabel("信息来源").fill("重复登记");
  await page.getByRole("button", { name: /记\s*录/ }).click();
  await expect(page.getByText("该调整已登记，请勿重复登记")).toBeVisible();
  expect((await collections.advanceNotices(GZ).where("unitId", "==", "gz-u02").get()).size).toBe(1);
  // The refusal's 409 (already-exists) is the only failed request.
  expect(errors.splice(seen).filter((e) => !/recordUnfiledChange|status of 409/.test(e))).toEqual([]);

  // The candidate waits on the 批评与清退 tab with its facts; staff issue it.
  await page.getByRole("tab", { name: "批评与清退" }).click();
  await page.getByRole("row", { name: /羊城云数信息.*GZ-4\.4a\.4/ }).click();
  await expect(page.getByText(/最迟应于 2026年10月19日 报送，未报送.*（GZ-4\.8）/)).toBeVisible();
  const allowed = page.getByTestId("allowed-events");
  await allowed.getByRole("button", { name: "通报批评并责令整改" }).click();
  await expect(page.getByText("通报批评并责令整改：已完成")).toBeVisible();
  const issued = (await collections.proceedings(GZ).where("unitId", "==", "gz-u02").where("ground", "==", "GZ-4.4a.4").get()).docs.map((d) => d.data().state);
  expect(issued).toEqual(["issued"]);

  // The unit reads the record in its portal, marked as not filed.
  const unit = await signIn(browser, "/portal", "member-gz-02");
  await unit.page.getByRole("tab", { name: "重大调整事前报告" }).click();
  await expect(unit.page.getByRole("row", { name: /重组.*未报送（工作机构登记）/ })).toBeVisible();
  expect(errors).toEqual([]);
  await staff.context.close();
  await unit.context.close();
});
