// `npm test`: lint, type-check, build, then every suite inside one `firebase emulators:exec`,
// ending with one summary line. Exits non-zero if anything failed or a suite ran no test.
import { spawnSync } from "node:child_process";
import { ROOT, checkJava, webBuildEnv } from "./emulators.mjs";

const started = Date.now();

function step(title, cmd, args, env = process.env) {
  console.log(`\n▶ ${title}`);
  const r = spawnSync(cmd, args, { cwd: ROOT, stdio: "inherit", env });
  if (r.status !== 0) {
    console.error(`\n✖ ${title} 失败（退出码 ${r.status ?? r.signal}）`);
    console.log("Total: 0 passed, 1 failed");
    process.exit(1);
  }
}

checkJava();
step("ESLint", "npx", ["eslint", "."]);
step("TypeScript 类型检查", "npm", ["run", "--silent", "typecheck"]);
step("构建 functions 与 web", "npm", ["run", "--silent", "build"], webBuildEnv());
step("单元 / 规则 / 集成 / 浏览器测试（Firebase 模拟器内）", "node", ["scripts/emulators.mjs", "exec", "node scripts/run-suites.mjs"]);
console.log(`\n全部完成，用时 ${Math.round((Date.now() - started) / 1000)} 秒。`);
