// One interface for where document bytes live. Paths are built from ids only
// (domain/documents.ts `documentObjectPath`); no adapter ever sees a client's file name as a path.
import type { Readable } from "node:stream";

export interface StoredObject {
  path: string;
  size: number;
  updatedAt: Date;
}

export interface FileStore {
  /** "local" (disk, for npm start and the tests) or "gcs" (Cloud Storage, production). */
  readonly backend: "local" | "gcs";
  /**
   * Streams `source` into the object. The object appears under `path` only once complete (the
   * local adapter writes a temporary file and renames it; Cloud Storage commits on finish), so a
   * failed or refused upload never leaves a half-written object under a real path.
   */
  put(path: string, source: Readable, contentType: string): Promise<void>;
  openRead(path: string): Readable;
  exists(path: string): Promise<boolean>;
  /** Only for cleaning up a failed upload or an orphan: documents themselves are never deleted. */
  remove(path: string): Promise<void>;
  /** Every object under a prefix, including unfinished temporary ones (for the orphan sweeper). */
  list(prefix: string): AsyncIterable<StoredObject>;
}
