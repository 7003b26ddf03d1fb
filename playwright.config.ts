import { defineConfig } from "@playwright/test";

// Browser tests drive Debian's Chromium (Playwright's own browser download cannot run here)
// against the hosting emulator that `npm test` starts. Screenshots of the main pages are kept
// in artifacts/ as evidence of what a person would see.
export default defineConfig({
  testDir: "test/e2e",
  outputDir: "artifacts/e2e-output",
  // Tests wait on states (a text, a row, a stored value), never on fixed pauses. These are only
  // the upper bounds of those waits: generous, because on a busy machine (another emulator set
  // running beside this one) a function's first call can take tens of seconds, and a state that
  // comes passes at once, however long the bound. Playwright's 5-second default failed there.
  timeout: 240_000,
  expect: { timeout: 60_000 },
  fullyParallel: false,
  workers: 1,
  reporter: [["list"], ["json"]],
  use: {
    baseURL: process.env.WEB_BASE_URL ?? "http://127.0.0.1:5000",
    locale: "zh-CN",
    timezoneId: "Asia/Shanghai",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      // The flags env.md verified: no sandbox as root, and no background calls to Google's
      // hosts, which this closed network refuses.
      args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    },
  },
});
