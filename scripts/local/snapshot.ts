// Saves the running emulators' data as a snapshot the next start imports.
//
// Why not firebase-tools' --export-on-exit: it finds "the" hub of a project through one locator
// file per project id in the temp folder (hub-demo-traction.json), which every running instance
// of the project overwrites and the first to stop deletes. With a test run or a second checkout
// running beside `npm start`, Ctrl-C exported nothing, or another instance's data. Here the export
// request goes to this run's own hub port, whatever EMULATOR_PORT_OFFSET is.
//
// The hub writes into a fresh folder; only a complete export replaces the current snapshot, by two
// renames, so a kill at any moment leaves a whole snapshot behind (planStart recovers the swap).
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { snapshotProblem, type DataPaths } from "./localData.js";

/** Extra state kept inside the snapshot, so it matches the data it goes with. */
export const LOCAL_STATE_FILE = "local-state.json";

export async function saveSnapshot(hubOrigin: string, p: DataPaths, localState: unknown, initiatedBy = "npm start"): Promise<void> {
  mkdirSync(p.root, { recursive: true }); // the hub creates the export folder, not its parent
  rmSync(p.next, { recursive: true, force: true });
  const res = await fetch(`${hubOrigin}/_admin/export`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ path: p.next, initiatedBy }) });
  if (!res.ok) throw new Error(`模拟器导出失败（HTTP ${res.status}）：${(await res.text()).slice(0, 300)}`);
  const problem = snapshotProblem(p.next);
  if (problem) throw new Error(`导出不完整：${problem}`);
  writeFileSync(join(p.next, LOCAL_STATE_FILE), JSON.stringify(localState, null, 2));
  rmSync(p.previous, { recursive: true, force: true });
  if (existsSync(p.current)) renameSync(p.current, p.previous);
  renameSync(p.next, p.current);
  rmSync(p.previous, { recursive: true, force: true });
}

/**
 * firebase-tools stages each export in a `firebase-export-*` folder in its working directory and
 * moves it into place when done; an export cut short leaves that folder behind. Removes the ones
 * older than an hour (a younger one may belong to an export still running in another instance).
 */
export function removeStaleExportStaging(dir: string, now = Date.now()) {
  for (const name of readdirSync(dir)) {
    if (!name.startsWith("firebase-export-")) continue;
    const path = join(dir, name);
    if (now - statSync(path).mtimeMs > 3_600_000) rmSync(path, { recursive: true, force: true });
  }
}

/** The local state saved with a snapshot (empty for one saved before this file existed). */
export function readLocalState(dir: string): { scheduler?: Record<string, string> } {
  try {
    return JSON.parse(readFileSync(join(dir, LOCAL_STATE_FILE), "utf8"));
  } catch {
    return {};
  }
}
