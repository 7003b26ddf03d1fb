// Uploading a document to a target (GZ-2.2.13, GZ-4.6.1, DG-13). Each step refuses before the next
// costs anything: fields (zod) → programme, membership, programme end (GZ-5.2 / DG-18) → the
// target and the right to attach (domain mayAttach) → the bytes streamed through the inspector
// (size limit, SHA-256, real type from the first bytes, held back until the type is known) into
// the store under an id-only path → ONE transaction that re-checks the target (it may have been
// submitted meanwhile) and the version chain head, creates the metadata row and its audit entry.
// If anything after the object was written fails, the object is removed, so neither an orphan
// object nor a metadata row remains (removeOrphanFiles catches what a crash leaves behind).
import { logger } from "firebase-functions";
import type { Readable } from "node:stream";
import { isSensitiveKind } from "../domain/access.js";
import { shanghaiDate } from "../domain/dates.js";
import { targetKey, type Attacher, cleanFileName, documentObjectPath, type DocumentTarget, fileNameForType, fileTooLarge, mayAttach, ownerUnitFor } from "../domain/documents.js";
import { refuse, Refused, refused } from "../domain/errors.js";
import { programmeClosed } from "../domain/machine.js";
import type { Actor, DocumentMeta } from "../domain/schemas/index.js";
import { uploadDocumentFieldsSchema, type UploadDocumentFields } from "../domain/schemas/documents.js";
import { FileRefused, Inspector } from "../files/inspect.js";
import { appendAudit } from "../store/audit.js";
import { collections } from "../store/collections.js";
import { currentDocuments, currentOfKind, loadDocumentTarget } from "../store/documents.js";
import { loadProgrammeContext, type ProgrammeContext } from "../store/programmeContext.js";
import type { Deps } from "./deps.js";

/** One file as the request delivers it, with the form fields sent before it. */
export interface IncomingFile {
  fields: Record<string, string>;
  stream: Readable;
  fileName: string | undefined;
  /** Registers what to do when the file passes the size limit (nothing past it is read). */
  onTooLarge(listener: () => void): void;
  truncated(): boolean;
  /** Settles once the whole request is read; rejects when it held more than one file. */
  finished: Promise<void>;
}

/** Who uploads: the programmes they are staff of or their unit, and how each role is recorded. */
export type Uploader = Attacher & { asStaff: Actor; asMember: Actor };

export interface UploadOutcome {
  documentId: string;
  version: number;
  previousVersionId: string | null;
  sha256: string;
  size: number;
  contentType: string;
  fileName: string;
}

interface Prepared {
  fields: UploadDocumentFields;
  target: DocumentTarget;
  documentId: string;
  version: number;
  previousId?: string;
  path: string;
  /** The clause the upload is audited under: the protection of files where the pack has it, else its record-keeping clause. */
  clause: string;
  mayStillAttach: (t: DocumentTarget | undefined) => boolean;
}

export async function uploadDocument(deps: Deps, incoming: IncomingFile, uploader: Uploader): Promise<UploadOutcome> {
  const { config, store } = deps.files();
  const now = deps.clock();
  const inspector = new Inspector();
  // The inspector may refuse (empty, wrong type, too large) before the store has attached its
  // pipeline; the pipeline still sees the error, this only stops a process-level crash.
  inspector.on("error", () => undefined);
  // Past the limit the request stops feeding this file; we stop storing at once and answer
  // without looking at the rest of the body. The partial object is removed below.
  incoming.onTooLarge(() => inspector.destroy(new FileRefused("FILE_TOO_LARGE", 413)));
  let prepared: Prepared | undefined;
  try {
    prepared = await prepareUpload(deps, incoming.fields, uploader, now);
    await store.put(prepared.path, incoming.stream.pipe(inspector), "application/octet-stream");
    if (incoming.truncated()) throw new Refused(fileTooLarge(config.maxUploadBytes));
    await incoming.finished;
    // The name keeps what the person called it, with the extension of what the bytes really are.
    const fileName = fileNameForType(cleanFileName(incoming.fileName), inspector.contentType!);
    await recordUpload(deps, prepared, metaOf(prepared, inspector, fileName, uploader, now));
    return { documentId: prepared.documentId, version: prepared.version, previousVersionId: prepared.previousId ?? null, sha256: inspector.sha256, size: inspector.size, contentType: inspector.contentType!, fileName };
  } catch (err) {
    incoming.stream.resume(); // drain what is left so the request can finish; nothing more is stored
    if (prepared) {
      const { path } = prepared;
      await store.remove(path).catch((e) => logger.error("uploadDocument: could not remove the object of a failed upload; removeOrphanFiles will", { path, error: String(e) }));
    }
    if (!(err instanceof FileRefused)) throw err;
    throw new Refused(err.code === "FILE_TOO_LARGE" ? fileTooLarge(config.maxUploadBytes) : refuse(err.code));
  }
}

/** Everything decided before a single byte of the file is stored. */
async function prepareUpload(deps: Deps, raw: Record<string, string>, uploader: Uploader, now: Date): Promise<Prepared> {
  const fields = uploadDocumentFieldsSchema.parse(raw);
  const { programmeId } = fields;
  const ctx = await programmeOf(deps, programmeId);
  // Refuse people outside the programme before revealing whether the target exists.
  if (!uploader.staffOf.includes(programmeId) && uploader.unit?.programmeId !== programmeId) refused("NOT_IN_PROGRAMME");
  // GZ-5.2 / DG-18: after the pilot's acceptance nothing more is filed.
  const closed = programmeClosed({ today: shanghaiDate(now), pack: ctx.pack, programmeEndsOn: ctx.programme.endsOn });
  if (closed) throw new Refused({ ...closed, message: `${closed.message}。` });
  const target = (await loadDocumentTarget(undefined, programmeId, fields.targetType, fields.targetId)) ?? refused("TARGET_NOT_FOUND");
  const decide = (t: DocumentTarget) => mayAttach(uploader, programmeId, t, fields.kind, ctx.pack);
  const verdict = decide(target);
  if (!verdict.ok) throw new Refused(verdict);
  const head = currentOfKind(await currentDocuments(undefined, programmeId, target.type, target.id), fields.kind);
  const documentId = collections.documents(programmeId).doc().id;
  const version = (head?.version ?? 0) + 1;
  return { fields, target, documentId, version, previousId: head?.id, path: documentObjectPath(programmeId, documentId, version), clause: ctx.pack.clauses.documentAccess ?? ctx.pack.clauses.workGroup, mayStillAttach: (t) => t !== undefined && decide(t).ok };
}

function programmeOf(deps: Deps, programmeId: string): Promise<ProgrammeContext> {
  return loadProgrammeContext(programmeId, undefined, deps.calendar);
}

function metaOf(p: Prepared, inspector: Inspector, fileName: string, uploader: Uploader, now: Date): DocumentMeta {
  const { fields, target } = p;
  const ownerUnitId = ownerUnitFor(target, fields.kind);
  return {
    kind: fields.kind,
    ...(ownerUnitId ? { ownerUnitId } : {}),
    fileName,
    storagePath: p.path,
    size: inspector.size,
    sha256: inspector.sha256,
    contentType: inspector.contentType!,
    sensitive: isSensitiveKind(fields.kind),
    stamped: fields.stamped,
    ...(fields.issuedOn ? { issuedOn: fields.issuedOn } : {}),
    uploadedAt: now,
    uploadedBy: uploader.staffOf.includes(fields.programmeId) ? uploader.asStaff : uploader.asMember,
    ...(p.previousId ? { previousVersionId: p.previousId } : {}),
    programmeId: fields.programmeId,
    target: { type: target.type, id: target.id, unitId: target.unitId },
    targetKey: targetKey(target.type, target.id),
    version: p.version,
    current: true,
  };
}

/**
 * In ONE transaction: re-reads the target (it may have been submitted meanwhile — the attach
 * decision is asked again) and the chain head (another upload of the same kind may have won),
 * flags the old head as no longer current, creates the new metadata and its audit entry.
 */
async function recordUpload(deps: Deps, p: Prepared, meta: DocumentMeta): Promise<void> {
  const { programmeId } = p.fields;
  const { target } = p;
  await deps.db.runTransaction(async (tx) => {
    const fresh = await loadDocumentTarget(tx, programmeId, target.type, target.id);
    if (!p.mayStillAttach(fresh)) refused("TARGET_LOCKED");
    const head = currentOfKind(await currentDocuments(tx, programmeId, target.type, target.id), meta.kind);
    if (head?.id !== p.previousId) refused("CONCURRENT_VERSION");
    const col = collections.documents(programmeId);
    if (head) tx.update(col.doc(head.id), { current: false });
    tx.create(col.doc(p.documentId), meta);
    appendAudit(tx, programmeId, `document-uploaded-${p.documentId}`, {
      at: meta.uploadedAt,
      actor: meta.uploadedBy,
      action: "document.uploaded",
      entity: col.doc(p.documentId).path,
      after: { kind: meta.kind, target: meta.targetKey, version: meta.version, previousVersionId: meta.previousVersionId ?? null, sha256: meta.sha256, size: meta.size, contentType: meta.contentType, fileName: meta.fileName },
      clause: p.clause,
    });
  });
}
