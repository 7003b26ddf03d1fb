// GZ-4.6.0 in a real Chromium: a Guangzhou unit applies to remove one of its partners (picked by
// name, with a reason, no documents); staff approve it in the review queue, where it reads by the
// partner's name; no notice is opened, and the public partner list's next version no longer shows
// the partner (it shows as 移出 against the version before).
// DG-16 the same way round: Dongguan staff order a partner's removal from the 清退与取消合作伙伴 page and
// confirm it; the published partner list gets a new version under the removal's ground (相应变更),
// without the partner, on the public page and in the admin registry; ordering alone changes no list.
import { expect, test } from "@playwright/test";
import { makeUscc } from "../../functions/src/domain/uscc.js";
import { collections } from "../../functions/src/store/collections.js";
import { closeClients } from "../support/emulators.js";
import { proposeProceeding } from "../../functions/src/usecases/proposeProceeding.js";
import { productionDeps } from "../../functions/src/usecases/deps.js";
import { publishPartnerListNow } from "../support/workflowFixtures.js";
import { choose, freshDemo, screenshot, signIn, watchConsole } from "./session.js";

const GZ = "gz-2025";
const STAY = "珠江长期合作伙伴（演示）有限公司";
const GO = "荔湾退出合作伙伴（演示）有限公司";
const DG = "dg-2025";
const DG_STAY = "松山湖留用伙伴（演示）有限公司";
const DG_GO = "虎门不满意伙伴（演示）有限公司";

test.beforeAll(async () => {
  await freshDemo();
  await collections.partners(GZ).doc("e2e-stay").set({ unitId: "gz-u01", name: STAY, uscc: makeUscc(81_001), status: "active", since: "2025-02-01" });
  await collections.partners(GZ).doc("e2e-go").set({ unitId: "gz-u01", name: GO, uscc: makeUscc(81_002), status: "active", since: "2025-02-01" });
  await publishPartnerListNow(GZ);
  await collections.partners(DG).doc("e2e-dg-stay").set({ unitId: "dg-u01", name: DG_STAY, uscc: makeUscc(81_011), status: "active", since: "2025-02-01" });
  await collections.partners(DG).doc("e2e-dg-go").set({ unitId: "dg-u01", name: DG_GO, uscc: makeUscc(81_012), status: "active", since: "2025-02-01" });
  await publishPartnerListNow(DG);
});
test.afterAll(closeClients);

test("GZ-4.6.0: a unit applies to remove a partner by name with a reason; staff approve it and the public partner list's next version no longer shows it", async ({ browser }) => {
  const unit = await signIn(browser, "/portal", "member-gz-01");
  await unit.page.getByRole("tab", { name: "变更申请" }).click();
  await unit.page.getByRole("radio", { name: "取消合作伙伴" }).check();
  await choose(unit.page, "拟取消合作的伙伴", GO);
  await unit.page.getByLabel("取消合作原因").fill("合作项目已结束，双方协商不再合作");
  await unit.page.getByRole("button", { name: "保存草稿，下一步上传材料" }).click();
  // GZ-4.6.1 asks materials of additions only.
  await expect(unit.page.getByText("本类申请无须上传材料。")).toBeVisible();
  await unit.page.getByRole("button", { name: "提交申请" }).click();
  await expect(unit.page.getByText("已提交，等待工作小组审核。")).toBeVisible();
  await expect(unit.page.getByRole("row", { name: new RegExp(`取消合作伙伴.*${GO}：合作项目已结束`) })).toBeVisible();

  // Staff read it by the partner's name and approve it.
  const staff = await signIn(browser, "/admin", "staff-gz");
  const row = staff.page.getByRole("row", { name: new RegExp(`穗链智造科技.*取消合作伙伴.*${GO}`) });
  await expect(row).toContainText("合作项目已结束，双方协商不再合作");
  await row.getByRole("button", { name: "审阅取消合作伙伴申请" }).click();
  const review = staff.page.getByTestId("change-review");
  await expect(review).toContainText(GO);
  await expect(review).toContainText("本类变更无须提交规定材料");
  await review.getByRole("button", { name: /^通\s*过$/ }).click();
  // GZ-4.6.3 notices additions only: the confirmation says the removal takes effect at once.
  await expect(staff.page.getByText("本变更立即生效", { exact: false })).toBeVisible();
  await staff.page.getByRole("button", { name: "确认通过" }).click();
  await expect(review.getByText("已通过。")).toBeVisible();
  await screenshot(staff.page, "artifacts/screenshots/admin-partner-removal.png", { fullPage: true });
  // The unit's page follows: published at once, no notice (GZ-4.6.3 notices additions only).
  await expect(unit.page.getByRole("row", { name: new RegExp(`取消合作伙伴.*${GO}`) })).toContainText("已发布");
  expect((await collections.notices(GZ).get()).size).toBe(0);
  expect((await collections.partners(GZ).doc("e2e-go").get()).data()?.status).toBe("removed");

  // The public reads version 2 of the partner list: the partner is 移出, the other stays.
  const pub = await browser.newPage();
  const pubErrors = watchConsole(pub);
  await pub.goto("/notices?p=gz-2025");
  await pub.getByRole("tab", { name: "名单公布" }).click();
  await pub.getByRole("row", { name: /第 2 版/ }).getByRole("button", { name: "查看" }).click();
  const diff = pub.getByTestId("version-diff");
  await expect(diff).toContainText("移出 1");
  await expect(diff.getByRole("table", { name: "移出" })).toContainText(GO);
  const all = pub.getByRole("table").last();
  await expect(all).toContainText(STAY);
  await expect(all).not.toContainText(GO);
  await screenshot(pub, "artifacts/screenshots/public-partner-removed.png", { fullPage: true });

  expect(unit.errors).toEqual([]);
  expect(staff.errors).toEqual([]);
  expect(pubErrors).toEqual([]);
  await unit.context.close();
  await staff.context.close();
});

test("DG-16: staff order and confirm a partner's removal; the published partner list's next version, under the removal's ground, no longer shows it — on the public page and in the registry", async ({ browser }) => {
  // Proposed as the 清退与取消合作伙伴 page proposes it (DG-16.3: two "dissatisfied" ratings).
  await proposeProceeding(productionDeps(), { programmeId: DG, kind: "partnerRemoval", unitId: "dg-u01", partnerId: "e2e-dg-go", ground: "DG-16.3", evidence: [{ description: "两家试点企业对其服务评价为“不满意”" }], complaintIds: [] }, { uid: "staff-dg", role: "staff" });
  const staff = await signIn(browser, "/admin", "staff-dg");
  const page = staff.page;
  await page.getByRole("tab", { name: "清退与取消合作伙伴" }).click();
  await page.getByRole("row", { name: /取消合作伙伴.*DG-16\.3/ }).click();
  await page.getByTestId("allowed-events").getByRole("button", { name: "责令取消合作" }).click();
  await expect(page.getByText("责令取消合作：已完成")).toBeVisible();
  // Ordered, the partner is still on the published list: the unit has yet to end the cooperation.
  expect((await collections.partnerLists(DG).get()).size).toBe(1);
  await page.getByRole("row", { name: /取消合作伙伴.*DG-16\.3/ }).click();
  await page.getByTestId("allowed-events").getByRole("button", { name: "确认已取消合作" }).click();
  await expect(page.getByText("确认已取消合作：已完成")).toBeVisible();
  expect((await collections.partners(DG).doc("e2e-dg-go").get()).data()?.status).toBe("removed");

  // The registry's published lists: version 2 under DG-16.3, with the reason, without the partner.
  await page.getByRole("tab", { name: "单位、伙伴与目录" }).click();
  await page.getByRole("tab", { name: "已发布名单" }).click();
  const v2 = page.getByRole("row", { name: /第 2 版.*DG-16\.3/ });
  await expect(v2).toBeVisible();
  await v2.getByRole("button", { name: "查看" }).click();
  const drawer = page.locator(".ant-drawer").filter({ hasText: "第 2 版" });
  await expect(drawer).toContainText(DG_GO);
  await expect(drawer.getByTestId("version-diff").getByRole("table", { name: "移出" })).toContainText(DG_GO);
  await screenshot(page, "artifacts/screenshots/admin-dg16-partner-list.png", { fullPage: true });

  // The public reads version 2: the partner is 移出, the other stays, and why it changed.
  const pub = await browser.newPage();
  const pubErrors = watchConsole(pub);
  await pub.goto(`/notices?p=${DG}`);
  await pub.getByRole("tab", { name: "名单公布" }).click();
  await pub.getByRole("row", { name: /第 2 版/ }).getByRole("button", { name: "查看" }).click();
  const diff = pub.getByTestId("version-diff");
  await expect(diff).toContainText("移出 1");
  await expect(diff.getByRole("table", { name: "移出" })).toContainText(DG_GO);
  await expect(pub.getByText("DG-16.3").first()).toBeVisible();
  const all = pub.getByRole("table").last();
  await expect(all).toContainText(DG_STAY);
  await expect(all).not.toContainText(DG_GO);
  await screenshot(pub, "artifacts/screenshots/public-dg16-partner-removed.png", { fullPage: true });

  expect(staff.errors).toEqual([]);
  expect(pubErrors).toEqual([]);
  await staff.context.close();
});
