// Document metadata in Firestore: loading the target a file is attached to, the current version
// per (target, kind), what a change application still lacks, and marking which versions a
// reviewer approved. The bytes are in the FileStore; uploads are usecases/uploadDocument.
import type { Transaction } from "firebase-admin/firestore";
import type { CurrentDocument } from "../domain/requiredDocuments.js";
import { targetKey, type DocumentTarget, type DocumentTargetType } from "../domain/documents.js";
import type { Actor, DocumentMeta } from "../domain/schemas/index.js";
import { collections, type Ref } from "./collections.js";

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

/** A stored version as the required-documents decisions see it. */
export const currentDocumentOf = (d: StoredDocument): CurrentDocument => ({ documentId: d.id, version: d.version ?? 1, kind: d.kind, stamped: d.stamped, ...(d.issuedOn ? { issuedOn: d.issuedOn } : {}) });

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
