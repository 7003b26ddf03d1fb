// The bytes behind a download link from the local-disk store. The token (issued by
// issueDownloadLink after its access check and audit entry) names exactly one document and expires
// after a few minutes; nothing else is checked or audited here.
import type { Readable } from "node:stream";
import { refuse, type Refusal } from "../domain/errors.js";
import type { DocumentMeta } from "../domain/schemas/index.js";
import { verifyDownloadToken } from "../files/downloadToken.js";
import { collections } from "../store/collections.js";
import type { Deps } from "./deps.js";

export async function openDownload(deps: Deps, token: string): Promise<{ ok: true; meta: DocumentMeta; bytes: Readable } | Refusal> {
  const { config, store } = deps.files();
  const claim = verifyDownloadToken(token, config.downloadSecret, deps.clock());
  if (!claim) return refuse("LINK_INVALID");
  const meta = (await collections.documents(claim.programmeId).doc(claim.documentId).get()).data();
  if (!meta || !(await store.exists(meta.storagePath))) return refuse("DOCUMENT_NOT_FOUND");
  return { ok: true, meta, bytes: store.openRead(meta.storagePath) };
}
