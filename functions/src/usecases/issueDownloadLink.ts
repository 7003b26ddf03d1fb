// A short-lived link to one document's bytes, for the owning unit and the programme's staff only
// (GZ-2.2.13). Every call is written to the audit log (who, which document, when) before the link
// is handed out. Cloud Storage: a V4 signed URL valid 5 minutes. Local disk: a URL of the
// downloadDocument function with an HMAC token for this one document, also valid 5 minutes.
import { randomUUID } from "node:crypto";
import type { z } from "zod";
import { canReadDocument, type Viewer } from "../domain/access.js";
import { isInsider } from "../domain/documents.js";
import { refused } from "../domain/errors.js";
import type { Actor } from "../domain/schemas/index.js";
import type { getDocumentDownloadRequestSchema } from "../domain/schemas/documents.js";
import { onEmulator } from "../files/config.js";
import { issueDownloadToken } from "../files/downloadToken.js";
import { appendAudit } from "../store/audit.js";
import { collections } from "../store/collections.js";
import type { Deps } from "./deps.js";

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

  const meta = await deps.db.runTransaction(async (tx) => {
    const doc = (await tx.get(ref)).data() ?? refused("DOCUMENT_NOT_FOUND");
    if (!canReadDocument({ programmeId, ownerUnitId: doc.ownerUnitId, sensitive: doc.sensitive }, viewer)) refused("NO_ACCESS");
    // One entry per call: each download is its own event, so the id is unique per request.
    appendAudit(tx, programmeId, `document-downloaded-${documentId}-${now.getTime()}-${randomUUID().slice(0, 8)}`, {
      at: now,
      actor: reader.actor,
      action: "document.downloaded",
      entity: ref.path,
      after: { kind: doc.kind, version: doc.version ?? 1, sensitive: doc.sensitive, expiresAt: expiresAt.toISOString() },
      clause: "GZ-2.2.13",
    });
    return doc;
  });

  const { config, store } = deps.files();
  if (store.signedUrl) return { url: await store.signedUrl(meta.storagePath, expiresAt, meta.fileName, meta.contentType), expiresAt: expiresAt.toISOString() };
  const token = issueDownloadToken({ programmeId, documentId, exp: expiresAt.getTime() }, config.downloadSecret);
  return { url: `${downloadBase(input.host, config.downloadBaseUrl)}?token=${encodeURIComponent(token)}`, expiresAt: expiresAt.toISOString() };
}

/** Where downloadDocument answers: configured, or next to this callable on the emulator. */
function downloadBase(host: string | undefined, configured: string | undefined): string {
  if (configured) return configured;
  const project = process.env.GCLOUD_PROJECT ?? "demo-traction";
  return onEmulator() ? `http://${host ?? "127.0.0.1:5001"}/${project}/asia-east2/downloadDocument` : `https://asia-east2-${project}.cloudfunctions.net/downloadDocument`;
}
