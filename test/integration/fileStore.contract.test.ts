// The FileStore contract: the same cases for every adapter. The local-disk adapter always runs;
// the Cloud Storage adapter runs only where a storage emulator or a test bucket is reachable
// (no Storage emulator can run on these machines — see docs/architecture.md, "Files").
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { buffer } from "node:stream/consumers";
import { afterAll, describe, expect, it } from "vitest";
import { cloudStorageStore } from "../../functions/src/files/cloudStorageStore.js";
import type { FileStore } from "../../functions/src/files/fileStore.js";
import { localDiskStore } from "../../functions/src/files/localDiskStore.js";
import { minimalPdf, sha256 } from "../support/uploads.js";

function contract(name: string, make: () => Promise<{ store: FileStore; done: () => Promise<void> }>, skip: boolean) {
  describe.skipIf(skip)(name, () => {
    let ctx: { store: FileStore; done: () => Promise<void> } | undefined;
    const store = async () => (ctx ??= await make()).store;
    afterAll(async () => ctx?.done());
    const prefix = `programmes/contract-${Date.now()}`;

    it("put then openRead returns the same bytes; exists and list see the object", async () => {
      const s = await store();
      const bytes = minimalPdf("contract");
      await s.put(`${prefix}/documents/a/v1`, Readable.from([bytes]), "application/pdf");
      expect(await s.exists(`${prefix}/documents/a/v1`)).toBe(true);
      expect(sha256(await buffer(s.openRead(`${prefix}/documents/a/v1`)))).toBe(sha256(bytes));
      const listed: string[] = [];
      for await (const o of s.list(prefix)) listed.push(o.path);
      expect(listed).toEqual([`${prefix}/documents/a/v1`]);
    });

    it("a failed stream leaves no object under the path", async () => {
      const s = await store();
      const failing = new Readable({ read() {} });
      failing.push(Buffer.from("%PDF-1.4 partial"));
      setTimeout(() => failing.destroy(new Error("client went away")), 20);
      await expect(s.put(`${prefix}/documents/b/v1`, failing, "application/pdf")).rejects.toThrow("client went away");
      expect(await s.exists(`${prefix}/documents/b/v1`)).toBe(false);
      const listed: string[] = [];
      for await (const o of s.list(`${prefix}/documents/b`)) listed.push(o.path);
      expect(listed).toEqual([]);
    });

    it("remove deletes the object and tolerates one that is already gone", async () => {
      const s = await store();
      await s.remove(`${prefix}/documents/a/v1`);
      expect(await s.exists(`${prefix}/documents/a/v1`)).toBe(false);
      await expect(s.remove(`${prefix}/documents/a/v1`)).resolves.toBeUndefined();
    });

    it("paths cannot escape the store (local) / are taken literally (Cloud Storage)", async () => {
      const s = await store();
      if (s.backend === "local") await expect(s.put("../outside", Readable.from([Buffer.from("x")]), "application/pdf")).rejects.toThrow(/escapes/);
      else expect(await s.exists("../outside")).toBe(false);
    });

  });
}

contract(
  "FileStore contract: local disk",
  async () => {
    const dir = await mkdtemp(join(tmpdir(), "files-contract-"));
    return { store: localDiskStore(dir), done: () => rm(dir, { recursive: true, force: true }) };
  },
  false,
);

const gcsConfigured = Boolean(process.env.STORAGE_EMULATOR_HOST || process.env.TEST_GCS_BUCKET);
contract(
  gcsConfigured ? "FileStore contract: Cloud Storage" : "FileStore contract: Cloud Storage (skipped: no STORAGE_EMULATOR_HOST or TEST_GCS_BUCKET here)",
  async () => ({ store: cloudStorageStore(process.env.TEST_GCS_BUCKET ?? "demo-traction-contract"), done: async () => undefined }),
  !gcsConfigured,
);

// The default reporter shows only a count of skipped tests; say why in the output as well.
if (!gcsConfigured) console.info("FileStore contract: Cloud Storage — skipped: no STORAGE_EMULATOR_HOST or TEST_GCS_BUCKET here");
