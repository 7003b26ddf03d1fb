// Node-side file helpers that need no emulator: download tokens and type sniffing.
import { describe, expect, it } from "vitest";
import { issueDownloadToken, verifyDownloadToken } from "../../functions/src/files/downloadToken.js";
import { readFilesConfig } from "../../functions/src/files/config.js";
import { sniff } from "../../functions/src/files/inspect.js";
import { fileNameForType } from "../../functions/src/domain/documents.js";

describe("download tokens", () => {
  const secret = "s3cret";
  const now = new Date("2025-06-10T08:00:00Z");
  const claim = { programmeId: "gz-2025", documentId: "doc1", linkId: "link1", exp: now.getTime() + 5 * 60_000 };

  it("GZ-2.2.13: a token names one document and works until it expires", () => {
    const t = issueDownloadToken(claim, secret);
    expect(verifyDownloadToken(t, secret, now)).toEqual(claim);
    expect(verifyDownloadToken(t, secret, new Date(claim.exp))).toBeUndefined();
    expect(verifyDownloadToken(t, "other", now)).toBeUndefined();
  });

  it("GZ-2.2.13: a token edited to name another document is refused", () => {
    const [, mac] = issueDownloadToken(claim, secret).split(".");
    const forged = Buffer.from(JSON.stringify({ p: "gz-2025", d: "doc2", l: "link1", e: claim.exp })).toString("base64url");
    expect(verifyDownloadToken(`${forged}.${mac}`, secret, now)).toBeUndefined();
    expect(verifyDownloadToken("garbage", secret, now)).toBeUndefined();
  });
});

describe("the download signing secret", () => {
  it("GZ-2.2.13: the development secret signs only on the emulator; anywhere else a real secret is required", () => {
    expect(readFilesConfig({ FUNCTIONS_EMULATOR: "true" }).downloadSecret).toMatch(/^dev-only/);
    // Deployed (Cloud Run sets K_SERVICE) or run by hand outside the emulator: no default.
    expect(() => readFilesConfig({ K_SERVICE: "downloaddocument" })).toThrow(/DOWNLOAD_TOKEN_SECRET/);
    expect(() => readFilesConfig({})).toThrow(/DOWNLOAD_TOKEN_SECRET/);
    expect(() => readFilesConfig({ K_SERVICE: "x", DOWNLOAD_TOKEN_SECRET: "dev-only-download-secret-not-for-production" })).toThrow(/DOWNLOAD_TOKEN_SECRET/);
    expect(readFilesConfig({ K_SERVICE: "x", DOWNLOAD_TOKEN_SECRET: "a-real-secret-of-enough-length-0123456789" }).downloadSecret).toBe("a-real-secret-of-enough-length-0123456789");
  });
});

describe("stored file names", () => {
  it("GZ-2.2.13: the extension always says what the bytes are: a PDF sent as evil.html is kept as evil.pdf", () => {
    expect(fileNameForType("evil.html", "application/pdf")).toBe("evil.pdf");
    expect(fileNameForType("营业执照.PDF", "application/pdf")).toBe("营业执照.PDF");
    expect(fileNameForType("身份证.jpeg", "image/jpeg")).toBe("身份证.jpeg");
    expect(fileNameForType("身份证.png", "image/jpeg")).toBe("身份证.jpg");
    expect(fileNameForType("扫描件", "image/png")).toBe("扫描件.png");
    expect(fileNameForType("report.pdf.svg", "application/pdf")).toBe("report.pdf.pdf");
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
