// Download links: an HMAC-signed token naming one document, one link record and an expiry a few
// minutes ahead. The downloadDocument function streams the bytes only for a valid, unexpired
// token whose link has not been used (usecases/openDownload): the access check happened when the
// link was issued, the audited download happens at the fetch.
import { createHmac, timingSafeEqual } from "node:crypto";

export interface DownloadClaim {
  programmeId: string;
  documentId: string;
  /** The link record (programmes/{p}/downloadLinks/{linkId}) that makes the link single-use. */
  linkId: string;
  /** Expiry, milliseconds since the epoch. */
  exp: number;
}

const b64 = (b: Buffer | string) => Buffer.from(b).toString("base64url");
const sign = (payload: string, secret: string) => createHmac("sha256", secret).update(payload).digest();

export function issueDownloadToken(claim: DownloadClaim, secret: string): string {
  const payload = b64(JSON.stringify({ p: claim.programmeId, d: claim.documentId, l: claim.linkId, e: claim.exp }));
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
    const { p, d, l, e } = JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as { p?: unknown; d?: unknown; l?: unknown; e?: unknown };
    if (typeof p !== "string" || typeof d !== "string" || typeof l !== "string" || typeof e !== "number" || e <= now.getTime()) return undefined;
    return { programmeId: p, documentId: d, linkId: l, exp: e };
  } catch {
    return undefined;
  }
}
