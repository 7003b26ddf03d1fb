// POST multipart/form-data: programmeId, targetType, targetId, kind, [issuedOn], [stamped], then
// one file. Header `Authorization: Bearer <Firebase ID token>`. Answers 201 { documentId, version,
// sha256, size, contentType } or { error: { code, message } } with a Chinese message.
//
// Order of work, each step refusing before the next costs anything: token → fields (zod) →
// target and right to attach (domain mayAttach) → bytes streamed through the inspector (size
// limit, SHA-256, real type from the first bytes, held back until the type is known) into the
// store under an id-only path → ONE transaction with the metadata row and its audit entry. If
// anything after the object was written fails, the object is removed, so neither an orphan
// object nor a metadata row remains (sweepOrphanFiles catches what a crash leaves behind).
import busboy from "busboy";
import { logger } from "firebase-functions";
import { onRequest, type Request } from "firebase-functions/v2/https";
import type { Response } from "express";
import { Readable } from "node:stream";
import { shanghaiDate } from "../domain/dates.js";
import { programmeClosed } from "../domain/machine.js";
import { isSensitiveKind } from "../domain/access.js";
import { cleanFileName, documentErrors, documentObjectPath, fileTooLargeMessage, mayAttach, ownerUnitFor, targetKey, type DocumentErrorCode, type DocumentTarget } from "../domain/documents.js";
import { uploadDocumentFieldsSchema, type UploadDocumentFields } from "../domain/schemas/documents.js";
import { files } from "../files/config.js";
import { FileRefused, Inspector } from "../files/inspect.js";
import { auth } from "../store/admin.js";
import { collections } from "../store/collections.js";
import { currentDocuments, currentOfKind, loadDocumentTarget, recordUpload, TargetChanged, VersionConflict } from "../store/documents.js";
import { loadProgrammeContext, ProgrammeNotFound } from "../store/programmeContext.js";
import { callerOf, memberActor, staffActor, type Caller } from "./caller.js";
import { zodMessage } from "./errors.js";

class UploadError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}
const refuse = (status: number, code: DocumentErrorCode, message: string = documentErrors[code]) => new UploadError(status, code, message);

async function authenticate(req: Request): Promise<Caller> {
  const m = /^Bearer (.+)$/.exec(req.get("authorization") ?? "");
  if (!m) throw refuse(401, "UNAUTHENTICATED");
  const decoded = await auth.verifyIdToken(m[1]!).catch(() => {
    throw refuse(401, "UNAUTHENTICATED", "登录凭证无效或已过期，请重新登录后再上传。");
  });
  return callerOf({ uid: decoded.uid, token: decoded, rawToken: m[1]! })!;
}

interface Prepared {
  fields: UploadDocumentFields;
  target: DocumentTarget;
  documentId: string;
  version: number;
  previousId?: string;
  path: string;
  mayStillAttach: (t: DocumentTarget | undefined) => boolean;
}

/** Everything decided before a single byte of the file is stored. */
async function prepare(caller: Caller, raw: Record<string, string>): Promise<Prepared> {
  const parsed = uploadDocumentFieldsSchema.safeParse(raw);
  if (!parsed.success) throw new UploadError(400, "INVALID_ARGUMENT", zodMessage(parsed.error));
  const fields = parsed.data;
  const ctx = await loadProgrammeContext(fields.programmeId).catch((err) => {
    throw err instanceof ProgrammeNotFound ? new UploadError(404, "PROGRAMME_NOT_FOUND", err.message) : err;
  });
  const attacher = { staffOf: Object.keys(caller.claims.staff ?? {}), unit: caller.claims.unit };
  // Refuse people outside the programme before revealing whether the target exists.
  if (!attacher.staffOf.includes(fields.programmeId) && attacher.unit?.programmeId !== fields.programmeId) throw refuse(403, "NOT_IN_PROGRAMME");
  // GZ-5.2 / DG-18: after the pilot's acceptance nothing more is filed.
  const closed = programmeClosed({ today: shanghaiDate(new Date()), pack: ctx.pack, programmeEndsOn: ctx.programme.endsOn });
  if (closed) throw new UploadError(409, "PROGRAMME_CLOSED", `${closed.message}。`);
  const target = await loadDocumentTarget(undefined, fields.programmeId, fields.targetType, fields.targetId);
  if (!target) throw refuse(404, "TARGET_NOT_FOUND");
  const decide = (t: DocumentTarget) => mayAttach(attacher, fields.programmeId, t, fields.kind, ctx.pack);
  const verdict = decide(target);
  if (!verdict.ok) throw refuse(verdict.status, verdict.code);
  const head = currentOfKind(await currentDocuments(undefined, fields.programmeId, target.type, target.id), fields.kind);
  const documentId = collections.documents(fields.programmeId).doc().id;
  const version = (head?.version ?? 0) + 1;
  return {
    fields,
    target,
    documentId,
    version,
    previousId: head?.id,
    path: documentObjectPath(fields.programmeId, documentId, version),
    mayStillAttach: (t) => t !== undefined && decide(t).ok,
  };
}

function sendError(res: Response, err: UploadError) {
  if (res.headersSent) return;
  // Tell the client not to keep sending a body we will not read.
  if (err.status === 413) res.set("Connection", "close");
  res.status(err.status).json({ error: { code: err.code, message: err.message } });
}

export const uploadDocument = onRequest({ cors: true, memory: "512MiB", timeoutSeconds: 120 }, async (req, res) => {
  const { config, store } = files();
  const now = new Date();
  let storedPath: string | undefined;
  try {
    if (req.method !== "POST") throw refuse(405, "METHOD");
    if (!/^multipart\/form-data/i.test(req.get("content-type") ?? "")) throw refuse(400, "NOT_MULTIPART");
    const caller = await authenticate(req);
    // A declared length far beyond the limit is refused before parsing anything.
    const declared = Number(req.get("content-length") ?? NaN);
    if (declared > config.maxUploadBytes + 64 * 1024) throw new UploadError(413, "FILE_TOO_LARGE", fileTooLargeMessage(config.maxUploadBytes));

    const result = await new Promise<{ prepared: Prepared; inspector: Inspector; fileName: string }>((resolveUpload, rejectUpload) => {
      const bb = busboy({ headers: req.headers, defParamCharset: "utf8", limits: { fileSize: config.maxUploadBytes + 1, files: 1, fields: 20, fieldSize: 1024 } });
      const raw: Record<string, string> = {};
      let work: Promise<{ prepared: Prepared; inspector: Inspector; fileName: string }> | undefined;
      let extraFile = false;
      bb.on("field", (name, value) => {
        raw[name] = value;
      });
      bb.on("filesLimit", () => {
        extraFile = true;
      });
      bb.on("file", (_name, file, info) => {
        // Until the checks are done nothing reads the file stream: busboy holds the bytes back.
        const inspector = new Inspector();
        // The inspector may refuse (empty, wrong type, too large) before the store has attached
        // its pipeline; the pipeline still sees the error, this only stops a process-level crash.
        inspector.on("error", () => undefined);
        // busboy signals "limit" on reaching fileSize, so it is set one byte above ours: a file of
        // exactly the limit passes, one byte more is refused.
        // Passed the limit: busboy stops feeding this file; we stop storing at once and answer 413
        // without looking at the rest of the body. The partial object is removed by the adapter.
        file.on("limit", () => inspector.destroy(new FileRefused("FILE_TOO_LARGE", 413)));
        work = (async () => {
          if (Object.keys(raw).length === 0) throw refuse(400, "FIELDS_FIRST");
          const prepared = await prepare(caller, raw);
          storedPath = prepared.path;
          await store.put(prepared.path, file.pipe(inspector), "application/octet-stream");
          if (file.truncated) throw new FileRefused("FILE_TOO_LARGE", 413);
          return { prepared, inspector, fileName: cleanFileName(info.filename) };
        })();
        work.catch((err) => {
          file.resume(); // drain what is left so busboy can finish; nothing more is stored
          rejectUpload(err);
        });
      });
      bb.on("error", (err) => (work ? work.finally(() => rejectUpload(err)) : rejectUpload(err)));
      bb.on("close", () => {
        if (!work) return rejectUpload(refuse(400, "FILE_MISSING"));
        work.then((r) => (extraFile ? rejectUpload(refuse(400, "ONE_FILE_ONLY")) : resolveUpload(r)), rejectUpload);
      });
      // The Functions runtime (and the emulator) has already read the body into rawBody; a
      // plain Node server has not, so stream it. Either way busboy stops at the limit.
      const rawBody = (req as Request & { rawBody?: Buffer }).rawBody;
      if (rawBody) Readable.from([rawBody]).pipe(bb);
      else req.pipe(bb);
    });

    const { prepared, inspector, fileName } = result;
    const { fields, target } = prepared;
    const isStaff = Boolean(caller.claims.staff?.[fields.programmeId]);
    const ownerUnitId = ownerUnitFor(target, fields.kind);
    await recordUpload({
      programmeId: fields.programmeId,
      documentId: prepared.documentId,
      expectedPreviousId: prepared.previousId,
      stillAllowed: prepared.mayStillAttach,
      meta: {
        kind: fields.kind,
        ...(ownerUnitId ? { ownerUnitId } : {}),
        fileName,
        storagePath: prepared.path,
        size: inspector.size,
        sha256: inspector.sha256,
        contentType: inspector.contentType!,
        sensitive: isSensitiveKind(fields.kind),
        stamped: fields.stamped,
        ...(fields.issuedOn ? { issuedOn: fields.issuedOn } : {}),
        uploadedAt: now,
        uploadedBy: isStaff ? staffActor(caller) : memberActor(caller),
        ...(prepared.previousId ? { previousVersionId: prepared.previousId } : {}),
        programmeId: fields.programmeId,
        target: { type: target.type, id: target.id, unitId: target.unitId },
        targetKey: targetKey(target.type, target.id),
        version: prepared.version,
        current: true,
      },
    });
    storedPath = undefined; // committed: the object now belongs to its metadata row
    res.status(201).json({ documentId: prepared.documentId, version: prepared.version, previousVersionId: prepared.previousId ?? null, sha256: inspector.sha256, size: inspector.size, contentType: inspector.contentType, fileName });
  } catch (err) {
    sendError(res, toUploadError(err, config.maxUploadBytes));
  } finally {
    if (storedPath) {
      const path = storedPath;
      await store.remove(path).catch((e) => logger.error("uploadDocument: could not remove the object of a failed upload; sweepOrphanFiles will", { path, error: String(e) }));
    }
  }
});

function toUploadError(err: unknown, max: number): UploadError {
  if (err instanceof UploadError) return err;
  if (err instanceof FileRefused) return err.code === "FILE_TOO_LARGE" ? new UploadError(413, "FILE_TOO_LARGE", fileTooLargeMessage(max)) : new UploadError(err.status, err.code, documentErrors[err.code]);
  if (err instanceof VersionConflict) return refuse(409, "CONCURRENT_VERSION");
  if (err instanceof TargetChanged) return refuse(409, "TARGET_LOCKED");
  logger.error("uploadDocument: unexpected error", err);
  return new UploadError(500, "INTERNAL", "系统内部错误，上传未完成，请稍后重试；如持续出现请联系工作小组。");
}
