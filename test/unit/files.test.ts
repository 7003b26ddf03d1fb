// Node-side file helpers that need no emulator: download tokens and type sniffing.
import { describe, expect, it } from "vitest";
import { issueDownloadToken, verifyDownloadToken } from "../../functions/src/files/downloadToken.js";
import { sniff } from "../../functions/src/files/inspect.js";

describe("download tokens", () => {
  const secret = "s3cret";
  const now = new Date("2025-06-10T08:00:00Z");
  const claim = { programmeId: "gz-2025", documentId: "doc1", exp: now.getTime() + 5 * 60_000 };

  it("GZ-2.2.13: a token names one document and works until it expires", () => {
    const t = issueDownloadToken(claim, secret);
    expect(verifyDownloadToken(t, secret, now)).toEqual(claim);
    expect(verifyDownloadToken(t, secret, new Date(claim.exp))).toBeUndefined();
    expect(verifyDownloadToken(t, "other", now)).toBeUndefined();
  });

  it("GZ-2.2.13: a token edited to name another document is refused", () => {
    const [, mac] = issueDownloadToken(claim, secret).split(".");
    const forged = Buffer.from(JSON.stringify({ p: "gz-2025", d: "doc2", e: claim.exp })).toString("base64url");
    expect(verifyDownloadToken(`${forged}.${mac}`, secret, now)).toBeUndefined();
    expect(verifyDownloadToken("garbage", secret, now)).toBeUndefined();
  });
});

describe("type sniffing", () => {
  it("knows PDF, JPEG and PNG by their bytes, and nothing else", async () => {
    expect(await sniff(Buffer.from("%PDF-1.4\n%âãÏÓ\n1 0 obj\n"))).toBe("application/pdf");
    expect(await sniff(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46, 0, 1]))).toBe("image/jpeg");
    expect(await sniff(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]))).toBe("image/png");
    expect(await sniff(Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1]), Buffer.alloc(60)]))).toBeUndefined();
    expect(await sniff(Buffer.from("plain text pretending to be a pdf"))).toBeUndefined();
  });
});
