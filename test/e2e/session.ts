// Shared by the browser tests: collect what a page complains about, and sign in as a demo user.
import { expect, type Browser, type Page } from "@playwright/test";
import { account, DEMO_PASSWORD } from "../../scripts/demo/accounts.js";
import { adminHandles, seedDemo } from "../../scripts/demo/seed.js";
import { clearFirestore } from "../support/emulators.js";

/**
 * Every spec starts from the small demo and nothing else: whatever the suites before it left in
 * this run's emulators (the lived-in demo, another test's records) is cleared first.
 */
export async function freshDemo() {
  await clearFirestore();
  await seedDemo(adminHandles());
}

/** Console errors, uncaught exceptions and failed requests (status ≥ 400) of a page. */
export function watchConsole(page: Page) {
  const errors: string[] = [];
  page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
  page.on("pageerror", (e) => errors.push(e.message));
  page.on("response", (r) => r.status() >= 400 && errors.push(`${r.status()} ${r.request().method()} ${r.url()}`));
  return errors;
}

/** A fresh browser context signed in on `path` as a demo account, by keyboard (Enter). */
export function signIn(browser: Browser, path: string, uid: string) {
  return signInAs(browser, path, account(uid).email);
}

/** The same for an account a test created itself (with the demo password). */
export async function signInAs(browser: Browser, path: string, email: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors = watchConsole(page);
  await page.goto(path);
  await page.getByLabel("电子邮箱").fill(email);
  await page.getByLabel("密码").fill(DEMO_PASSWORD);
  // Keyboard, not the mouse: the form must be usable without one.
  await page.getByLabel("密码").press("Enter");
  return { page, errors, context };
}

/** Types a date into an Ant Design date picker by its label. */
export async function pickDate(page: Page, label: string, date: string) {
  const input = page.getByRole("textbox", { name: label }).or(page.getByLabel(label)).first();
  await input.click();
  await input.fill(date);
  // Tab, not Enter: Enter would also submit the surrounding form.
  await input.press("Tab");
}

/** Choose an option of an Ant Design select by the select's label and the option's text. */
export async function choose(page: Page, label: string, option: string) {
  await page.getByLabel(label).click();
  await page.locator(`.ant-select-item-option[title="${option}"]`).click();
}

/** Choose a unit, partner or item in a name picker: type the start of its name, click the match. */
export async function pickByName(page: Page, label: string, typed: string, name: RegExp) {
  await page.getByLabel(label).fill(typed);
  await page.locator(".ant-select-item-option").filter({ hasText: name }).click();
}

/**
 * What a person must never read on a page: an ISO date, a period code, or one of the system's ids
 * (units, accounts, programmes). Checked on every page a test keeps a screenshot of.
 */
const RAW = [/\b\d{4}-\d{2}-\d{2}\b/, /\b20\d\d-(?:Q[1-4]|H[12])\b/, /\b(?:gz|dg)-u\d+/, /\b(?:member|staff)-(?:gz|dg)/, /\b(?:gz|dg)-20\d\d\b/];

/** Saves a screenshot of the page after checking that its text shows no raw id or ISO date. */
export async function screenshot(page: Page, path: string, options: { fullPage?: boolean } = {}) {
  // Only text a person can see: not the zero-size accessibility copies a select keeps of its option values.
  const text = await page.evaluate<string>(`(() => {
    const seen = (el) => { for (let e = el; e && e !== document.body; e = e.parentElement) { const r = e.getBoundingClientRect(); if (r.width < 2 || r.height < 2) return false; const st = getComputedStyle(e); if (st.visibility === "hidden" || st.display === "none" || st.opacity === "0") return false; } return true; };
    const out = [];
    const walk = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walk.nextNode(); n; n = walk.nextNode()) if (n.parentElement && seen(n.parentElement)) out.push(n.textContent);
    return out.join("\\n");
  })()`);
  const found = RAW.flatMap((r) => text.match(r)?.[0] ?? []);
  expect(found, `${path}: the page shows raw ids or ISO dates`).toEqual([]);
  await page.screenshot({ path, ...options });
}
