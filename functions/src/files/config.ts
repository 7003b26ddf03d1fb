// File configuration from the environment, read once per instance (cold start), logged once.
//   FILES_BACKEND          local | gcs              (default: local on the emulator, gcs deployed)
//   FILES_DIR              local root folder         (scripts/emulators.mjs sets <repo>/.data/files)
//   FILES_BUCKET           Cloud Storage bucket      (default: <project>.appspot.com)
//   MAX_UPLOAD_BYTES       per-file limit            (default 20 MiB)
//   DOWNLOAD_TOKEN_SECRET  HMAC key for download links (required outside the emulator; a development default on it)
//   DOWNLOAD_BASE_URL      URL of the downloadDocument function (emulator: set by scripts/emulators.mjs)
import { resolve } from "node:path";
import { logger } from "firebase-functions";
import { DEFAULT_MAX_UPLOAD_BYTES } from "../domain/documents.js";
import { cloudStorageStore } from "./cloudStorageStore.js";
import type { FileStore } from "./fileStore.js";
import { localDiskStore } from "./localDiskStore.js";

export const onEmulator = () => process.env.FUNCTIONS_EMULATOR === "true";

const DEV_SECRET = "dev-only-download-secret-not-for-production";

export interface FilesConfig {
  backend: "local" | "gcs";
  filesDir: string;
  bucket: string;
  maxUploadBytes: number;
  downloadSecret: string;
  downloadBaseUrl?: string;
}

export function readFilesConfig(env: NodeJS.ProcessEnv = process.env): FilesConfig {
  const backend = (env.FILES_BACKEND ?? (env.FUNCTIONS_EMULATOR === "true" || !env.K_SERVICE ? "local" : "gcs")) as string;
  if (backend !== "local" && backend !== "gcs") throw new Error(`FILES_BACKEND must be local or gcs, not ${backend}`);
  const project = env.GCLOUD_PROJECT ?? env.GOOGLE_CLOUD_PROJECT ?? "demo-traction";
  const max = Number(env.MAX_UPLOAD_BYTES ?? DEFAULT_MAX_UPLOAD_BYTES);
  if (!Number.isInteger(max) || max <= 0) throw new Error(`MAX_UPLOAD_BYTES must be a positive integer, not ${env.MAX_UPLOAD_BYTES}`);
  // The development secret is public (it is in this file): it may sign only on the emulator.
  const emulator = env.FUNCTIONS_EMULATOR === "true";
  const secret = env.DOWNLOAD_TOKEN_SECRET ?? (emulator ? DEV_SECRET : "");
  if (!emulator && (secret.length < 32 || secret === DEV_SECRET)) throw new Error("DOWNLOAD_TOKEN_SECRET must be set to a secret of at least 32 characters outside the emulator (download links are signed with it)");
  return {
    backend,
    // Default under the repo when run outside scripts/emulators.mjs (the functions folder is the cwd).
    filesDir: resolve(env.FILES_DIR ?? resolve(process.cwd(), "..", ".data", "files")),
    bucket: env.FILES_BUCKET ?? `${project}.appspot.com`,
    maxUploadBytes: max,
    downloadSecret: secret,
    downloadBaseUrl: env.DOWNLOAD_BASE_URL,
  };
}

let cached: { config: FilesConfig; store: FileStore } | undefined;

/** The configured store; the first call in an instance logs which one it is. */
export function files(): { config: FilesConfig; store: FileStore } {
  if (cached) return cached;
  const config = readFilesConfig();
  const store = config.backend === "gcs" ? cloudStorageStore(config.bucket) : localDiskStore(config.filesDir);
  logger.info(config.backend === "gcs" ? `文件存储：Cloud Storage（存储桶 ${config.bucket}）` : `文件存储：本地磁盘（${config.filesDir}）`, { backend: config.backend, maxUploadBytes: config.maxUploadBytes });
  cached = { config, store };
  return cached;
}
