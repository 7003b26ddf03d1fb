// Emulator harness: makes `firebase emulators:*` work offline on machines that ship Google's
// emulators as Debian packages (see shared spec env.md), and leaves firebase-tools to download
// them as usual everywhere else.
//
//   node scripts/emulators.mjs exec "<command>"   run a command inside emulators:exec
//   node scripts/emulators.mjs env                 print the environment it would set
//
// Other scripts import { emulatorEnv, firebaseBin, PROJECT_ID } from here.
import { randomBytes } from "node:crypto";
import { execFileSync, spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
export const PROJECT_ID = "demo-traction";
export const firebaseBin = join(ROOT, "node_modules", ".bin", "firebase");
const CACHE = join(ROOT, ".cache", "emulators");

const FIRESTORE_JAR = "/usr/lib/google-cloud-sdk/platform/cloud-firestore-emulator/cloud-firestore-emulator.jar";
const PUBSUB_BIN = "/usr/lib/google-cloud-sdk/platform/pubsub-emulator/bin/cloud-pubsub-emulator";
const FIRESTORE_MAIN = "com.google.cloud.datastore.emulator.firestore.CloudFirestore";

/** firebase-tools 13 needs Java 11+; 14+ would need 21, which is why it is pinned to 13.35.1. */
export function checkJava() {
  // `java -version` writes to stderr.
  const r = spawnSync("java", ["-version"], { encoding: "utf8" });
  if (r.error) fail("未找到 Java：Firebase 模拟器需要 Java 11 或更高版本，请先安装（Debian/Ubuntu：apt-get install -y openjdk-17-jre-headless）。");
  const out = `${r.stderr ?? ""}${r.stdout ?? ""}`;
  const m = /version "(\d+)(?:\.(\d+))?/.exec(out);
  const major = m ? (m[1] === "1" ? Number(m[2]) : Number(m[1])) : NaN;
  if (!(major >= 11)) {
    fail(`Java 版本过低（${m ? m[0] : "无法识别"}）：Firebase 模拟器需要 Java 11 或更高版本，请安装 openjdk-17-jre-headless。`);
  }
  return major;
}

function fail(sentence) {
  console.error(`\n✖ ${sentence}\n`);
  process.exit(1);
}

/**
 * The Firestore JAR has no Main-Class and firebase-tools runs `java -jar`, so we build a tiny
 * launcher JAR whose manifest names the main class and puts the real JAR on the class path.
 */
function firestoreLauncher() {
  if (!existsSync(FIRESTORE_JAR)) return undefined;
  const launcher = join(CACHE, "firestore-launcher.jar");
  if (existsSync(launcher)) return launcher;
  mkdirSync(CACHE, { recursive: true });
  const manifest = join(CACHE, "manifest.txt");
  writeFileSync(manifest, `Main-Class: ${FIRESTORE_MAIN}\nClass-Path: ${FIRESTORE_JAR}\n`);
  try {
    execFileSync("jar", ["cfm", launcher, manifest], { cwd: CACHE, stdio: "pipe" });
  } catch {
    fail("找不到 jar 命令，无法生成 Firestore 模拟器启动包：请安装完整的 JDK（apt-get install -y openjdk-17-jdk-headless）。");
  }
  return launcher;
}

/** Environment for firebase-tools: local emulator binaries where the machine has them. */
export function emulatorEnv(base = process.env) {
  checkJava();
  const env = { ...base };
  const launcher = firestoreLauncher();
  if (launcher) env.FIRESTORE_EMULATOR_BINARY_PATH = launcher;
  if (existsSync(PUBSUB_BIN)) env.PUBSUB_EMULATOR_BINARY_PATH = PUBSUB_BIN;
  // Functions run with the local disk as their file store (no Storage emulator here).
  env.FILES_DIR ??= join(ROOT, ".data", "files");
  // Download links are signed with a fresh secret each run: the functions and the test process
  // share it, and no fixed development secret exists to be copied anywhere else.
  env.DOWNLOAD_TOKEN_SECRET ??= randomBytes(32).toString("hex");
  // firebase-tools gives the functions 10 s to load; on a machine busy with a second emulator set
  // that is not enough, and a timeout here says nothing about the code (seconds).
  env.FUNCTIONS_DISCOVERY_TIMEOUT ??= "120";
  return env;
}

export const EMULATORS = "auth,firestore,functions,pubsub,hosting";

// Ports as in firebase.json. EMULATOR_PORT_OFFSET=N shifts every one of them (through a
// generated config file), so two checkouts can run their suites side by side.
const BASE_PORTS = { auth: 9099, firestore: 8080, functions: 5001, pubsub: 8085, hosting: 5000, hub: 4400, logging: 4500, eventarc: 9299, tasks: 9499 };
export const PORT_OFFSET = Number(process.env.EMULATOR_PORT_OFFSET ?? 0);
// Base ports differ by multiples of 100 (hub 4400, logging 4500, auth 9099 vs eventarc 9299...),
// so only offsets in whole thousands keep two runs from taking each other's ports. The highest
// base port (9499) plus 56000 is still below 65536.
if (!Number.isInteger(PORT_OFFSET) || PORT_OFFSET % 1000 !== 0 || PORT_OFFSET < 0 || PORT_OFFSET > 56000) {
  console.error("✖ EMULATOR_PORT_OFFSET 须为 0 到 56000 之间 1000 的整数倍（例如 1000、2000），否则两次运行的端口会相互占用。");
  process.exit(2);
}
// fetch (undici) and Chromium refuse a few ports outright ("bad port", ERR_UNSAFE_PORT): 8080 + 2000
// = 10080 and 5000 + 1000 = 6000 among them. Such a port steps on by 7, which no base port plus a
// whole-thousand offset reaches, so runs still cannot collide.
const UNSAFE_PORTS = new Set([6000, 6566, 6665, 6666, 6667, 6668, 6669, 6697, 10080]);
export const ports = Object.fromEntries(Object.entries(BASE_PORTS).map(([k, v]) => [k, UNSAFE_PORTS.has(v + PORT_OFFSET) ? v + PORT_OFFSET + 7 : v + PORT_OFFSET]));

// The local mail: the dev inbox's SMTP port and its web page / JSON API (maildev), shifted like the
// emulators'. 2525 and 2580 share no last three digits with any base port above (nor with those
// ports' unsafe-port steps), so no whole-thousand offset makes them meet.
export const mailPorts = { smtp: 2525 + PORT_OFFSET, inbox: 2580 + PORT_OFFSET };

function configArgs() {
  if (!PORT_OFFSET) return [];
  const config = JSON.parse(readFileSync(join(ROOT, "firebase.json"), "utf8"));
  for (const [name, port] of Object.entries(ports)) config.emulators[name] = { ...config.emulators[name], host: "127.0.0.1", port };
  config.emulators.firestore.websocketPort = 9150 + PORT_OFFSET;
  // Paths in firebase.json are relative to the file, so the variant lives beside it.
  const file = join(ROOT, `firebase.offset-${PORT_OFFSET}.json`);
  writeFileSync(file, JSON.stringify(config, null, 2));
  return ["--config", file];
}

/** Build-time variables that point the web app at this run's emulator ports. */
export function webBuildEnv(base = process.env) {
  return { ...base, VITE_AUTH_EMULATOR_PORT: String(ports.auth), VITE_FIRESTORE_EMULATOR_PORT: String(ports.firestore), VITE_FUNCTIONS_EMULATOR_PORT: String(ports.functions) };
}

/** Spawn firebase-tools with the harness environment; resolves with its exit code. */
export function runFirebase(args, options = {}) {
  const child = spawn(firebaseBin, [...args, ...configArgs(), "--project", PROJECT_ID], {
    cwd: ROOT,
    env: emulatorEnv(options.env ?? process.env),
    stdio: options.stdio ?? "inherit",
    detached: options.detached ?? false,
  });
  return { child, done: new Promise((res) => child.on("exit", (code, signal) => res(code ?? (signal ? 1 : 0)))) };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [cmd, script] = process.argv.slice(2);
  if (cmd === "env") {
    const env = emulatorEnv();
    for (const k of ["FIRESTORE_EMULATOR_BINARY_PATH", "PUBSUB_EMULATOR_BINARY_PATH", "FILES_DIR"]) console.log(`${k}=${env[k] ?? "(firebase-tools default)"}`);
  } else if (cmd === "exec" && script) {
    // QUIET keeps hosting's per-request access log out of the test output; warnings and
    // function errors still show.
    // Each run gets its own empty file store: `npm start` keeps its files in .data/files, and its
    // hourly orphan sweep there must never meet (or delete) files this run's tests write.
    const env = { ...process.env, WEB_BASE_URL: `http://127.0.0.1:${ports.hosting}` };
    if (!env.FILES_DIR) {
      env.FILES_DIR = join(CACHE, `files-offset-${PORT_OFFSET}`);
      rmSync(env.FILES_DIR, { recursive: true, force: true });
    }
    const { done } = runFirebase(["emulators:exec", "--only", EMULATORS, "--log-verbosity", "QUIET", script], { env });
    process.exit(await done);
  } else {
    console.error('usage: node scripts/emulators.mjs env | exec "<command>"');
    process.exit(2);
  }
}
