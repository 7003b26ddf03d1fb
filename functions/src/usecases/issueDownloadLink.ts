// A short-lived, single-use link to one document's bytes, for the owning unit and the programme's
// staff only (GZ-2.2.13). Issuing checks access and records the link (to whom, until when); the
// fetch itself is the audited download (usecases/openDownload), and a second fetch is refused. The
// link is a URL of the downloadDocument function with an HMAC token, valid 5 minutes, for both
// file stores: a Cloud Storage signed URL could be fetched any number of times unseen.
import { randomUUID } from "node:crypto";
import type { z } from "zod";
import { canReadDocument, type Viewer } from "../domain/access.js";
import { isInsider } from "../domain/documents.js";
import { refused } from "../domain/errors.js";
import type { Actor } from "../domain/schemas/index.js";
import type { getDocumentDownloadRequestSchema } from "../domain/schemas/documents.js";
import { issueDownloadToken } from "../files/downloadToken.js";
import { collections } from "../store/collections.js";
import type { Deps } from "./deps.js";
import { functionUrl } from "./functionUrl.js";

const DOWNLOAD_LINK_MINUTES = 5;

export type DownloadLinkInput = z.output<typeof getDocumentDownloadRequestSchema> & {
  /** The host the request came to: on the emulator the link points back at it. */
  host?: string;
};

export async function issueDownloadLink(deps: Deps, input: DownloadLinkInput, reader: { viewer: Viewer; actor: Actor }) {
  const { programmeId, documentId } = input;
  const { viewer } = reader;
  // Outsiders learn nothing, not even whether the document exists.
  if (!isInsider(viewer, programmeId)) refused("NO_ACCESS");
  const now = deps.clock();
  const expiresAt = new Date(now.getTime() + DOWNLOAD_LINK_MINUTES * 60_000);
  const ref = collections.documents(programmeId).doc(documentId);

  const linkId = randomUUID();
  await deps.db.runTransaction(async (tx) => {
    const doc = (await tx.get(ref)).data() ?? refused("DOCUMENT_NOT_FOUND");
    if (!canReadDocument({ programmeId, ownerUnitId: doc.ownerUnitId, sensitive: doc.sensitive }, viewer)) refused("NO_ACCESS");
    tx.create(collections.downloadLinks(programmeId).doc(linkId), { documentId, issuedTo: reader.actor, issuedAt: now, expiresAt });
  });
  const { config } = deps.files();
  const token = issueDownloadToken({ programmeId, documentId, linkId, exp: expiresAt.getTime() }, config.downloadSecret);
  return { url: `${functionUrl("downloadDocument", input.host, config.downloadBaseUrl)}?token=${encodeURIComponent(token)}`, expiresAt: expiresAt.toISOString() };
}
