// `npm start` (run with tsx, so it can use the TypeScript demo seed): build, start the emulators and the web app, import the last saved local data
// (or seed the demo programmes on the first start), print where to go and how to sign in.
// Ctrl-C exports everything to .data/ first, so nothing entered is lost between runs.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { EMULATORS, PROJECT_ID, ROOT, checkJava, emulatorEnv, ports, runFirebase, webBuildEnv } from "./emulators.mjs";

const DATA = join(ROOT, ".data", "emulators");
const HOST = "127.0.0.1";
const started = Date.now();

checkJava();
console.log("▶ 构建 functions 与 web …");
if (spawnSync("npm", ["run", "--silent", "build"], { cwd: ROOT, stdio: "inherit", env: webBuildEnv() }).status !== 0) process.exit(1);

// firebase-tools creates the export folder but not its parent.
mkdirSync(join(ROOT, ".data"), { recursive: true });
const firstStart = !existsSync(join(DATA, "firebase-export-metadata.json"));
const args = ["emulators:start", "--only", EMULATORS, "--export-on-exit", DATA];
if (!firstStart) args.push("--import", DATA);
console.log(firstStart ? "▶ 首次启动：稍后写入演示数据。" : `▶ 导入上次保存的本地数据：${DATA}`);

// Own process group: a terminal Ctrl-C reaches only us, and we pass exactly one SIGINT on,
// because firebase-tools exports on the first one and a second could cut the export short.
const { child, done } = runFirebase(args, { detached: true });
let stopping = false;
for (const sig of ["SIGINT", "SIGTERM"]) {
  process.on(sig, () => {
    if (stopping) return;
    stopping = true;
    console.log("\n▶ 正在导出本地数据并关闭模拟器，请稍候 …");
    child.kill("SIGINT");
  });
}

await waitUntilReady();
if (firstStart && !stopping) {
  Object.assign(process.env, { FIRESTORE_EMULATOR_HOST: `${HOST}:${ports.firestore}`, FIREBASE_AUTH_EMULATOR_HOST: `${HOST}:${ports.auth}`, GCLOUD_PROJECT: PROJECT_ID });
  try {
    const { seedDemo, seedLivedIn, adminHandles } = await import("./demo/seed.ts");
    await seedDemo(adminHandles());
    const n = await seedLivedIn(adminHandles());
    console.log(`▶ 演示数据已写入（${n} 个文档）。`);
  } catch (err) {
    console.error(`✖ 演示数据写入失败：${err instanceof Error ? err.message : err}`);
  }
}
if (!stopping) await banner();
process.exit(await done);

async function waitUntilReady() {
  const until = Date.now() + 180_000;
  while (!stopping && Date.now() < until) {
    try {
      const res = await fetch(`http://${HOST}:${ports.hub}/emulators`);
      const running = Object.keys(await res.json());
      if (EMULATORS.split(",").every((e) => running.includes(e)) && (await fetch(`http://${HOST}:${ports.hosting}/`)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  if (!stopping) console.error("✖ 模拟器在 3 分钟内未就绪，见上方输出。");
}

async function banner() {
  const { demoAccounts, DEMO_PASSWORD } = await import("./demo/accounts.ts");
  const secs = Math.round((Date.now() - started) / 1000);
  const lines = [
    "",
    "════════════════════════════════════════════════════════════════",
    ` 数字化转型牵引单位管理系统已就绪（用时 ${secs} 秒）`,
    "",
    ` 首页           http://${HOST}:${ports.hosting}/`,
    ` 单位门户       http://${HOST}:${ports.hosting}/portal`,
    ` 工作小组管理台 http://${HOST}:${ports.hosting}/admin`,
    "",
    ` 演示账号（密码均为 ${DEMO_PASSWORD}）：`,
    ...demoAccounts.map((a) => `   ${a.email.padEnd(24)} ${a.displayName}  → ${a.start}`),
    "",
    ` 文件存储       ${process.env.FILES_BACKEND === "gcs" ? `Cloud Storage（${process.env.FILES_BUCKET ?? "默认存储桶"}）` : `本地磁盘 ${emulatorEnv().FILES_DIR}`}`,
    "",
    " 按 Ctrl-C 停止：数据会先导出到 .data/，下次启动自动导入。",
    " 重置为演示数据：npm run reset，然后再 npm start。",
    "════════════════════════════════════════════════════════════════",
  ];
  console.log(lines.join("\n"));
}
