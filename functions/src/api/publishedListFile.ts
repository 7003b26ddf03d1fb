// GET ?p=…&list=…&v=… — a published list version as Excel, for anyone: the attachment of the
// public page's 名单公布 (use case: usecases/exportPublishedList's publishedListFile). The list
// is public already (firestore.rules lets anyone read published versions), so nothing is
// checked beyond the query and nothing is audited; an unknown version is 404 in one Chinese line.
import { onRequest } from "firebase-functions/v2/https";
import { contentDisposition } from "../domain/documents.js";
import { publishedListFileQuerySchema } from "../domain/schemas/index.js";
import { productionDeps } from "../usecases/deps.js";
import { publishedListFile as buildFile } from "../usecases/exportPublishedList.js";
import { sendFailure, sendRefusal } from "./httpRefusal.js";

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

export const publishedListFile = onRequest({ cors: true }, async (req, res) => {
  if (req.method !== "GET") return void sendRefusal(res, { code: "METHOD", message: "只接受 GET 请求。" });
  try {
    const query = publishedListFileQuerySchema.parse(req.query);
    const { buffer, fileName } = await buildFile(productionDeps(), query.p, query.list, query.v);
    res.set({
      "Content-Type": XLSX,
      "Content-Length": String(buffer.length),
      "Content-Disposition": contentDisposition(fileName),
      // A published version never changes, so a shared cache may keep it.
      "Cache-Control": "public, max-age=3600",
      "X-Content-Type-Options": "nosniff",
    });
    res.send(buffer);
  } catch (err) {
    sendFailure(res, err, "publishedListFile", "名单文件暂时无法生成，请稍后再试。");
  }
});
