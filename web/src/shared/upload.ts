// Uploads one file to the upload function with progress. Type and size are checked here first
// so a person gets the answer at once; the server checks the real bytes again and has the final
// word (its refusals come back in Chinese and are shown as they are).
import { auth } from "./firebase";
import { env } from "./env";

export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;
const ACCEPTED = { "application/pdf": "PDF", "image/jpeg": "JPEG", "image/png": "PNG" } as Record<string, string>;
export const ACCEPT_ATTR = ".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png";

/** A Chinese reason the file cannot be sent, or null when it may be. */
export function precheck(file: File): string | null {
  if (file.size === 0) return "文件为空，请重新选择。";
  if (file.size > MAX_UPLOAD_BYTES) return `文件超过 20 MB（${(file.size / 1024 / 1024).toFixed(1)} MB），请压缩后再上传。`;
  if (!ACCEPTED[file.type] && !/\.(pdf|jpe?g|png)$/i.test(file.name)) return "只接受 PDF、JPEG、PNG 格式的文件。";
  return null;
}

export interface UploadTarget {
  programmeId: string;
  targetType: "change" | "report" | "proceeding" | "unit";
  targetId: string;
  kind: string;
  issuedOn?: string;
  stamped?: boolean;
}

export async function uploadFile(target: UploadTarget, file: File, onProgress: (percent: number) => void): Promise<{ documentId: string }> {
  const reason = precheck(file);
  if (reason) throw new Error(reason);
  const token = await auth.currentUser?.getIdToken();
  if (!token) throw new Error("请先登录。");
  const form = new FormData();
  for (const [k, v] of Object.entries(target)) if (v !== undefined) form.append(k, String(v));
  form.append("file", file, file.name);
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", `${env.functionsBase}/uploadDocument`);
    xhr.setRequestHeader("Authorization", `Bearer ${token}`);
    xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(Math.round((e.loaded / e.total) * 100));
    xhr.onerror = () => reject(new Error("网络错误，上传未完成，请重试。"));
    xhr.onload = () => {
      let body: { documentId?: string; error?: { message?: string } } = {};
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        // not JSON: fall through to the status message
      }
      if (xhr.status >= 200 && xhr.status < 300 && body.documentId) resolve({ documentId: body.documentId });
      else reject(new Error(body.error?.message ?? (xhr.status === 413 ? "文件超过大小限制。" : `上传失败（${xhr.status}）。`)));
    };
    xhr.send(form);
  });
}
