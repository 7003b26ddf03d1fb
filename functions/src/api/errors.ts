// How refusals leave the system: every error a caller sees is an HttpsError with a Chinese
// message and the catalogue's code; stack traces stay in the logs.
import { logger } from "firebase-functions";
import { HttpsError } from "firebase-functions/v2/https";
import { z } from "zod";
import { DomainError, Refused, StoredDocumentInvalid } from "../domain/errors.js";

/** One line per issue: "字段：原因", already Chinese from the domain schemas. */
export function zodMessage(error: z.ZodError): string {
  return error.issues.map((i) => (i.path.length ? `${i.path.join(".")}：${i.message}` : i.message)).join("；");
}

export function toHttpsError(err: unknown, where: string): HttpsError {
  if (err instanceof HttpsError) return err;
  if (err instanceof z.ZodError) return new HttpsError("invalid-argument", zodMessage(err), { code: "INVALID_ARGUMENT", issues: err.issues.map((i) => ({ path: i.path.join("."), message: i.message })) });
  if (err instanceof Refused) return new HttpsError(err.status, err.refusal.message, { code: err.refusal.code });
  // A date the holiday calendar cannot judge (e.g. beyond its covered years), an invalid period id.
  if (err instanceof DomainError) return new HttpsError("failed-precondition", err.message, { code: err.code });
  if (err instanceof StoredDocumentInvalid) {
    logger.error(`${where}: stored document invalid`, { path: err.path, issues: err.issues });
    return new HttpsError("data-loss", "存储的数据格式异常，已记录，请联系本专项工作人员。", { code: "STORED_DOCUMENT_INVALID" });
  }
  // Firestore's own "someone else changed it first" surfaces as ABORTED after retries.
  if ((err as { code?: number }).code === 10) return new HttpsError("aborted", "该事项正被他人处理，请刷新后重试。", { code: "ABORTED" });
  logger.error(`${where}: unexpected error`, err);
  return new HttpsError("internal", "系统内部错误，请稍后重试；如持续出现请联系本专项工作人员。", { code: "INTERNAL" });
}
