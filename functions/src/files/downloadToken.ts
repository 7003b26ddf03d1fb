// Local-disk download links: an HMAC-signed token naming one document and an expiry a few
// minutes ahead. The downloadDocument function streams the bytes only for a valid, unexpired
// token; the access check and the audit entry happened when the token was issued.
import { createHmac, timingSafeEqual } from "node:crypto";

export interface DownloadClaim {
  programmeId: string;
  documentId: string;
  /** Expiry, milliseconds since the epoch. */
  exp: number;
}

const b64 = (b: Buffer | string) => Buffer.from(b).toString("base64url");
const sign = (payload: string, secret: string) => createHmac("sha256", secret).update(payload).digest();

export function issueDownloadToken(claim: DownloadClaim, secret: string): string {
  const payload = b64(JSON.stringify({ p: claim.programmeId, d: claim.documentId, e: claim.exp }));
  return `${payload}.${b64(sign(payload, secret))}`;
}

/** The claim when the token is authentic and unexpired at `now`; otherwise undefined. */
export function verifyDownloadToken(token: string, secret: string, now: Date): DownloadClaim | undefined {
  const [payload, mac, extra] = token.split(".");
  if (!payload || !mac || extra !== undefined) return undefined;
  const expected = sign(payload, secret);
  const given = Buffer.from(mac, "base64url");
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
  try {
    const { p, d, e } = JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as { p?: unknown; d?: unknown; e?: unknown };
    if (typeof p !== "string" || typeof d !== "string" || typeof e !== "number" || e <= now.getTime()) return undefined;
    return { programmeId: p, documentId: d, exp: e };
  } catch {
    return undefined;
  }
}
