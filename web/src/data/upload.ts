// Uploads one file to the upload function with progress. Type and size are checked here first
// so a person gets the answer at once; the server checks the real bytes again and has the final
// word (its refusals come back in Chinese and are shown as they are).
import { DEFAULT_MAX_UPLOAD_BYTES, fileTooLarge } from "@domain/documents";
import { errorMessages } from "@domain/errors";
import type { uploadDocumentFieldsSchema } from "@domain/schemas/documents";
import type { z } from "zod";
import { env } from "../shared/env";
import { auth } from "../shared/firebase";
import { t } from "../shared/strings";

const ACCEPTED = { "application/pdf": "PDF", "image/jpeg": "JPEG", "image/png": "PNG" } as Record<string, string>;
export const ACCEPT_ATTR = ".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png";

/** A Chinese reason the file cannot be sent, or null when it may be. */
export function precheck(file: File): string | null {
  // The upload endpoint's own refusals (domain/documents.ts), given before the bytes are sent.
  if (file.size === 0) return errorMessages.FILE_EMPTY;
  if (file.size > DEFAULT_MAX_UPLOAD_BYTES) return fileTooLarge(DEFAULT_MAX_UPLOAD_BYTES).message;
  if (!ACCEPTED[file.type] && !/\.(pdf|jpe?g|png)$/i.test(file.name)) return t.upload.wrongType;
  return null;
}

/** The upload form's fields as the endpoint parses them (multipart sends "stamped" as text). */
export type UploadTarget = Omit<z.input<typeof uploadDocumentFieldsSchema>, "stamped"> & { stamped?: boolean };

export async function uploadFile(target: UploadTarget, file: File, onProgress: (percent: number) => void): Promise<{ documentId: string; fileName: string }> {
  const reason = precheck(file);
  if (reason) throw new Error(reason);
  const token = await auth.currentUser?.getIdToken();
  if (!token) throw new Error(errorMessages.UNAUTHENTICATED);
  const form = new FormData();
  for (const [k, v] of Object.entries(target)) if (v !== undefined) form.append(k, String(v));
  form.append("file", file, file.name);
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", `${env.functionsBase}/uploadDocument`);
    xhr.setRequestHeader("Authorization", `Bearer ${token}`);
    xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(Math.round((e.loaded / e.total) * 100));
    xhr.onerror = () => reject(new Error(t.upload.networkError));
    xhr.onload = () => {
      let body: { documentId?: string; fileName?: string; error?: { message?: string } } = {};
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        // not JSON: fall through to the status message
      }
      if (xhr.status >= 200 && xhr.status < 300 && body.documentId) resolve({ documentId: body.documentId, fileName: body.fileName ?? file.name });
      else reject(new Error(body.error?.message ?? (xhr.status === 413 ? fileTooLarge(DEFAULT_MAX_UPLOAD_BYTES).message : t.upload.failed(xhr.status))));
    };
    xhr.send(form);
  });
}
