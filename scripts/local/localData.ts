// Where `npm start` keeps its local data and what a start does with it. The rule:
// data saved once is never silently replaced. A start imports the saved snapshot; seeds the demo
// only when nothing was ever seeded here; and refuses, saying why, when it finds data it cannot
// import or a seeded checkout whose snapshot is gone.
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = resolve(fileURLToPath(new URL("../..", import.meta.url)));

export interface DataPaths {
  root: string;
  /** The snapshot the next start imports (a firebase-tools export folder). */
  current: string;
  /** A snapshot being written; promoted to `current` only once complete. */
  next: string;
  /** The previous snapshot, kept for the moment of the swap. */
  previous: string;
  /** Written once the demo is seeded: from then on a missing snapshot is a loss, not a first start. */
  seeded: string;
  /** The pid of the `npm start` using this folder. */
  lock: string;
  /** The functions' document store (no Storage emulator here). */
  files: string;
}

/** `.data/` in the checkout, or TRACTION_DATA_DIR (tests use a temporary folder). */
export function dataPaths(root = process.env.TRACTION_DATA_DIR ?? join(ROOT, ".data")): DataPaths {
  return { root, current: join(root, "emulators"), next: join(root, "emulators.next"), previous: join(root, "emulators.previous"), seeded: join(root, "seeded.json"), lock: join(root, "start.lock"), files: join(root, "files") };
}

/** Why a folder is not an importable snapshot, or undefined when it is. */
export function snapshotProblem(dir: string): string | undefined {
  const metaFile = join(dir, "firebase-export-metadata.json");
  if (!existsSync(metaFile)) return "缺少 firebase-export-metadata.json";
  let meta: { firestore?: { path?: string; metadata_file?: string }; auth?: { path?: string } };
  try {
    meta = JSON.parse(readFileSync(metaFile, "utf8"));
  } catch {
    return "firebase-export-metadata.json 不是有效的 JSON";
  }
  if (!meta.firestore?.metadata_file || !existsSync(join(dir, meta.firestore.metadata_file))) return "缺少 Firestore 导出文件";
  if (!meta.auth?.path || !existsSync(join(dir, meta.auth.path, "accounts.json"))) return "缺少账号（Auth）导出文件";
  return undefined;
}

export type StartPlan = { kind: "seed" } | { kind: "import"; dir: string; recovered?: string } | { kind: "refuse"; reason: string };

/**
 * What this start does with the data folder. A snapshot swap cut short by a kill leaves a complete
 * `next` or `previous` beside a missing `current`; that one is promoted first.
 */
export function planStart(p: DataPaths): StartPlan {
  let recovered: string | undefined;
  if (!existsSync(p.current)) {
    for (const candidate of [p.next, p.previous]) {
      if (existsSync(candidate) && !snapshotProblem(candidate)) {
        renameSync(candidate, p.current);
        recovered = candidate;
        break;
      }
    }
  }
  if (existsSync(p.current)) {
    const problem = snapshotProblem(p.current);
    if (!problem) return { kind: "import", dir: p.current, ...(recovered ? { recovered } : {}) };
    return {
      kind: "refuse",
      reason: `已保存的本地数据无法导入（${p.current}：${problem}）。为免覆盖，本次不启动，也不写入演示数据。请检查或移走该目录后重试；确认不再需要这些数据时，执行 npm run reset 再 npm start。`,
    };
  }
  const seeded = readSeeded(p);
  if (seeded) {
    return {
      kind: "refuse",
      reason: `此目录已于 ${seeded.seededOn} 写入过演示数据，但找不到已保存的本地数据（${p.current}）。为免用新的演示数据掩盖这次丢失，本次不启动。若数据目录曾被移走，请放回；确认要从头开始时，执行 npm run reset 再 npm start。`,
    };
  }
  return { kind: "seed" };
}

export function readSeeded(p: DataPaths): { seededOn: string } | undefined {
  try {
    return JSON.parse(readFileSync(p.seeded, "utf8"));
  } catch {
    return undefined;
  }
}

export function markSeeded(p: DataPaths, seededOn: string) {
  mkdirSync(p.root, { recursive: true });
  writeFileSync(p.seeded, JSON.stringify({ seededOn }, null, 2));
}

/** Takes the folder for this process, or names the live `npm start` that holds it. */
export function takeLock(p: DataPaths): { ok: true } | { ok: false; pid: number } {
  mkdirSync(p.root, { recursive: true });
  try {
    const pid = Number(readFileSync(p.lock, "utf8"));
    if (pid && pid !== process.pid && alive(pid)) return { ok: false, pid };
  } catch {
    // no lock yet
  }
  writeFileSync(p.lock, String(process.pid));
  return { ok: true };
}

export function releaseLock(p: DataPaths) {
  try {
    if (Number(readFileSync(p.lock, "utf8")) === process.pid) rmSync(p.lock);
  } catch {
    // already gone
  }
}

function alive(pid: number) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}
