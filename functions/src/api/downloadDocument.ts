// GET ?token=… — streams one document's bytes from the local-disk store. The token (issued by
// getDocumentDownload after its access check and audit entry) names exactly one document and
// expires after 5 minutes. The type is the one sniffed at upload; the name is the cleaned
// original, sent per RFC 5987 so Chinese names survive.
import { logger } from "firebase-functions";
import { onRequest } from "firebase-functions/v2/https";
import { contentDisposition, documentErrors } from "../domain/documents.js";
import { files } from "../files/config.js";
import { verifyDownloadToken } from "../files/downloadToken.js";
import { collections } from "../store/collections.js";

export const downloadDocument = onRequest({ cors: true }, async (req, res) => {
  const refuse = (status: number, code: string, message: string) => res.status(status).json({ error: { code, message } });
  if (req.method !== "GET") return void refuse(405, "METHOD", "只接受 GET 请求。");
  const { config, store } = files();
  const token = typeof req.query.token === "string" ? req.query.token : "";
  const claim = verifyDownloadToken(token, config.downloadSecret, new Date());
  if (!claim) return void refuse(403, "LINK_INVALID", documentErrors.LINK_INVALID);
  const meta = (await collections.documents(claim.programmeId).doc(claim.documentId).get()).data();
  if (!meta || !(await store.exists(meta.storagePath))) return void refuse(404, "DOCUMENT_NOT_FOUND", documentErrors.DOCUMENT_NOT_FOUND);
  res.set({
    "Content-Type": meta.contentType,
    "Content-Length": String(meta.size),
    "Content-Disposition": contentDisposition(meta.fileName),
    "Cache-Control": "private, no-store",
    "X-Content-Type-Options": "nosniff",
  });
  const stream = store.openRead(meta.storagePath);
  stream.on("error", (err) => {
    logger.error("downloadDocument: read failed", { path: meta.storagePath, error: String(err) });
    res.destroy(err);
  });
  stream.pipe(res);
});
