// Document metadata in Firestore: loading the target a file is attached to, the chain of versions
// per (target, kind), recording an upload with its audit entry in one transaction, the reviewer's
// checklist, and marking which versions a reviewer approved. The bytes are in the FileStore.
import type { Transaction } from "firebase-admin/firestore";
import type { CurrentDocument } from "../domain/requiredDocuments.js";
import { documentChecklist, missingDocuments } from "../domain/requiredDocuments.js";
import { shanghaiDate } from "../domain/dates.js";
import { targetKey, type DocumentTarget, type DocumentTargetType } from "../domain/documents.js";
import type { Actor, DocumentMeta } from "../domain/schemas/index.js";
import { db } from "./admin.js";
import { appendAudit } from "./audit.js";
import { collections, type Ref } from "./collections.js";
import { loadProgrammeContext } from "./programmeContext.js";

type Reader = Transaction | undefined;
const read = <T>(tx: Reader, ref: Ref<T>) => (tx ? tx.get(ref) : ref.get());

/** The target with the fields the attach decision needs; undefined when it does not exist. */
export async function loadDocumentTarget(tx: Reader, programmeId: string, type: DocumentTargetType, id: string): Promise<DocumentTarget | undefined> {
  switch (type) {
    case "change": {
      const c = (await read(tx, collections.changes(programmeId).doc(id))).data();
      return c && { type, id, unitId: c.unitId, state: c.state, changeType: c.type };
    }
    case "report": {
      const r = (await read(tx, collections.reports(programmeId).doc(id))).data();
      return r && { type, id, unitId: r.unitId, state: r.state };
    }
    case "proceeding": {
      const p = (await read(tx, collections.proceedings(programmeId).doc(id))).data();
      return p && { type, id, unitId: p.unitId, state: p.state, proceedingKind: p.kind };
    }
    case "unit": {
      const u = (await read(tx, collections.units(programmeId).doc(id))).data();
      return u && { type, id, unitId: id, state: u.status };
    }
  }
}

export interface StoredDocument extends DocumentMeta {
  id: string;
}

/** The current version of every kind attached to a target (equality filters only: no composite index). */
export async function currentDocuments(tx: Reader, programmeId: string, type: DocumentTargetType, id: string): Promise<StoredDocument[]> {
  const q = collections.documents(programmeId).where("targetKey", "==", targetKey(type, id)).where("current", "==", true);
  const snap = tx ? await tx.get(q) : await q.get();
  return snap.docs.map((d) => ({ id: d.id, ...d.data() }));
}

export const currentOfKind = (docs: readonly StoredDocument[], kind: DocumentMeta["kind"]) => docs.find((d) => d.kind === kind);

export class VersionConflict extends Error {
  constructor() {
    super("a newer version was recorded meanwhile");
    this.name = "VersionConflict";
  }
}

export class TargetChanged extends Error {
  constructor(readonly target: DocumentTarget | undefined) {
    super("the target changed during the upload");
    this.name = "TargetChanged";
  }
}

/**
 * Records an uploaded object: in ONE transaction, re-reads the target (it may have been submitted
 * meanwhile — `stillAllowed` decides again) and the chain head (another upload of the same kind
 * may have won), flags the old head as no longer current, creates the new metadata and its audit
 * entry. Any failure leaves no row; the caller then removes the object.
 */
export async function recordUpload(input: {
  programmeId: string;
  documentId: string;
  meta: DocumentMeta;
  expectedPreviousId: string | undefined;
  stillAllowed: (target: DocumentTarget | undefined) => boolean;
  clause?: string;
}): Promise<void> {
  const { programmeId, documentId, meta } = input;
  const target = meta.target!;
  await db.runTransaction(async (tx) => {
    const fresh = await loadDocumentTarget(tx, programmeId, target.type, target.id);
    if (!input.stillAllowed(fresh)) throw new TargetChanged(fresh);
    const head = currentOfKind(await currentDocuments(tx, programmeId, target.type, target.id), meta.kind);
    if (head?.id !== input.expectedPreviousId) throw new VersionConflict();
    const col = collections.documents(programmeId);
    if (head) tx.update(col.doc(head.id), { current: false });
    tx.create(col.doc(documentId), meta);
    appendAudit(tx, programmeId, `document-uploaded-${documentId}`, {
      at: meta.uploadedAt,
      actor: meta.uploadedBy,
      action: "document.uploaded",
      entity: col.doc(documentId).path,
      after: { kind: meta.kind, target: meta.targetKey, version: meta.version, previousVersionId: meta.previousVersionId ?? null, sha256: meta.sha256, size: meta.size, contentType: meta.contentType, fileName: meta.fileName },
      ...(input.clause ? { clause: input.clause } : {}),
    });
  });
}

const asCurrent = (d: StoredDocument): CurrentDocument => ({ documentId: d.id, version: d.version ?? 1, kind: d.kind, stamped: d.stamped, ...(d.issuedOn ? { issuedOn: d.issuedOn } : {}) });

/** The reviewer's checklist for a target: required slots, what is present, missing, flags. */
export async function documentChecks(programmeId: string, target: DocumentTarget, now: Date) {
  const { pack } = await loadProgrammeContext(programmeId);
  const docs = await currentDocuments(undefined, programmeId, target.type, target.id);
  const today = shanghaiDate(now);
  const list = documentChecklist(target.type === "change" ? target.changeType : undefined, docs.map(asCurrent), pack, today);
  return {
    today,
    freshnessDays: pack.creditReportFreshnessDays,
    ...list,
    current: docs
      .map((d) => ({ documentId: d.id, kind: d.kind, version: d.version ?? 1, fileName: d.fileName, size: d.size, contentType: d.contentType, stamped: d.stamped, issuedOn: d.issuedOn ?? null, uploadedAt: d.uploadedAt.toISOString(), previousVersionId: d.previousVersionId ?? null, approvedAt: d.approvedAt?.toISOString() ?? null }))
      .sort((a, b) => a.kind.localeCompare(b.kind)),
  };
}

/**
 * For the submitChange callable: the Chinese labels of what a change application still lacks
 * (GZ-4.6.1, DG-13), from the current versions of its documents. Reads only (call before any
 * write in the transaction). Empty means it may be submitted. `now` is the submission instant.
 */
export async function missingDocumentsFor(tx: Transaction, programmeId: string, changeId: string, now: Date = new Date()): Promise<string[]> {
  const { pack } = await loadProgrammeContext(programmeId, tx);
  const change = (await tx.get(collections.changes(programmeId).doc(changeId))).data();
  if (!change) return ["未找到该变更申请"];
  const docs = await currentDocuments(tx, programmeId, "change", changeId);
  return missingDocuments(change.type, docs.map(asCurrent), pack, shanghaiDate(now));
}

/** Step 1 of recording an approval: read the versions that are current now (reads first). */
export async function readCurrentForApproval(tx: Transaction, programmeId: string, type: DocumentTargetType, id: string) {
  return currentDocuments(tx, programmeId, type, id);
}

/**
 * Step 2: stamp those versions as approved by the reviewer and return `{ kind, documentId,
 * version }` for the caller to keep on its decision, so the review shows exactly which version
 * was approved even after a later re-upload.
 */
export function markApproved(tx: Transaction, programmeId: string, docs: readonly StoredDocument[], reviewer: Actor, now: Date) {
  const col = collections.documents(programmeId);
  for (const d of docs) tx.update(col.doc(d.id), { approvedAt: now, approvedBy: reviewer });
  return docs.map((d) => ({ kind: d.kind, documentId: d.id, version: d.version ?? 1 }));
}
