// The bytes behind a download link (GZ-2.2.13). The token (issued by issueDownloadLink after its
// access check) names one document and one link record; the fetch is the download: in one
// transaction the link is marked used and the download audited with the person it was issued to.
// A second fetch of the same link is refused, so every download there is has its audit entry.
import type { Readable } from "node:stream";
import { refuse, type Refusal } from "../domain/errors.js";
import type { DocumentMeta } from "../domain/schemas/index.js";
import { verifyDownloadToken } from "../files/downloadToken.js";
import { appendAudit } from "../store/audit.js";
import { collections } from "../store/collections.js";
import type { Deps } from "./deps.js";
import { loadProgrammeContext } from "../store/programmeContext.js";

export async function openDownload(deps: Deps, token: string): Promise<{ ok: true; meta: DocumentMeta; bytes: Readable } | Refusal> {
  const { config, store } = deps.files();
  const now = deps.clock();
  const claim = verifyDownloadToken(token, config.downloadSecret, now);
  if (!claim) return refuse("LINK_INVALID");
  const { programmeId, documentId, linkId } = claim;
  const docRef = collections.documents(programmeId).doc(documentId);
  const { pack } = await loadProgrammeContext(programmeId, undefined, deps.calendar);
  const found = await deps.db.runTransaction(async (tx): Promise<DocumentMeta | Refusal> => {
    const linkRef = collections.downloadLinks(programmeId).doc(linkId);
    const [link, meta] = [(await tx.get(linkRef)).data(), (await tx.get(docRef)).data()];
    if (!link || link.documentId !== documentId) return refuse("LINK_INVALID");
    if (link.fetchedAt) return refuse("LINK_USED");
    if (!meta) return refuse("DOCUMENT_NOT_FOUND");
    tx.set(linkRef, { ...link, fetchedAt: now });
    appendAudit(tx, programmeId, `document-downloaded-${documentId}-${linkId}`, {
      at: now,
      actor: link.issuedTo,
      action: "document.downloaded",
      entity: docRef.path,
      after: { kind: meta.kind, version: meta.version ?? 1, sensitive: meta.sensitive, fileName: meta.fileName, linkIssuedAt: link.issuedAt.toISOString() },
      clause: pack.clauses.documentAccess ?? pack.clauses.workGroup,
    });
    return meta;
  });
  if ("ok" in found) return found;
  if (!(await store.exists(found.storagePath))) return refuse("DOCUMENT_NOT_FOUND");
  return { ok: true, meta: found, bytes: store.openRead(found.storagePath) };
}
