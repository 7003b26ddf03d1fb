// Local-disk adapter: the embedded default for `npm start` and the tests (no Storage emulator can
// run here). Root folder from FILES_DIR; every path is resolved and checked to stay inside it.
import { createReadStream, createWriteStream } from "node:fs";
import { mkdir, readdir, rename, rm, stat } from "node:fs/promises";
import { dirname, join, relative, resolve, sep } from "node:path";
import { pipeline } from "node:stream/promises";
import type { FileStore, StoredObject } from "./fileStore.js";

/** Suffix of objects still being written; the sweeper removes stale ones. */
export const PART_SUFFIX = ".part";

export function localDiskStore(root: string): FileStore {
  const base = resolve(root);
  const full = (path: string) => {
    const p = resolve(base, path);
    if (p !== base && !p.startsWith(base + sep)) throw new Error(`object path escapes the files folder: ${path}`);
    return p;
  };
  return {
    backend: "local",
    async put(path, source) {
      const target = full(path);
      const temp = `${target}${PART_SUFFIX}`;
      await mkdir(dirname(target), { recursive: true });
      try {
        await pipeline(source, createWriteStream(temp, { flags: "wx" }));
        await rename(temp, target);
      } catch (err) {
        await rm(temp, { force: true });
        throw err;
      }
    },
    openRead: (path) => createReadStream(full(path)),
    async exists(path) {
      return stat(full(path)).then(
        (s) => s.isFile(),
        () => false,
      );
    },
    async remove(path) {
      await rm(full(path), { force: true });
    },
    async *list(prefix): AsyncIterable<StoredObject> {
      const start = full(prefix);
      const entries = await readdir(start, { recursive: true, withFileTypes: true }).catch(() => []);
      for (const e of entries) {
        if (!e.isFile()) continue;
        const abs = join(e.parentPath, e.name);
        const s = await stat(abs).catch(() => undefined);
        if (s) yield { path: relative(base, abs).split(sep).join("/"), size: s.size, updatedAt: s.mtime };
      }
    },
  };
}
