// A short-lived link to one document's bytes, for the owning unit and the programme's staff only
// (GZ-2.2.13). Every call is written to the audit log (who, which document, when) before the link
// is handed out. Cloud Storage: a V4 signed URL valid 5 minutes. Local disk: a URL of the
// downloadDocument function with an HMAC token for this one document, also valid 5 minutes.
import { randomUUID } from "node:crypto";
import { canReadDocument } from "../domain/access.js";
import { viewerFromClaims } from "../domain/documents.js";
import { getDocumentDownloadRequestSchema } from "../domain/schemas/documents.js";
import { files, onEmulator } from "../files/config.js";
import { issueDownloadToken } from "../files/downloadToken.js";
import { appendAudit } from "../store/audit.js";
import { db } from "../store/admin.js";
import { collections } from "../store/collections.js";
import { memberActor, requireSignedIn, staffActor } from "./caller.js";
import { validatedOnCall } from "./validatedOnCall.js";
import { refused } from "../domain/errors.js";

export const DOWNLOAD_LINK_MINUTES = 5;

export const getDocumentDownload = validatedOnCall("getDocumentDownload", getDocumentDownloadRequestSchema, async (req, request) => {
  const caller = requireSignedIn(request.auth);
  const viewer = viewerFromClaims(caller.claims, req.programmeId);
  // Outsiders learn nothing, not even whether the document exists.
  if ((viewer.role !== "staff" && viewer.role !== "unitMember") || viewer.programmeId !== req.programmeId) refused("NO_ACCESS");
  const now = new Date();
  const expiresAt = new Date(now.getTime() + DOWNLOAD_LINK_MINUTES * 60_000);
  const ref = collections.documents(req.programmeId).doc(req.documentId);

  const meta = await db.runTransaction(async (tx) => {
    const doc = (await tx.get(ref)).data();
    if (!doc) refused("DOCUMENT_NOT_FOUND");
    if (!canReadDocument({ programmeId: req.programmeId, ownerUnitId: doc.ownerUnitId, sensitive: doc.sensitive }, viewer)) refused("NO_ACCESS");
    // One entry per call: each download is its own event, so the id is unique per request.
    appendAudit(tx, req.programmeId, `document-downloaded-${req.documentId}-${now.getTime()}-${randomUUID().slice(0, 8)}`, {
      at: now,
      actor: viewer.role === "staff" ? staffActor(caller) : memberActor(caller),
      action: "document.downloaded",
      entity: ref.path,
      after: { kind: doc.kind, version: doc.version ?? 1, sensitive: doc.sensitive, expiresAt: expiresAt.toISOString() },
      clause: "GZ-2.2.13",
    });
    return doc;
  });

  const { config, store } = files();
  if (store.signedUrl) return { url: await store.signedUrl(meta.storagePath, expiresAt, meta.fileName, meta.contentType), expiresAt: expiresAt.toISOString() };
  const token = issueDownloadToken({ programmeId: req.programmeId, documentId: req.documentId, exp: expiresAt.getTime() }, config.downloadSecret);
  return { url: `${downloadBase(request.rawRequest.headers, config.downloadBaseUrl)}?token=${encodeURIComponent(token)}`, expiresAt: expiresAt.toISOString() };
});

/** Where downloadDocument answers: configured, or next to this callable on the emulator. */
function downloadBase(headers: Record<string, string | string[] | undefined>, configured: string | undefined): string {
  if (configured) return configured;
  const project = process.env.GCLOUD_PROJECT ?? "demo-traction";
  const host = String(headers["x-forwarded-host"] ?? headers.host ?? "127.0.0.1:5001");
  return onEmulator() ? `http://${host}/${project}/asia-east2/downloadDocument` : `https://asia-east2-${project}.cloudfunctions.net/downloadDocument`;
}
