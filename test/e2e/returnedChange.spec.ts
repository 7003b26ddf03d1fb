// A change application staff returned for completion: the unit sees the reviewer's comment in its
// portal, attaches the missing document and resubmits — and the comment, the review batch and the
// reviewer stay on the application (the portal writes only its own fields; the rules refuse more).
import { expect, test } from "@playwright/test";
import { shanghaiDate } from "../../functions/src/domain/dates.js";
import { collections } from "../../functions/src/store/collections.js";
import { account, DEMO_PASSWORD } from "../../scripts/demo/accounts.js";
import { closeClients, eventually, signedInClient } from "../support/emulators.js";
import { freshDemo, signIn } from "./session.js";

const GZ = "gz-2025";
const CHANGE = "e2e-returned-unitinfo";
const COMMENT = "请补充变更后的营业执照（加盖公章）。";
const PDF = Buffer.from("%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n");

test.beforeAll(async () => {
  await freshDemo();
  // A GZ-4.4a.4 unit-information change, submitted without its licence, and returned by staff.
  await collections.changes(GZ).doc(CHANGE).set({ unitId: "gz-u01", type: "unitInfo", state: "draft", payload: { type: "unitInfo", changes: [{ field: "address", to: "广州市天河区（演示）新址" }], effectiveOn: shanghaiDate(new Date()) }, documents: [] });
  await collections.changes(GZ).doc(CHANGE).update({ state: "submitted", submittedOn: shanghaiDate(new Date()), reviewBatchId: "e2e" });
  const staff = await signedInClient(account("staff-gz").email, DEMO_PASSWORD);
  await staff.call("reviewChange", { programmeId: GZ, changeId: CHANGE, decision: "return", comment: COMMENT });
});
test.afterAll(closeClients);

test("GZ-4.6.2: a returned application shows the reviewer's comment; the unit attaches the missing document and resubmits, and the comment stays on record", async ({ browser }) => {
  const unit = await signIn(browser, "/portal", "member-gz-01");
  await unit.page.getByRole("tab", { name: "变更申请" }).click();
  const row = unit.page.getByRole("row", { name: new RegExp(COMMENT.slice(0, 8)) });
  await expect(row).toBeVisible();
  await row.getByRole("button", { name: "补充材料并提交" }).click();

  await unit.page.locator('input[type="file"][aria-label="上传变更后的营业执照"]').setInputFiles({ name: "新营业执照.pdf", mimeType: "application/pdf", buffer: PDF });
  await expect(unit.page.getByText("已上传：新营业执照.pdf")).toBeVisible();
  const edited = await eventually(async () => {
    const c = (await collections.changes(GZ).doc(CHANGE).get()).data();
    return c?.documents.length ? c : undefined;
  }, "the attached licence on the returned application");
  expect(edited).toMatchObject({ state: "draft", reviewComment: COMMENT, reviewBatchId: "e2e", reviewedBy: { uid: account("staff-gz").uid }, documents: [{ kind: "businessLicence" }] });
  // The comment is still what the unit sees next to its application.
  await expect(unit.page.getByRole("row", { name: new RegExp(COMMENT.slice(0, 8)) })).toBeVisible();

  await unit.page.getByRole("button", { name: "提交申请" }).click();
  await expect(unit.page.getByText("已提交，等待工作小组审核。")).toBeVisible();
  expect((await collections.changes(GZ).doc(CHANGE).get()).data()).toMatchObject({ state: "submitted", reviewComment: COMMENT });
  expect(unit.errors).toEqual([]);
  await unit.context.close();
});
