// Bad input at the upload endpoint (issue 9): generated junk in every multipart field and in the
// file bytes, from a unit member and from nobody. Every answer is a 4xx with a Chinese message and
// no stack trace, and nothing is left behind — no metadata row, no object on disk, no audit entry.
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { account } from "../../scripts/demo/accounts.js";
import { seedDemo } from "../../scripts/demo/seed.js";
import { makeUscc } from "../../functions/src/domain/uscc.js";
import { collections } from "../../functions/src/store/collections.js";
import { admin, clearFirestore, closeClients } from "../support/emulators.js";
import { elfExecutable, filesOnDisk, idToken, minimalPdf, upload } from "../support/uploads.js";

const P = "gz-2025";
const CJK = /[\u4e00-\u9fff]/;
const LEAK = /\bat [\w.<>]+ \(|\.(?:ts|js):\d+|TypeError|ReferenceError|Cannot read|Invalid input/;
let token = "";

async function counts() {
  const { db } = admin();
  const [docs, audit] = await Promise.all([db.collection(`programmes/${P}/documents`).count().get(), db.collection(`programmes/${P}/audit`).count().get()]);
  return { docs: docs.data().count, audit: audit.data().count, files: (await filesOnDisk()).length };
}

describe("upload endpoint: generated junk is refused in Chinese and writes nothing", () => {
  beforeAll(async () => {
    await clearFirestore();
    await seedDemo(admin());
    await collections.changes(P).doc("junk-target").set({ unitId: "gz-u01", type: "partnerAdd", state: "draft", payload: { type: "partnerAdd", name: "新伙伴（演示）", uscc: makeUscc(41) }, documents: [] });
    token = await idToken(account("member-gz-01").email);
  });
  afterAll(closeClients);

  it("35 generated junk uploads, from a unit member or from nobody: 4xx, Chinese, no trace, nothing written", async () => {
    const before = await counts();
    const field = fc.oneof(
      fc.string({ maxLength: 40 }),
      fc.constantFrom("", "../../etc/passwd", "gz-2025", "dg-2025", "junk-target", "2026-02-30", "true", "maybe", "businessLicence", "change", "report", "proceeding", "x".repeat(5000)),
    );
    const junk = fc.record({
      programmeId: field,
      targetType: field,
      targetId: field,
      kind: field,
      issuedOn: field,
      stamped: field,
      bytes: fc.oneof(fc.uint8Array({ maxLength: 2000 }), fc.constant(elfExecutable()), fc.constant(new Uint8Array()), fc.constant(minimalPdf("junk"))),
      fileName: fc.string({ maxLength: 300 }),
      anonymous: fc.boolean(),
    });
    let tried = 0;
    await fc.assert(
      fc.asyncProperty(junk, async (j) => {
        // A PDF with every field valid would be a legitimate upload, not junk: keep at least one field wrong.
        const fields = { programmeId: j.programmeId, targetType: j.targetType, targetId: j.targetId, kind: j.kind, issuedOn: j.issuedOn, stamped: j.stamped };
        fc.pre(!(j.programmeId === P && j.targetType === "change" && j.targetId === "junk-target" && j.kind === "businessLicence"));
        tried++;
        const answer = await upload(j.anonymous ? undefined : token, fields, { name: j.fileName || "x", contentType: "application/pdf", bytes: Buffer.from(j.bytes) });
        expect(answer.status).toBeGreaterThanOrEqual(400);
        expect(answer.status).toBeLessThan(500);
        const message = answer.json?.error?.message ?? "";
        expect(message).toMatch(CJK);
        expect(message).not.toMatch(LEAK);
      }),
      { numRuns: 35, seed: 20261123 },
    );
    expect(tried).toBeGreaterThanOrEqual(30);
    expect(await counts()).toEqual(before);
  });
});
