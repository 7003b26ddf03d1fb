// The portal's 日历订阅 card in Chromium: a member generates the private link, sees it once with the
// privacy hint, a calendar client fetches it (text/calendar with the unit's deadlines); 停用 asks
// first, saying what stops, and the link then answers 404.
import { expect, test } from "@playwright/test";
import { freshDemo, screenshot, signIn } from "./session.js";

test.beforeAll(async () => {
  await freshDemo();
});

test("a member generates a private calendar link shown once, a calendar reads it, and 停用 after a stated confirmation stops it", async ({ browser }) => {
  const { page, errors, context } = await signIn(browser, "/portal", "member-gz-01");
  const card = page.getByTestId("calendar-feed");
  await expect(card.getByText("您尚未生成订阅链接。")).toBeVisible();
  await card.getByRole("button", { name: "生成订阅链接" }).click();
  const field = card.getByTestId("calendar-feed-url");
  await expect(field).toHaveValue(/calendarFeed\?token=[A-Za-z0-9_-]{43}$/);
  await expect(card).toContainText("链接只显示这一次");
  await expect(card).toContainText("请勿转发或公开");
  await expect(card.getByTestId("calendar-feed-state")).toContainText("使用中");
  await screenshot(page, "artifacts/screenshots/portal-calendar-feed.png", { fullPage: true });
  const url = await field.inputValue();

  const res = await fetch(url);
  expect(res.status).toBe(200);
  expect(res.headers.get("content-type")).toBe("text/calendar; charset=utf-8");
  expect(await res.text()).toContain("BEGIN:VCALENDAR");

  await card.getByRole("button", { name: "停 用" }).or(card.getByRole("button", { name: "停用" })).click();
  const dialog = page.getByRole("dialog");
  await expect(dialog).toContainText("停用日历订阅链接？");
  await expect(dialog).toContainText("使用此链接订阅的日历将无法再获取本单位的期限");
  await dialog.getByRole("button", { name: "停用链接" }).click();
  await expect(card).toContainText("订阅链接已停用。");
  await expect(card.getByText("您尚未生成订阅链接。")).toBeVisible();
  expect((await fetch(url)).status).toBe(404);
  expect(errors).toEqual([]);
  await context.close();
});
