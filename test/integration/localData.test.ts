// Local data is never lost (issue 16.8). This run's emulators, at whatever EMULATOR_PORT_OFFSET
// `npm test` has, are saved through this run's own hub (no firebase-tools locator file, which
// another instance of the project overwrites); a start with saved data it cannot import refuses
// and seeds nothing; and a real `npm start` at a second offset beside this run says 已就绪 only
// with every function loaded, saves every few minutes, and on SIGTERM to the npm process saves
// once more and stops everything.
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemo } from "../../scripts/demo/seed.js";
import { dataPaths, markSeeded, planStart, snapshotProblem } from "../../scripts/local/localData.js";
import { exportedFunctions } from "../../scripts/local/ready.js";
import { readLocalState, saveSnapshot } from "../../scripts/local/snapshot.js";
import { admin, clearFirestore, eventually, hostPort, PROJECT_ID } from "../support/emulators.js";

const ROOT = resolve(fileURLToPath(new URL("../..", import.meta.url)));
const work = mkdtempSync(join(tmpdir(), "traction-local-data-"));
const saved = dataPaths(join(work, "saved"));
const hub = hostPort("FIREBASE_EMULATOR_HUB");
const offset = Number(process.env.EMULATOR_PORT_OFFSET ?? 0);
// The second instance: another whole-thousand offset, away from this run's and from any other
// instance of the project running on this machine (every one of its ports must be free).
const BASE_PORTS = [9099, 8080, 5001, 8085, 5000, 4400, 4500, 9299, 9499, 9150];
const UNSAFE_PORTS = new Set([6000, 6566, 6665, 6666, 6667, 6668, 6669, 6697, 10080]);
function portFree(port: number): Promise<boolean> {
  return new Promise((res) => {
    const server = createServer();
    server.once("error", () => res(false));
    server.listen(port, "127.0.0.1", () => server.close(() => res(true)));
  });
}
async function freeOffset(): Promise<number> {
  if (process.env.TRACTION_TEST_SECOND_OFFSET) return Number(process.env.TRACTION_TEST_SECOND_OFFSET);
  const candidates = [10_000, 20_000, 30_000, 40_000, -10_000, -20_000, -30_000, -40_000].map((d) => offset + d).filter((o) => o >= 0 && o <= 50_000);
  for (const o of candidates) {
    const shifted = BASE_PORTS.map((p) => (UNSAFE_PORTS.has(p + o) ? p + o + 7 : p + o));
    if ((await Promise.all(shifted.map(portFree))).every(Boolean)) return o;
  }
  throw new Error("no free port offset for a second instance on this machine");
}
const SECOND = await freeOffset();

/** Whether any file of a snapshot's Firestore export holds this text (the export stores strings as UTF-8). */
function snapshotHolds(dir: string, text: string): boolean {
  const root = join(dir, "firestore_export");
  const files = readdirSync(root, { recursive: true, withFileTypes: true }).filter((f) => f.isFile());
  return files.some((f) => readFileSync(join(f.parentPath, f.name)).includes(Buffer.from(text)));
}

/** `npm start` without the emulator variables of this run, at another offset and data folder. */
function npmStart(dataDir: string, extra: Record<string, string> = {}) {
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(FIREBASE_|FIRESTORE_EMULATOR_HOST|GCLOUD_PROJECT|PUBSUB_EMULATOR_HOST|IS_FIREBASE_CLI|FILES_DIR|WEB_BASE_URL|TRACTION_)/.test(k)));
  const child = spawn("npm", ["start", "--", "--no-build"], { cwd: ROOT, env: { ...env, EMULATOR_PORT_OFFSET: String(SECOND), TRACTION_DATA_DIR: dataDir, ...extra }, stdio: ["ignore", "pipe", "pipe"] });
  let out = "";
  child.stdout!.on("data", (b) => (out += b));
  child.stderr!.on("data", (b) => (out += b));
  const exited = new Promise<number | null>((res) => child.on("exit", (code) => res(code)));
  return { child, output: () => out, exited };
}

let running: ChildProcess | undefined;
beforeAll(async () => {
  await clearFirestore();
  await seedDemo(admin());
  await admin().db.doc("localDataProbe/first").set({ text: "偏移端口快照探针" });
});
afterAll(() => {
  if (running?.exitCode === null) running.kill("SIGKILL");
  rmSync(work, { recursive: true, force: true });
});

describe("saving this run's data", () => {
  it(`saves through this run's own hub (offset ${offset}) into a snapshot the next start imports`, async () => {
    expect(hub.port).toBe(4400 + offset); // firebase.json's hub port, shifted by the offset
    await saveSnapshot(`http://${hub.host}:${hub.port}`, saved, { scheduler: { noticeCycle: "2026-11-30T16:15:00.000Z" } }, "test");
    expect(snapshotProblem(saved.current)).toBeUndefined();
    expect(snapshotHolds(saved.current, "偏移端口快照探针")).toBe(true);
    expect(readFileSync(join(saved.current, "auth_export", "accounts.json"), "utf8")).toContain("staff.gz@example.com");
    expect(readLocalState(saved.current)).toEqual({ scheduler: { noticeCycle: "2026-11-30T16:15:00.000Z" } });
    expect(planStart(saved)).toEqual({ kind: "import", dir: saved.current });
  });

  it("a save cut short by a kill leaves a whole snapshot, and the next start takes that one", async () => {
    const p = dataPaths(join(work, "interrupted"));
    await saveSnapshot(`http://${hub.host}:${hub.port}`, p, {});
    renameSync(p.current, p.previous); // killed between the two renames…
    mkdirSync(p.next); // …with the new export incomplete
    expect(planStart(p)).toEqual({ kind: "import", dir: p.current, recovered: p.previous });
    expect(snapshotProblem(p.current)).toBeUndefined();
  });
});

describe("a start never seeds over saved data", () => {
  it("refuses when the folder was seeded but its snapshot is gone, or the snapshot cannot be imported", () => {
    const gone = dataPaths(join(work, "gone"));
    markSeeded(gone, "2026-11-30");
    expect(planStart(gone)).toMatchObject({ kind: "refuse", reason: expect.stringContaining("找不到已保存的本地数据") });
    const broken = dataPaths(join(work, "broken"));
    mkdirSync(broken.current, { recursive: true });
    writeFileSync(join(broken.current, "firebase-export-metadata.json"), "{");
    expect(planStart(broken)).toMatchObject({ kind: "refuse", reason: expect.stringContaining("无法导入") });
    expect(planStart(dataPaths(join(work, "fresh")))).toEqual({ kind: "seed" });
  });

  it("npm start says so in Chinese and exits before starting any emulator", async () => {
    const gone = join(work, "gone");
    const start = npmStart(gone);
    expect(await start.exited).toBe(1);
    expect(start.output()).toContain("为免用新的演示数据掩盖这次丢失，本次不启动");
    expect(start.output()).not.toContain("首次启动");
    expect(existsSync(join(gone, "emulators"))).toBe(false);
  }, 60_000);
});

describe(`npm start beside this run, at offset ${SECOND}`, () => {
  it("is ready only with every function loaded, saves while running, and on SIGTERM to npm saves and stops everything", async () => {
    const dir = join(work, "second");
    mkdirSync(dir);
    renameSync(saved.current, join(dir, "emulators"));
    markSeeded(dataPaths(dir), "2026-11-30");
    const start = npmStart(dir, { TRACTION_SNAPSHOT_MINUTES: "0.25" });
    running = start.child;
    await eventually(async () => (start.output().includes("已就绪") ? true : undefined), "已就绪", 240_000);
    expect(start.output()).toContain("导入已保存的本地数据");
    expect(start.output()).not.toContain("演示数据已写入");

    // At 已就绪 every exported function is loaded.
    const secondHub = `http://127.0.0.1:${4400 + SECOND}`;
    const emus = (await (await fetch(`${secondHub}/emulators`)).json()) as Record<string, { host: string; port: number }>;
    const { backends } = (await (await fetch(`http://${emus.functions!.host}:${emus.functions!.port}/backends`)).json()) as { backends: { functionTriggers: { name: string }[] }[] };
    const loaded = backends.flatMap((b) => b.functionTriggers.map((t) => t.name));
    expect(exportedFunctions(ROOT).filter((n) => !loaded.includes(n))).toEqual([]);

    // A second start on the same folder is refused while this one runs.
    const twin = npmStart(dir);
    expect(await twin.exited).toBe(1);
    expect(twin.output()).toContain("正在使用本地数据目录");

    // Data entered while running reaches the snapshot without a stop.
    const firestore = `http://${emus.firestore!.host}:${emus.firestore!.port}/v1/projects/${PROJECT_ID}/databases/(default)/documents`;
    const write = (id: string, text: string) => fetch(`${firestore}/localDataProbe/${id}`, { method: "PATCH", headers: { authorization: "Bearer owner", "content-type": "application/json" }, body: JSON.stringify({ fields: { text: { stringValue: text } } }) });
    expect((await write("periodic", "运行中自动保存探针")).ok).toBe(true);
    await eventually(async () => (snapshotHolds(join(dir, "emulators"), "运行中自动保存探针") ? true : undefined), "a periodic snapshot", 90_000);

    // SIGTERM to the npm process itself: saved once more, everything stopped, exit 0.
    expect((await write("final", "停止前保存探针")).ok).toBe(true);
    start.child.kill("SIGTERM");
    expect(await Promise.race([start.exited, new Promise((r) => setTimeout(() => r("still running"), 120_000))])).toBe(0);
    expect(start.output()).toContain("已保存到");
    expect(snapshotHolds(join(dir, "emulators"), "停止前保存探针")).toBe(true);
    expect(snapshotHolds(join(dir, "emulators"), "偏移端口快照探针")).toBe(true);
    await expect(fetch(`${secondHub}/emulators`)).rejects.toThrow();
    await expect(fetch(`${firestore}/localDataProbe/final`)).rejects.toThrow();
    expect(existsSync(dataPaths(dir).lock)).toBe(false);
  }, 420_000);
});
