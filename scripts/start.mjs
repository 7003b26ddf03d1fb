// `npm start` (run with tsx, so it can use the TypeScript modules of scripts/local and the demo
// seed): build, start the emulators and the web app, import the last saved local data (or seed the
// demo on the very first start), run the scheduled functions on their schedules, and print where
// to go once the functions are loaded. Local data is saved every few minutes while running and
// once more on Ctrl-C / SIGTERM; a start never seeds over data it could not import (localData.ts).
//
//   npm start                 everything
//   npm start -- --no-build   skip the build (already built for this EMULATOR_PORT_OFFSET)
//
// package.json runs this with `exec tsx …`: npm passes SIGINT/SIGTERM on to its child, and without
// `exec` that child is a shell (dash), which dies of it and leaves us running with the emulators.
//
// TRACTION_DATA_DIR moves the data folder (default .data/); TRACTION_SNAPSHOT_MINUTES sets the
// interval of the automatic saves (default 5).
import { spawn, spawnSync } from "node:child_process";
import { join } from "node:path";
import { EMULATORS, PROJECT_ID, ROOT, checkJava, mailPorts, ports, runFirebase, webBuildEnv } from "./emulators.mjs";
import { dataPaths, markSeeded, planStart, readSeeded, releaseLock, takeLock } from "./local/localData.ts";
import { exportedFunctions, waitUntilReady } from "./local/ready.ts";
import { LocalScheduler, scheduledFunctions, wireSchedules } from "./local/scheduler.ts";
import { readLocalState, removeStaleExportStaging, saveSnapshot } from "./local/snapshot.ts";
import { todayInShanghai } from "./demo/demoDates.ts";

const HOST = "127.0.0.1";
const hubOrigin = `http://${HOST}:${ports.hub}`;
const SNAPSHOT_MS = Number(process.env.TRACTION_SNAPSHOT_MINUTES ?? 5) * 60_000;
const started = Date.now();
const paths = dataPaths();
const fail = (sentence) => {
  console.error(`\n✖ ${sentence}\n`);
  releaseLock(paths);
  process.exit(1);
};

checkJava();
const lock = takeLock(paths);
if (!lock.ok) fail(`另一个 npm start（进程 ${lock.pid}）正在使用本地数据目录 ${paths.root}。请先停止它；要同时运行两套系统，请为第二套设置 TRACTION_DATA_DIR 和 EMULATOR_PORT_OFFSET。`);
const plan = planStart(paths);
if (plan.kind === "refuse") fail(plan.reason);

let phase = "build"; // build → starting → seeding → running → stopping
let builder, firebase, scheduler, snapshotTimer, snapshotting, lastSaved, stopping, stoppingSince, inbox, mailSender;

// A signal to this process (Ctrl-C, or SIGINT/SIGTERM sent to `npm start`, which npm passes on):
// save, then stop the emulators. One Ctrl-C arrives more than once (the terminal signals npm, tsx
// and us, and npm and tsx pass theirs on), so repeats within 3 s are the same request; a later one
// stops at once, keeping the last complete snapshot.
for (const sig of ["SIGINT", "SIGTERM"]) {
  process.on(sig, () => {
    if (phase !== "stopping") return void stop();
    if (Date.now() - stoppingSince < 3000) return;
    console.log("\n▶ 再次收到中断信号：立即结束模拟器（保留上一次完整保存的数据）。");
    if (firebase) killTree(firebase.child.pid);
    releaseLock(paths);
    process.exit(130);
  });
}

if (process.argv.includes("--no-build")) console.log("▶ 跳过构建（--no-build）。");
else {
  console.log("▶ 构建 functions 与 web …");
  builder = spawn("npm", ["run", "--silent", "build"], { cwd: ROOT, stdio: "inherit", env: webBuildEnv() });
  const code = await new Promise((res) => builder.on("exit", (c) => res(c ?? 1)));
  builder = undefined;
  if (phase === "stopping") await new Promise(() => {}); // stop() exits
  if (code !== 0) fail("构建失败，见上方输出。");
}

phase = "starting";
removeStaleExportStaging(ROOT);
const args = ["emulators:start", "--only", EMULATORS];
if (plan.kind === "import") args.push("--import", plan.dir);
if (plan.kind === "import" && plan.recovered) console.log(`▶ 上次保存在替换时中断，已恢复完整的一份：${plan.recovered}`);
console.log(plan.kind === "import" ? `▶ 导入已保存的本地数据：${plan.dir}` : "▶ 首次启动：稍后写入演示数据。");
// Own process group: a terminal Ctrl-C reaches only us, and the emulators keep running until the
// data is saved; then exactly one SIGINT tells firebase-tools to stop them.
// WEB_BASE_URL: where links in queued mail point.
firebase = runFirebase(args, { detached: true, env: { ...process.env, FILES_DIR: process.env.FILES_DIR ?? paths.files, WEB_BASE_URL: process.env.WEB_BASE_URL ?? `http://${HOST}:${ports.hosting}` } });
void firebase.done.then((code) => {
  if (phase === "stopping") return;
  console.error(plan.kind === "import" && phase === "starting"
    ? `\n✖ 模拟器未能启动（退出码 ${code}）。若上方提示导入失败：已保存的数据仍在 ${plan.dir}，未被改动，也没有写入演示数据。`
    : `\n✖ 模拟器意外退出（退出码 ${code}）。${lastSaved ? `最近一次保存于 ${clock(lastSaved)}，在 ${paths.current}。` : ""}`);
  releaseLock(paths);
  process.exit(1);
});

const expectedFunctions = exportedFunctions(ROOT);
const probe = { hub: hubOrigin, hosting: `http://${HOST}:${ports.hosting}/`, emulators: EMULATORS.split(","), expectedFunctions };
const ready = await waitUntilReady(probe, Date.now() + 300_000, () => phase === "stopping");
if (phase === "stopping") await new Promise(() => {});
if (!ready.ready) {
  console.error(`✖ 模拟器在 5 分钟内未就绪（仍在等待：${ready.last}），见上方输出。`);
  await stop(1);
}

const today = todayInShanghai();
Object.assign(process.env, { FIRESTORE_EMULATOR_HOST: `${HOST}:${ports.firestore}`, FIREBASE_AUTH_EMULATOR_HOST: `${HOST}:${ports.auth}`, GCLOUD_PROJECT: PROJECT_ID });
if (plan.kind === "seed") {
  phase = "seeding";
  try {
    const { seedDemo, seedLivedIn, adminHandles } = await import("./demo/seed.ts");
    await seedDemo(adminHandles());
    const n = await seedLivedIn(adminHandles(), today);
    console.log(`▶ 演示数据已写入（${n} 个文档，日期以今天 ${today} 为准）。`);
  } catch (err) {
    if (phase !== "stopping") console.error(`✖ 演示数据写入失败：${err instanceof Error ? err.message : err}`);
    await stop(1);
  }
  // Saved before it is marked seeded: a stop before this point leaves neither (stop() saves only
  // a running system), and the next start seeds again.
  if (phase !== "stopping" && (await snapshot()) && phase !== "stopping") markSeeded(paths, today);
} else if (!readSeeded(paths)) {
  markSeeded(paths, today); // data saved before this marker existed
}
if (phase === "stopping") await new Promise(() => {});
phase = "running";

const emulators = { projectId: PROJECT_ID, pubsub: `${HOST}:${ports.pubsub}`, functions: `http://${HOST}:${ports.functions}` };
let jobs = [];
try {
  jobs = await scheduledFunctions(emulators);
  await wireSchedules(emulators, jobs);
  scheduler = new LocalScheduler(emulators, jobs, plan.kind === "import" ? (readLocalState(plan.dir).scheduler ?? {}) : {});
  scheduler.start();
} catch (err) {
  console.error(`✖ 定时任务未能接入 Pub/Sub 模拟器，本次不会自动运行：${err instanceof Error ? err.message : err}`);
}
await startLocalMail();
snapshotTimer = setInterval(() => void snapshot(), SNAPSHOT_MS);
await banner(jobs);

/** The dev inbox (maildev) and the sender that delivers the `mail` queue to it, as the Trigger Email extension does deployed. */
async function startLocalMail() {
  try {
    const { startDevInbox, startMailSender } = await import("./local/mail.ts");
    const { adminHandles } = await import("./demo/seed.ts");
    inbox = await startDevInbox(mailPorts);
    mailSender = startMailSender(adminHandles().db, mailPorts.smtp);
  } catch (err) {
    console.error(`✖ 本地邮件收件箱未能启动（端口 ${mailPorts.smtp}/${mailPorts.inbox}），本次不投递邮件：${err instanceof Error ? err.message : err}`);
  }
}

/** Saves a snapshot (one at a time); false when it failed. */
async function snapshot() {
  if (snapshotting) await snapshotting.catch(() => {});
  snapshotting = saveSnapshot(hubOrigin, paths, { scheduler: scheduler?.state ?? {} });
  try {
    await snapshotting;
    lastSaved = new Date();
    return true;
  } catch (err) {
    console.error(`✖ 保存本地数据失败：${err instanceof Error ? err.message : err}${lastSaved ? `（上一次成功保存于 ${clock(lastSaved)}）` : ""}`);
    return false;
  } finally {
    snapshotting = undefined;
  }
}

/** Saves (only a system that reached 已就绪: before that there is nothing of the user's to keep), stops everything, exits. */
function stop(code = 0) {
  stopping ??= stopOnce(code);
  return stopping;
}

async function stopOnce(code) {
  const save = phase === "running";
  phase = "stopping";
  stoppingSince = Date.now();
  scheduler?.stop();
  mailSender?.stop();
  await inbox?.stop().catch(() => {});
  clearInterval(snapshotTimer);
  if (builder) builder.kill("SIGTERM");
  if (firebase && save) {
    console.log("\n▶ 正在保存本地数据，然后关闭模拟器，请稍候 …");
    if (await snapshot()) console.log(`✔ 已保存到 ${paths.current}，下次 npm start 自动导入。`);
    else code = 1;
  } else if (firebase) console.log("\n▶ 正在关闭模拟器 …");
  if (snapshotting) await snapshotting.catch(() => {});
  if (firebase) {
    // One SIGINT: firebase-tools stops its emulators cleanly on it (a second would cut that short).
    firebase.child.kill("SIGINT");
    const exited = await Promise.race([firebase.done.then(() => true), new Promise((r) => setTimeout(() => r(false), 60_000))]);
    if (!exited) killTree(firebase.child.pid);
  }
  releaseLock(paths);
  process.exit(code);
}

/** Kills firebase-tools and everything it started: the Java emulators run in process groups of their own, so a group kill would miss them. */
function killTree(pid) {
  const children = new Map();
  for (const line of spawnSync("ps", ["-eo", "pid=,ppid="], { encoding: "utf8" }).stdout.trim().split("\n")) {
    const [p, pp] = line.trim().split(/\s+/).map(Number);
    children.set(pp, [...(children.get(pp) ?? []), p]);
  }
  const tree = [pid];
  for (let i = 0; i < tree.length; i++) tree.push(...(children.get(tree[i]) ?? []));
  for (const p of tree) {
    try {
      process.kill(p, "SIGKILL");
    } catch {
      // already gone
    }
  }
}

function clock(d) {
  return d.toLocaleTimeString("zh-CN", { timeZone: "Asia/Shanghai", hour12: false });
}

async function banner(jobs) {
  const { demoAccounts, DEMO_PASSWORD } = await import("./demo/accounts.ts");
  const secs = Math.round((Date.now() - started) / 1000);
  const lines = [
    "",
    "════════════════════════════════════════════════════════════════",
    ` 数字化转型牵引单位管理系统已就绪（用时 ${secs} 秒）`,
    "",
    ` 首页           http://${HOST}:${ports.hosting}/`,
    ` 单位门户       http://${HOST}:${ports.hosting}/portal`,
    ` 试点工作管理台 http://${HOST}:${ports.hosting}/admin`,
    "",
    ` 演示账号（密码均为 ${DEMO_PASSWORD}）：`,
    ...demoAccounts.map((a) => `   ${a.email.padEnd(24)} ${a.displayName}  → ${a.start}`),
    "",
    ` 文件存储       ${process.env.FILES_BACKEND === "gcs" ? `Cloud Storage（${process.env.FILES_BUCKET ?? "默认存储桶"}）` : `本地磁盘 ${process.env.FILES_DIR ?? paths.files}`}`,
    ` 定时任务       ${jobs.map((j) => `${j.name}（${j.schedule}）`).join("、")}，经 Pub/Sub 模拟器按计划运行`,
    ` 本地数据       每 ${SNAPSHOT_MS / 60_000} 分钟自动保存到 ${join(paths.root)}`,
    ` 邮件收件箱     ${inbox ? `${inbox.url}（SMTP ${HOST}:${mailPorts.smtp}；mail 集合中的邮件由本地发送程序投递到这里，成员在单位门户“邮件提醒”中选择）` : "未启动（见上方错误）"}`,
    "",
    " 按 Ctrl-C 停止：先保存数据再关闭，下次启动自动导入。",
    " 重置为演示数据：npm run reset，然后再 npm start。",
    "════════════════════════════════════════════════════════════════",
  ];
  console.log(lines.join("\n"));
}
