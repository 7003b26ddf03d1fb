// Cloud Storage adapter (production). Objects are private; clients get only V4 signed URLs that
// last minutes, handed out by the download callable after its access check and audit entry.
import { Storage } from "@google-cloud/storage";
import type { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { FileStore, StoredObject } from "./fileStore.js";

export function cloudStorageStore(bucketName: string, storage = new Storage()): FileStore {
  const bucket = storage.bucket(bucketName);
  return {
    backend: "gcs",
    async put(path, source: Readable, contentType) {
      // resumable:false — one request; the object exists only if the whole upload succeeded.
      // ifGenerationMatch 0: never overwrite an existing object (paths are unique per version).
      await pipeline(source, bucket.file(path).createWriteStream({ resumable: false, contentType, preconditionOpts: { ifGenerationMatch: 0 }, metadata: { cacheControl: "private, no-store" } }));
    },
    openRead: (path) => bucket.file(path).createReadStream(),
    async exists(path) {
      const [yes] = await bucket.file(path).exists();
      return yes;
    },
    async remove(path) {
      await bucket.file(path).delete({ ignoreNotFound: true });
    },
    async *list(prefix): AsyncIterable<StoredObject> {
      const [files] = await bucket.getFiles({ prefix });
      for (const f of files) yield { path: f.name, size: Number(f.metadata.size ?? 0), updatedAt: new Date(String(f.metadata.updated ?? f.metadata.timeCreated ?? 0)) };
    },
  };
}
