// POST multipart/form-data: programmeId, targetType, targetId, kind, [issuedOn], [stamped], then
// one file. Header `Authorization: Bearer <Firebase ID token>`. Answers 201 { documentId, version,
// sha256, size, contentType } or { error: { code, message } } with a Chinese message. HTTP adapter:
// the request's checks here, the upload itself in usecases/uploadDocument.
import { onRequest, type Request } from "firebase-functions/v2/https";
import { fileTooLarge } from "../domain/documents.js";
import { Refused, refuse, refused } from "../domain/errors.js";
import { productionDeps } from "../usecases/deps.js";
import { identifyCaller } from "../usecases/identifyCaller.js";
import { uploadDocument as upload, type Uploader } from "../usecases/uploadDocument.js";
import { callerOf, memberActor, staffActor } from "./caller.js";
import { sendFailure } from "./httpRefusal.js";
import { receiveFile } from "./multipartFile.js";

export const uploadDocument = onRequest({ cors: true, memory: "512MiB", timeoutSeconds: 120 }, async (req, res) => {
  const deps = productionDeps();
  const max = deps.files().config.maxUploadBytes;
  try {
    if (req.method !== "POST") refused("METHOD");
    if (!/^multipart\/form-data/i.test(req.get("content-type") ?? "")) refused("NOT_MULTIPART");
    const uploader = await uploaderOf(req);
    // A declared length far beyond the limit is refused before parsing anything.
    if (Number(req.get("content-length") ?? NaN) > max + 64 * 1024) throw new Refused(fileTooLarge(max));
    res.status(201).json(await upload(deps, await receiveFile(req, max), uploader));
  } catch (err) {
    sendFailure(res, err, "uploadDocument", "系统内部错误，上传未完成，请稍后重试；如持续出现请联系本专项工作人员。");
  }
});

async function uploaderOf(req: Request): Promise<Uploader> {
  const token = /^Bearer (.+)$/.exec(req.get("authorization") ?? "")?.[1] ?? refused("UNAUTHENTICATED");
  const decoded = (await identifyCaller(token)) ?? invalidToken();
  const caller = callerOf({ uid: decoded.uid, token: decoded, rawToken: token })!;
  return { staffOf: Object.keys(caller.claims.staff ?? {}), unit: caller.claims.unit, asStaff: staffActor(caller), asMember: memberActor(caller) };
}

const invalidToken = (): never => {
  throw new Refused({ ...refuse("UNAUTHENTICATED"), message: "登录凭证无效或已过期，请重新登录后再上传。" });
};
