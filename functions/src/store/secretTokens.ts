// Secret links (rating links, calendar feeds): the token is shown once, in the link, and only its
// SHA-256 is stored, so a leaked database holds no usable link.
import { createHash, randomBytes } from "node:crypto";

/** 256 random bits, base64url (43 characters). */
export const newSecretToken = () => randomBytes(32).toString("base64url");

export const hashToken = (token: string) => createHash("sha256").update(token, "utf8").digest("hex");
