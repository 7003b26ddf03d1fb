// Helpers for upload tests: ID tokens from the Auth emulator, function URLs, a hand-built
// multipart body (so file names reach the server byte for byte), and real files built in code.
import { createHash } from "node:crypto";
import { readdir } from "node:fs/promises";
import { join, relative } from "node:path";
import { deflateSync } from "node:zlib";
import { DEMO_PASSWORD } from "../../scripts/demo/accounts.js";
import { hostPort, PROJECT_ID } from "./emulators.js";

export const sha256 = (b: Uint8Array) => createHash("sha256").update(b).digest("hex");

export async function idToken(email: string): Promise<string> {
  const a = hostPort("FIREBASE_AUTH_EMULATOR_HOST");
  const res = await fetch(`http://${a.host}:${a.port}/identitytoolkit.googleapis.com/v1/accounts:signInWithPassword?key=demo-api-key`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email, password: DEMO_PASSWORD, returnSecureToken: true }),
  });
  const json = (await res.json()) as { idToken?: string };
  if (!json.idToken) throw new Error(`sign-in failed for ${email}`);
  return json.idToken;
}

export async function functionUrl(name: string): Promise<string> {
  const hub = hostPort("FIREBASE_EMULATOR_HUB");
  const all = (await (await fetch(`http://${hub.host}:${hub.port}/emulators`)).json()) as Record<string, { host: string; port: number }>;
  return `http://${all.functions!.host}:${all.functions!.port}/${PROJECT_ID}/asia-east2/${name}`;
}

export interface FilePart {
  name: string;
  bytes: Uint8Array;
  contentType?: string;
}

export function multipart(fields: Record<string, string>, file?: FilePart): { body: Buffer; contentType: string } {
  const boundary = `----traction${Math.random().toString(16).slice(2)}`;
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields)) parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  if (file) {
    // The raw UTF-8 name, as browsers send it.
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name.replace(/"/g, "%22")}"\r\nContent-Type: ${file.contentType ?? "application/pdf"}\r\n\r\n`));
    parts.push(Buffer.from(file.bytes));
    parts.push(Buffer.from("\r\n"));
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { body: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}

export interface UploadAnswer {
  status: number;
  json: { documentId?: string; version?: number; previousVersionId?: string | null; sha256?: string; size?: number; contentType?: string; fileName?: string; error?: { code: string; message: string } };
}

export async function upload(token: string | undefined, fields: Record<string, string>, file?: FilePart): Promise<UploadAnswer> {
  const { body, contentType } = multipart(fields, file);
  const res = await fetch(await functionUrl("uploadDocument"), { method: "POST", headers: { "content-type": contentType, ...(token ? { authorization: `Bearer ${token}` } : {}) }, body });
  return { status: res.status, json: (await res.json()) as UploadAnswer["json"] };
}

/** A minimal but valid PDF (one empty A4 page), built by hand with a correct xref table. */
export function minimalPdf(note = "traction"): Buffer {
  const objects = ["<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>", "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>", `<< /Title (${note}) >>`];
  let out = "%PDF-1.4\n";
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(Buffer.byteLength(out));
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out);
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, "0")} 00000 n \n`).join("")}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R /Info 4 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, "latin1");
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf: Buffer): number {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}

/** A real PNG: width × height, 8-bit RGB, a red-to-blue gradient, zlib-compressed. */
export function realPng(width = 16, height = 16): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  const rows: number[] = [];
  for (let y = 0; y < height; y++) {
    rows.push(0); // filter: none
    for (let x = 0; x < width; x++) rows.push((x * 255) / width, 0, (y * 255) / height);
  }
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk("IHDR", ihdr), chunk("IDAT", deflateSync(Buffer.from(rows))), chunk("IEND", Buffer.alloc(0))]);
}

/** The start of a 64-bit Linux executable (ELF header), padded: what a renamed program looks like. */
export function elfExecutable(): Buffer {
  const b = Buffer.alloc(4096);
  b.set([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0], 0);
  b.writeUInt16LE(2, 16); // ET_EXEC
  b.writeUInt16LE(0x3e, 18); // x86-64
  return b;
}

/** A Windows executable: "MZ" DOS header pointing at a "PE\0\0" header. */
export function windowsExecutable(): Buffer {
  const b = Buffer.alloc(4096);
  b.write("MZ", 0, "ascii");
  b.writeUInt32LE(0x80, 0x3c);
  b.write("PE\0\0", 0x80, "latin1");
  b.writeUInt16LE(0x8664, 0x84);
  return b;
}

/** A PDF-looking file of exactly `size` bytes (valid header, padding after). */
export function pdfOfSize(size: number): Buffer {
  const head = minimalPdf();
  const b = Buffer.alloc(size, 0x20);
  head.copy(b, 0, 0, Math.min(head.length, size));
  return b;
}

/** Every file under the files folder, relative paths (to prove refused uploads leave nothing). */
export async function filesOnDisk(): Promise<string[]> {
  const root = process.env.FILES_DIR;
  if (!root) throw new Error("FILES_DIR is not set: run through scripts/emulators.mjs");
  const entries = await readdir(root, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.filter((e) => e.isFile()).map((e) => relative(root, join(e.parentPath, e.name))).sort();
}
