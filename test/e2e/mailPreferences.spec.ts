// The portal's 邮件提醒 card in Chromium: a member with no choice yet is told they get no mail; a
// wrong address is refused in Chinese; an address and two kinds are saved and shown again after a
// reload; the choice is stored for that member only.
import { expect, test } from "@playwright/test";
import { collections } from "../../functions/src/store/collections.js";
import { freshDemo, screenshot, signIn } from "./session.js";

test.beforeAll(async () => {
  await freshDemo();
});

test("a member chooses an address and the reminders they want by e-mail; a wrong address is refused in Chinese", async ({ browser }) => {
  const { page, errors, context } = await signIn(browser, "/portal", "member-gz-01");
  const card = page.getByTestId("mail-preferences");
  await expect(card).toContainText("您尚未设置邮件提醒，目前不会收到邮件。");
  const address = card.getByRole("textbox", { name: "接收邮箱" });
  await address.fill("不是邮箱");
  await card.getByRole("checkbox", { name: /报告被退回/ }).check();
  const seen = errors.length;
  await card.getByRole("button", { name: "保存邮件提醒设置" }).click();
  await expect(card).toContainText("邮箱地址不是有效的电子邮箱地址");
  // The refusal is the callable's 400 answer, shown on the card: the only "error" the page has.
  expect(errors.slice(seen).filter((e) => !/setMailPreferences|status of 400/.test(e))).toEqual([]);
  errors.splice(seen);
  await address.fill("lianluo01@example.com");
  await card.getByRole("checkbox", { name: /报告报送截止提醒/ }).check();
  await card.getByRole("button", { name: "保存邮件提醒设置" }).click();
  await expect(card).toContainText("邮件提醒设置已保存。");
  await screenshot(page, "artifacts/screenshots/portal-mail-preferences.png", { fullPage: true });

  await page.reload();
  await expect(card.getByRole("textbox", { name: "接收邮箱" })).toHaveValue("lianluo01@example.com");
  await expect(card.getByRole("checkbox", { name: /报告被退回/ })).toBeChecked();
  await expect(card.getByRole("checkbox", { name: /约谈名单/ })).not.toBeChecked();
  await expect(card).toContainText("已订阅 2 类提醒");
  expect((await collections.mailPreferences("gz-2025").doc("member-gz-01").get()).data()).toMatchObject({ address: "lianluo01@example.com", kinds: ["reportReminder", "reportReturned"] });
  expect(errors).toEqual([]);
  await context.close();
});
