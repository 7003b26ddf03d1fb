// Runs inside `firebase emulators:exec` (the emulator hosts are in the environment): the three
// Vitest projects one after another (they share one emulator, so never at once), then the
// Playwright browser tests. Reads each runner's JSON report and prints one summary line.
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, existsSync } from "node:fs";
import { join } from "node:path";
import { ROOT } from "./emulators.mjs";

const OUT = join(ROOT, "artifacts");
mkdirSync(OUT, { recursive: true });

const suites = [
  { name: "unit", label: "单元测试", kind: "vitest" },
  { name: "rules", label: "安全规则测试", kind: "vitest" },
  { name: "integration", label: "集成测试", kind: "vitest" },
  { name: "e2e", label: "浏览器测试（Chromium）", kind: "playwright" },
];

const results = [];
for (const s of suites) {
  const report = join(OUT, `${s.name}.json`);
  console.log(`\n▶ ${s.label}`);
  const r =
    s.kind === "vitest"
      ? spawnSync("npx", ["vitest", "run", "--project", s.name, "--reporter=default", "--reporter=json", `--outputFile.json=${report}`], { cwd: ROOT, stdio: "inherit" })
      : spawnSync("npx", ["playwright", "test"], { cwd: ROOT, stdio: "inherit", env: { ...process.env, PLAYWRIGHT_JSON_OUTPUT_NAME: report } });
  results.push({ ...s, exit: r.status ?? 1, ...count(s.kind, report) });
}

function count(kind, file) {
  if (!existsSync(file)) return { passed: 0, failed: 0, skipped: 0, missing: true };
  const j = JSON.parse(readFileSync(file, "utf8"));
  if (kind === "vitest") return { passed: j.numPassedTests, failed: j.numFailedTests, skipped: j.numPendingTests + j.numTodoTests };
  const st = j.stats;
  return { passed: st.expected, failed: st.unexpected + st.flaky, skipped: st.skipped };
}

console.log("\n──────── 测试汇总 ────────");
let bad = false;
for (const r of results) {
  const empty = r.passed + r.failed === 0;
  const ok = r.exit === 0 && !r.failed && !empty;
  bad ||= !ok;
  console.log(`${ok ? "✔" : "✖"} ${r.label}：通过 ${r.passed}，失败 ${r.failed}，跳过 ${r.skipped}${empty ? "（未执行任何测试）" : ""}${r.exit !== 0 && !r.failed ? `（运行器退出码 ${r.exit}）` : ""}`);
}
const sum = (k) => results.reduce((a, r) => a + r[k], 0);
console.log(`Total: ${sum("passed")} passed, ${sum("failed") + (bad && !sum("failed") ? 1 : 0)} failed, ${sum("skipped")} skipped`);
process.exit(bad ? 1 : 0);
