// Looks at the bytes as they stream past on their way to storage: counts them, hashes them
// (SHA-256) and sniffs the real type from the first bytes (file-type), refusing anything but
// PDF, JPEG and PNG as soon as the head has been seen — the declared name or type is never trusted.
import { createHash } from "node:crypto";
import { Transform, type TransformCallback } from "node:stream";
import { fileTypeFromBuffer } from "file-type";
import { ACCEPTED_FILE_TYPES, type AcceptedContentType } from "../domain/documents.js";

/** file-type needs at most this many bytes to decide. */
const HEAD = 4100;

export class FileRefused extends Error {
  constructor(
    readonly code: "FILE_EMPTY" | "FILE_TYPE" | "FILE_TOO_LARGE",
    readonly status: 400 | 413 | 415,
  ) {
    super(code);
    this.name = "FileRefused";
  }
}

export async function sniff(head: Uint8Array): Promise<AcceptedContentType | undefined> {
  const found = await fileTypeFromBuffer(head);
  return found && found.ext in ACCEPTED_FILE_TYPES ? ACCEPTED_FILE_TYPES[found.ext as keyof typeof ACCEPTED_FILE_TYPES] : undefined;
}

export class Inspector extends Transform {
  readonly hash = createHash("sha256");
  size = 0;
  contentType: AcceptedContentType | undefined;
  private head: Buffer[] = [];
  private headSize = 0;

  override _transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback) {
    this.size += chunk.length;
    this.hash.update(chunk);
    if (this.contentType) return done(null, chunk);
    this.head.push(chunk);
    this.headSize += chunk.length;
    if (this.headSize < HEAD) return done();
    // Hold the bytes back until the type is known, so a refused file never reaches storage.
    this.decide().then(() => done(null, Buffer.concat(this.head.splice(0))), done);
  }

  override _flush(done: TransformCallback) {
    if (this.contentType) return done();
    if (this.size === 0) return done(new FileRefused("FILE_EMPTY", 400));
    this.decide().then(() => done(null, Buffer.concat(this.head.splice(0))), done);
  }

  private async decide() {
    const type = await sniff(Buffer.concat(this.head));
    if (!type) throw new FileRefused("FILE_TYPE", 415);
    this.contentType = type;
  }

  private digest: string | undefined;
  /** Hex SHA-256 of every byte that passed; read after the stream has finished. */
  get sha256(): string {
    this.digest ??= this.hash.digest("hex");
    return this.digest;
  }
}
