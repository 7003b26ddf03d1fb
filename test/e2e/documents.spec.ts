// GZ-2.2.13 in the browser: a file whose name says one thing and whose bytes another is kept and
// handed back under the name of what it really is. A PDF/HTML polyglot chosen as evil.html (the
// browser reports it as a PDF, so the page's own check lets it through) is stored as evil.pdf; the
// unit sees that name, and the download the browser saves is evil.pdf, typed as a PDF.
import { expect, test } from "@playwright/test";
import { makeUscc } from "../../functions/src/domain/uscc.js";
import { freshDemo, signIn } from "./session.js";

const POLYGLOT = Buffer.concat([
  Buffer.from("%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"),
  Buffer.from("<html><body><script>alert(document.domain)</script></body></html>\n"),
]);

test.beforeAll(async () => {
  await freshDemo();
});

test("GZ-2.2.13: a PDF/HTML polyglot uploaded as evil.html is stored and downloaded as evil.pdf", async ({ browser }) => {
  const unit = await signIn(browser, "/portal", "member-gz-01");
  await unit.page.getByRole("tab", { name: "变更申请" }).click();
  await unit.page.getByLabel("合作伙伴名称").fill("多语文件测试伙伴（演示）有限公司");
  await unit.page.getByLabel("合作伙伴统一社会信用代码").fill(makeUscc(80_077));
  await unit.page.getByRole("button", { name: "保存草稿，下一步上传材料" }).click();
  await unit.page.locator('input[type="file"][aria-label="上传营业执照"]').setInputFiles({ name: "evil.html", mimeType: "application/pdf", buffer: POLYGLOT });
  await expect(unit.page.getByText("已上传：evil.pdf")).toBeVisible();

  const download = unit.page.waitForEvent("download");
  await unit.page.getByRole("button", { name: "下载营业执照" }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe("evil.pdf");
  expect(unit.errors).toEqual([]);
  await unit.context.close();
});
