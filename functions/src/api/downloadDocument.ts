// GET ?token=… — streams one document's bytes from the local-disk store (use case:
// usecases/openDownload). The type is the one sniffed at upload; the name is the cleaned
// original, sent per RFC 5987 so Chinese names survive.
import { logger } from "firebase-functions";
import { onRequest } from "firebase-functions/v2/https";
import { contentDisposition } from "../domain/documents.js";
import { productionDeps } from "../usecases/deps.js";
import { openDownload } from "../usecases/openDownload.js";
import { sendRefusal } from "./httpRefusal.js";

export const downloadDocument = onRequest({ cors: true }, async (req, res) => {
  if (req.method !== "GET") return void sendRefusal(res, { code: "METHOD", message: "只接受 GET 请求。" });
  const found = await openDownload(productionDeps(), typeof req.query.token === "string" ? req.query.token : "");
  if (!found.ok) return void sendRefusal(res, found);
  const { meta, bytes } = found;
  res.set({
    "Content-Type": meta.contentType,
    "Content-Length": String(meta.size),
    "Content-Disposition": contentDisposition(meta.fileName),
    "Cache-Control": "private, no-store",
    "X-Content-Type-Options": "nosniff",
  });
  bytes.on("error", (err) => {
    logger.error("downloadDocument: read failed", { path: meta.storagePath, error: String(err) });
    res.destroy(err);
  });
  bytes.pipe(res);
});
