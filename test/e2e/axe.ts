// axe-core (WCAG 2.1 A and AA rules) for the browser tests: a screen a test has opened is audited
// where it stands, so the specs that reach a screen (a dialog, a drawer, a phone viewport) check it
// too. Each violation is reported with the place, the rule, axe's explanation and the elements.
import { AxeBuilder } from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

/**
 * Resolves once the page has stopped changing: no DOM mutation for `quietMs`. A state, not a
 * fixed pause: on a busy machine late renders take longer, and this waits for them.
 */
export async function settled(page: Page, quietMs = 500) {
  // A string, because this runs in the page (the Node type-check has no DOM types).
  await page.evaluate(`new Promise((resolve) => {
    const done = () => { observer.disconnect(); resolve(); };
    let timer = setTimeout(done, ${quietMs});
    const observer = new MutationObserver(() => { clearTimeout(timer); timer = setTimeout(done, ${quietMs}); });
    observer.observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
  })`);
}

/**
 * The page's WCAG 2.1 AA violations as readable lines (none: []). With `within` (a CSS selector)
 * only that part is audited: an open dialog or drawer, whose page behind is inert under the mask
 * (axe would blend the mask into every colour behind it) and is audited on its own before.
 */
export async function violations(page: Page, where: string, within?: string) {
  // Let lazy tabs and their first queries settle before auditing (Firestore keeps a channel
  // open, so "network idle" never comes): no spinner left, then no more late renders.
  await expect(page.locator(".ant-spin-spinning"), `${where}：加载未结束`).toHaveCount(0);
  await settled(page);
  const axe = new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]);
  const result = await (within ? axe.include(within) : axe).analyze();
  return result.violations.map((v) => `${where} · ${v.id}（${v.help}）：${v.nodes.map((n) => `${n.target.join(" ")} ${n.failureSummary ?? ""}`).slice(0, 5).join("；")}`);
}
