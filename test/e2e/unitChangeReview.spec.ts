// DG-13 in a real Chromium: the reviewer of a Dongguan unit change reads a warning when the new
// licence's USCC is not registered in Dongguan (division 4419) or was not given at all, and may
// record the referral to the bureau meeting (局务会) with the day and minutes uploaded by staff
// themselves; the decision stores both. A Guangzhou unit change offers no referral and no warning.
// In the portal a Dongguan unit's change asks the licence's USCC (a malformed one is refused naming
// the field) and lists the DG-13 documents, the stamped 变更申请书 first; Guangzhou asks no such code.
// The Dongguan review drawer, with its warning, referral, date and minutes filled, passes axe.
import { expect, test } from "@playwright/test";
import { shanghaiDate } from "../../functions/src/domain/dates.js";
import type { DocumentKind } from "../../functions/src/domain/policy/schema.js";
import { makeUscc } from "../../functions/src/domain/uscc.js";
import { collections } from "../../functions/src/store/collections.js";
import { closeClients } from "../support/emulators.js";
import { violations } from "./axe.js";
import { choose, freshDemo, pickDate, screenshot, signIn } from "./session.js";

const DG = "dg-2025";
const GZ = "gz-2025";
const PDF = Buffer.from("%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n");
const DG_DOCS: DocumentKind[] = ["changeApplicationLetter", "businessLicence", "legalRepIdCopy", "localServiceTeamList", "socialSecurityProof"];
const ELSEWHERE = makeUscc({ division: "440106", orgBody: "MA4UX1Q3" });
const NEW_NAME = "莞工数字服务（广州）有限公司";
const NEW_ADDRESS = "东莞市南城街道（演示）新址";

/** A submitted unit change with its stamped documents on record, as the portal leaves it. */
async function submittedUnitChange(programmeId: string, unitId: string, changeId: string, payload: Record<string, unknown>, kinds: DocumentKind[]) {
  const documents = [];
  for (const kind of kinds) {
    const id = `${changeId}-${kind}`;
    await collections.documents(programmeId).doc(id).set({
      kind, ownerUnitId: unitId, fileName: `${kind}.pdf`, storagePath: `programmes/${programmeId}/documents/${id}/v1`, size: 1024, sha256: "a".repeat(64), contentType: "application/pdf",
      sensitive: kind === "legalRepIdCopy", stamped: true, uploadedAt: new Date(), uploadedBy: { uid: "member", role: "unitMember" }, programmeId, target: { type: "change", id: changeId, unitId }, targetKey: `change/${changeId}`, version: 1, current: true,
    });
    documents.push({ kind, documentId: id });
  }
  const today = shanghaiDate(new Date());
  await collections.changes(programmeId).doc(changeId).set({ unitId, type: "unitInfo", state: "submitted", payload: { type: "unitInfo", effectiveOn: today, ...payload }, documents, submittedOn: today, reviewBatchId: "e2e" } as never);
}

test.beforeAll(async () => {
  await freshDemo();
  await submittedUnitChange(DG, "dg-u01", "e2e-dg-rename", { changes: [{ field: "name", to: NEW_NAME }], licenceUscc: ELSEWHERE }, DG_DOCS);
  await submittedUnitChange(DG, "dg-u01", "e2e-dg-move", { changes: [{ field: "address", to: NEW_ADDRESS }] }, DG_DOCS);
  await submittedUnitChange(GZ, "gz-u01", "e2e-gz-move", { changes: [{ field: "address", to: "广州市黄埔区（演示）新址" }] }, ["businessLicence"]);
});
test.afterAll(closeClients);

test("DG-13: the reviewer is warned when the licence is registered outside Dongguan or its USCC is missing, and records the 局务会 referral with minutes staff upload; the decision keeps both", async ({ browser }) => {
  const staff = await signIn(browser, "/admin", "staff-dg");
  const page = staff.page;
  const review = page.getByTestId("change-review");

  // No code given: the reviewer is told to check the licence scan.
  // The queue names the field changed: 住所 (no licence code given) and 名称 (a licence from elsewhere).
  await page.getByRole("row", { name: /单位信息变更\s*住所/ }).getByRole("button", { name: "审阅单位信息变更申请" }).click();
  await expect(review).toContainText(NEW_ADDRESS);
  await expect(review.getByTestId("change-warning")).toContainText("申请未填写营业执照统一社会信用代码，无法核对是否为在东莞市登记的独立法人（DG-13）");
  await page.keyboard.press("Escape");

  // A licence registered in Guangzhou (440106): warned, then referred to the bureau meeting.
  await page.getByRole("row", { name: /单位信息变更\s*名称/ }).getByRole("button", { name: "审阅单位信息变更申请" }).click();
  await expect(review).toContainText(NEW_NAME);
  await expect(review).toContainText(ELSEWHERE);
  await expect(review.getByTestId("change-warning")).toContainText("登记管理机关行政区划代码为 440106，不是东莞市（4419）");
  await review.getByRole("checkbox", { name: "本变更已报局务会议审议" }).check();
  // Without the day and the minutes the decision is not sent.
  await review.getByRole("button", { name: /^通\s*过$/ }).click();
  await page.getByRole("button", { name: "确认通过" }).click();
  await expect(review.getByText("已勾选局务会审议：请填写局务会日期并上传会议纪要")).toBeVisible();
  expect((await collections.changes(DG).doc("e2e-dg-rename").get()).data()!.state).toBe("submitted");

  const today = shanghaiDate(new Date());
  await pickDate(page, "局务会日期", today);
  await review.locator('input[type="file"][aria-label="上传局务会会议纪要"]').setInputFiles({ name: "局务会会议纪要.pdf", mimeType: "application/pdf", buffer: PDF });
  await expect(review.getByText("已上传：局务会会议纪要.pdf")).toBeVisible();
  await screenshot(page, "artifacts/screenshots/admin-dg13-change-review.png", { fullPage: true });
  const found = await violations(page, "东莞管理台/审阅单位信息变更（局务会）");
  await review.getByRole("button", { name: /^通\s*过$/ }).click();
  await page.getByRole("button", { name: "确认通过" }).click();
  await expect(review.getByText("已通过。")).toBeVisible();

  const decided = (await collections.changes(DG).doc("e2e-dg-rename").get()).data()!;
  expect(decided).toMatchObject({ state: "published", bureauMeeting: { heldOn: today } });
  // The minutes are the bureau's record: uploaded by staff, to this application.
  const minutes = (await collections.documents(DG).doc(decided.bureauMeeting!.minutesDocumentId).get()).data()!;
  expect(minutes).toMatchObject({ kind: "meetingMinutes", uploadedBy: { uid: "staff-dg", role: "staff" }, target: { type: "change", id: "e2e-dg-rename" } });
  expect(found).toEqual([]);
  expect(staff.errors).toEqual([]);
  await staff.context.close();
});

test("DG-13: a Guangzhou unit change offers no 局务会 referral and no registration warning", async ({ browser }) => {
  const staff = await signIn(browser, "/admin", "staff-gz");
  const page = staff.page;
  await page.getByRole("row", { name: /单位信息变更\s*住所/ }).getByRole("button", { name: "审阅单位信息变更申请" }).click();
  const review = page.getByTestId("change-review");
  await expect(review).toContainText("黄埔区（演示）新址");
  await expect(review.getByRole("button", { name: /^通\s*过$/ })).toBeVisible();
  await expect(review.getByText("本变更已报局务会议审议")).toHaveCount(0);
  await expect(review.getByText(/局务会/)).toHaveCount(0);
  await expect(review.getByTestId("change-warning")).toHaveCount(0);
  expect(staff.errors).toEqual([]);
  await staff.context.close();
});

test("DG-13: the Dongguan portal asks the new licence's USCC (a malformed one is refused naming the field) and lists the stamped 变更申请书 with the other DG-13 documents; Guangzhou's form asks no licence code", async ({ browser }) => {
  const unit = await signIn(browser, "/portal", "member-dg-01");
  const page = unit.page;
  await page.getByRole("tab", { name: "变更申请" }).click();
  await page.getByRole("radio", { name: "单位信息变更" }).check();
  await choose(page, "变更事项", "住所");
  await page.getByLabel("变更后").fill("东莞市东城街道（演示）新址");
  await pickDate(page, "变更生效日期", shanghaiDate(new Date()));
  await expect(page.getByText("变更后在东莞市登记的独立法人营业执照上的代码；工作机构将核对其登记地。")).toBeVisible();
  await page.getByLabel("营业执照统一社会信用代码").fill("12345");
  await page.getByRole("button", { name: "保存草稿，下一步上传材料" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "营业执照统一社会信用代码：" })).toBeVisible();
  await page.getByLabel("营业执照统一社会信用代码").fill(ELSEWHERE);
  await page.getByRole("button", { name: "保存草稿，下一步上传材料" }).click();
  const documents = page.locator(".ant-card").filter({ hasText: "单位信息变更：所需材料" }).last();
  await expect(documents).toContainText("变更申请书");
  for (const kind of ["在莞独立法人的营业执照复印件", "法定代表人身份证复印件", "本地服务团队名单", "社保证明"]) await expect(documents).toContainText(kind);
  const drafts = (await collections.changes(DG).where("unitId", "==", "dg-u01").where("state", "==", "draft").get()).docs.map((d) => d.data().payload);
  expect(drafts).toEqual([expect.objectContaining({ type: "unitInfo", licenceUscc: ELSEWHERE })]);
  expect(unit.errors).toEqual([]);
  await unit.context.close();

  const gz = await signIn(browser, "/portal", "member-gz-01");
  await gz.page.getByRole("tab", { name: "变更申请" }).click();
  await gz.page.getByRole("radio", { name: "单位信息变更" }).check();
  await expect(gz.page.getByLabel("变更事项")).toBeVisible();
  await expect(gz.page.getByLabel("营业执照统一社会信用代码")).toHaveCount(0);
  expect(gz.errors).toEqual([]);
  await gz.context.close();
});
