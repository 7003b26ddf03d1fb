// How the HTTPS endpoints (upload, download) answer a refusal: `{ error: { code, message } }` with
// the catalogue's Chinese message and the HTTP status matching the catalogue's status. Three
// answers are HTTP's own: 405 (wrong method), 413 (file too large) and 415 (file type).
import type { Response } from "express";
import { logger } from "firebase-functions";
import { z } from "zod";
import { type ErrorCode, errorStatus, Refused, type RefusalStatus } from "../domain/errors.js";
import { zodMessage } from "./errors.js";

const HTTP_STATUS: Record<RefusalStatus, number> = {
  "invalid-argument": 400,
  "failed-precondition": 409,
  "not-found": 404,
  "permission-denied": 403,
  "already-exists": 409,
  "resource-exhausted": 429,
  aborted: 409,
  unauthenticated: 401,
};
const HTTP_OWN: Partial<Record<ErrorCode, number>> = { METHOD: 405, FILE_TOO_LARGE: 413, FILE_TYPE: 415 };

const httpStatusOf = (code: ErrorCode): number => HTTP_OWN[code] ?? HTTP_STATUS[errorStatus(code)];

/** Answers a refusal, unless the response has already started. */
export function sendRefusal(res: Response, refusal: { code: ErrorCode; message: string }) {
  answer(res, httpStatusOf(refusal.code), refusal.code, refusal.message);
}

/** Any failure: a refusal or bad fields as such; anything else is logged and answered 500 with `internal`. */
export function sendFailure(res: Response, err: unknown, where: string, internal: string) {
  if (err instanceof Refused) return sendRefusal(res, err.refusal);
  if (err instanceof z.ZodError) return answer(res, 400, "INVALID_ARGUMENT", zodMessage(err));
  logger.error(`${where}: unexpected error`, err);
  answer(res, 500, "INTERNAL", internal);
}

function answer(res: Response, status: number, code: string, message: string) {
  if (res.headersSent) return;
  // Tell the client not to keep sending a body we will not read.
  if (status === 413) res.set("Connection", "close");
  res.status(status).json({ error: { code, message } });
}
