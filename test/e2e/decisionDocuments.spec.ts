// Decision documents in a real Chromium: staff open an issued criticism in 批评与清退, generate and
// download its 通报批评及限期整改通知; the PDF's first page is rendered (pdf.js in the browser) for
// the screenshots; the public verification page printed in it shows the record, says 一致 for the
// downloaded file and 不一致 for a copy with one byte changed. And a change approved in its review
// drawer: its 变更审核意见, page 1 rendered too. The verification page passes axe, empty and with
// each answer.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { expect, test, type Browser } from "@playwright/test";
import { makeUscc } from "../../functions/src/domain/uscc.js";
import { dateWord } from "../../functions/src/domain/words.js";
import { collections } from "../../functions/src/store/collections.js";
import { shanghaiDate } from "../../functions/src/domain/dates.js";
import { productionDeps } from "../../functions/src/usecases/deps.js";
import { proposeProceeding } from "../../functions/src/usecases/proposeProceeding.js";
import { applyProceedingEvent } from "../../functions/src/usecases/applyProceedingEvent.js";
import { closeClients } from "../support/emulators.js";
import { readPdf } from "../support/pdfText.js";
import { violations } from "./axe.js";
import { freshDemo, screenshot, signIn, watchConsole } from "./session.js";

const GZ = "gz-2025";
const require = createRequire(import.meta.url);
const PDFJS = join(dirname(require.resolve("pdfjs-dist/package.json")), "build");

test.beforeAll(async () => {
  await freshDemo();
});
test.afterAll(closeClients);

/** Renders page 1 of a PDF with pdf.js inside Chromium (a page of its own, files served by routes) and saves a screenshot. */
async function screenshotFirstPage(browser: Browser, pdf: Buffer, path: string) {
  const context = await browser.newContext({ viewport: { width: 1000, height: 1400 } });
  const page = await context.newPage();
  const origin = "http://pdf-render.local";
  await page.route(`${origin}/**`, async (route) => {
    const name = new URL(route.request().url()).pathname.slice(1);
    if (name === "doc.pdf") return route.fulfill({ body: pdf, contentType: "application/pdf" });
    if (name === "pdf.mjs" || name === "pdf.worker.mjs") return route.fulfill({ body: readFileSync(join(PDFJS, name)), contentType: "text/javascript" });
    return route.fulfill({
      contentType: "text/html",
      body: `<!doctype html><html><body style="margin:0;background:#888"><canvas id="c" style="display:block;margin:0 auto;background:#fff"></canvas>
<script type="module">
import * as pdfjs from "./pdf.mjs";
pdfjs.GlobalWorkerOptions.workerSrc = "./pdf.worker.mjs";
const doc = await pdfjs.getDocument("./doc.pdf").promise;
const p = await doc.getPage(1);
const viewport = p.getViewport({ scale: 1.5 });
const canvas = document.getElementById("c");
canvas.width = viewport.width; canvas.height = viewport.height;
await p.render({ canvasContext: canvas.getContext("2d"), viewport, canvas }).promise;
document.body.dataset.rendered = "yes";
</script></body></html>`,
    });
  });
  await page.goto(`${origin}/render.html`);
  await expect(page.locator("body[data-rendered=yes]")).toBeAttached({ timeout: 30_000 });
  await page.locator("#c").screenshot({ path });
  await context.close();
}

test("GZ-4.4a.2: staff download the 通报批评及限期整改通知 of an issued criticism; its verification page says 一致 for it and 不一致 for a tampered copy", async ({ browser }) => {
  const deps = productionDeps();
  const actor = { uid: "staff-gz", role: "staff" as const };
  const { proceedingId } = await proposeProceeding(deps, { programmeId: GZ, kind: "criticism", unitId: "gz-u01", ground: "GZ-4.4a.2", evidence: [{ description: "2026年第三季度绩效报告逾期报送且附件不完整" }], complaintIds: [] }, actor);
  await applyProceedingEvent(deps, { programmeId: GZ, proceedingId, event: { type: "issue" } }, actor);

  const staff = await signIn(browser, "/admin", "staff-gz");
  await staff.page.getByRole("tab", { name: "批评与清退" }).click();
  await staff.page.getByRole("row", { name: /穗链智造.*GZ-4\.4a\.2/ }).first().click();
  const documents = staff.page.getByTestId("decision-documents");
  await expect(documents).toBeVisible();
  const download = staff.page.waitForEvent("download");
  await documents.getByRole("button", { name: "生成并下载《通报批评及限期整改通知》" }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^通报批评及限期整改通知-穗链智造科技（演示）有限公司-\d{4}-\d{2}-\d{2}\.pdf$/);
  const pdf = readFileSync((await file.path())!);
  await expect(documents.getByText("已生成第 1 版并开始下载")).toBeVisible();
  await screenshot(staff.page, "artifacts/screenshots/admin-decision-document.png", { fullPage: true });

  // What the file says (as a PDF reader extracts it): the unit, the ground in the regulation's words, the facts.
  const text = (await readPdf(pdf)).compact;
  expect(text).toContain("穗链智造科技（演示）有限公司：");
  expect(text).toContain("GZ-4.4a.2（资料报送不及时、不完整、不规范）");
  expect(text).toContain("2026年第三季度绩效报告逾期报送且附件不完整");
  expect(text).toMatch(/个工作日内（即\d{4}年\d+月\d+日前）/);
  await screenshotFirstPage(browser, pdf, "artifacts/screenshots/decision-document-criticism-page1.png");

  // The verification page the file links to (the link shown to staff is the one printed in the file).
  const verifyUrl = await documents.getByRole("link", { name: /\/verify\?d=/ }).getAttribute("href");
  expect(text).toContain(verifyUrl!);
  const pub = await browser.newContext();
  const page = await pub.newPage();
  const errors = watchConsole(page);
  await page.goto(verifyUrl!);
  const record = page.getByTestId("verification-record");
  await expect(record).toContainText("通报批评及限期整改通知");
  await expect(record).toContainText(dateWord(shanghaiDate(new Date())));
  // The record names nothing the document does not: no unit id, no proceeding id.
  await expect(record).not.toContainText("gz-u01");
  await expect(record).not.toContainText(proceedingId);
  const found = await violations(page, "文书核验");

  const input = page.locator('input[type="file"]');
  await input.setInputFiles({ name: "通报批评.pdf", mimeType: "application/pdf", buffer: pdf });
  await expect(page.getByTestId("verification-result")).toContainText("一致：该文件与本系统出具的文书完全相同");
  await screenshot(page, "artifacts/screenshots/verify-match.png", { fullPage: true });
  found.push(...(await violations(page, "文书核验（一致）")));

  const tampered = Buffer.from(pdf);
  tampered[tampered.length - 300] = tampered[tampered.length - 300]! ^ 0x01;
  await input.setInputFiles({ name: "通报批评-改.pdf", mimeType: "application/pdf", buffer: tampered });
  await expect(page.getByTestId("verification-result")).toContainText("不一致");
  await screenshot(page, "artifacts/screenshots/verify-mismatch.png", { fullPage: true });
  found.push(...(await violations(page, "文书核验（不一致）")));
  expect(found).toEqual([]);

  expect(errors).toEqual([]);
  expect(staff.errors).toEqual([]);
  await pub.close();
  await staff.context.close();
});

test("GZ-4.6.2: staff approve a partner removal in the review drawer and download its 变更审核意见, which states the partner before → after and the decision; page 1 rendered for the screenshots", async ({ browser }) => {
  await collections.partners(GZ).doc("e2e-doc-partner").set({ unitId: "gz-u01", name: "文书演示伙伴（演示）有限公司", uscc: makeUscc(90_401), status: "active", since: "2025-02-01" });
  await collections.changes(GZ).doc("e2e-doc-remove").set({ unitId: "gz-u01", type: "partnerRemove", state: "submitted", payload: { type: "partnerRemove", partnerId: "e2e-doc-partner", reason: "合作项目已结束" }, documents: [], submittedOn: shanghaiDate(new Date()), reviewBatchId: "e2e" });

  const staff = await signIn(browser, "/admin", "staff-gz");
  const page = staff.page;
  await page.getByRole("row", { name: /取消合作伙伴/ }).getByRole("button", { name: "审阅取消合作伙伴申请" }).click();
  const review = page.getByTestId("change-review");
  await review.getByRole("button", { name: /^通\s*过$/ }).click();
  await page.getByRole("button", { name: "确认通过" }).click();
  await expect(review.getByText("已通过。")).toBeVisible();
  const documents = review.getByTestId("decision-documents");
  const download = page.waitForEvent("download");
  await documents.getByRole("button", { name: "生成并下载《变更审核意见》" }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^变更审核意见-穗链智造科技（演示）有限公司-\d{4}-\d{2}-\d{2}\.pdf$/);
  const pdf = readFileSync((await file.path())!);
  await expect(documents.getByText("已生成第 1 版并开始下载")).toBeVisible();
  const text = (await readPdf(pdf)).compact;
  expect(text).toContain("穗链智造科技（演示）有限公司：");
  expect(text).toContain("产业生态合作伙伴：文书演示伙伴（演示）有限公司→取消合作（原因：合作项目已结束）");
  expect(text).toContain("审核结论：通过。");
  expect(text).toContain("GZ-4.6.0");
  await screenshotFirstPage(browser, pdf, "artifacts/screenshots/decision-document-change-review-page1.png");
  expect(staff.errors).toEqual([]);
  await staff.context.close();
});
