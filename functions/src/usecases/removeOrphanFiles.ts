// Removes stored objects that no metadata row points at and that are older than an hour — what a
// crash between writing an object and committing its metadata (or a failed clean-up) can leave
// behind. Each removal is logged and audited under an id derived from the object path, so running
// it twice records nothing twice. Objects outside the document layout are left alone.
import { logger } from "firebase-functions";
import { parseDocumentObjectPath } from "../domain/documents.js";
import { PART_SUFFIX } from "../files/localDiskStore.js";
import { appendAuditOnce, recordsClause, systemActor } from "../store/audit.js";
import { collections } from "../store/collections.js";
import { ProblemLog, unreadable } from "../store/jobProblems.js";
import type { Deps } from "./deps.js";
import { recordProblems } from "./recordProblems.js";

const ORPHAN_AGE_MS = 60 * 60 * 1000;

export interface OrphanSweep {
  examined: number;
  removed: string[];
}

export async function removeOrphanFiles(deps: Deps): Promise<OrphanSweep> {
  const now = deps.clock();
  const { store } = deps.files();
  const result: OrphanSweep = { examined: 0, removed: [] };
  for await (const obj of store.list("programmes")) {
    result.examined++;
    if (now.getTime() - obj.updatedAt.getTime() < ORPHAN_AGE_MS) continue; // may be an upload in progress
    const unfinished = obj.path.endsWith(PART_SUFFIX);
    const ids = parseDocumentObjectPath(unfinished ? obj.path.slice(0, -PART_SUFFIX.length) : obj.path);
    if (!ids) continue;
    if (!unfinished) {
      const log = new ProblemLog();
      const meta = log.read(await collections.documents(ids.programmeId).doc(ids.documentId).get());
      // Metadata that cannot be read is not "no metadata": the bytes stay, and staff are told.
      if (meta === unreadable) {
        await recordProblems(deps, { programmeId: ids.programmeId, job: "sweepOrphanFiles", now, actor: systemActor("sweepOrphanFiles") }, log.notes);
        continue;
      }
      if (meta?.storagePath === obj.path) continue;
    }
    const clause = await recordsClause(ids.programmeId);
    await store.remove(obj.path);
    logger.warn("sweepOrphanFiles: removed an object without metadata", { path: obj.path, size: obj.size, updatedAt: obj.updatedAt.toISOString() });
    await appendAuditOnce(ids.programmeId, `orphan-removed-${obj.path.replace(/[^\w.-]/g, "_")}`, {
      at: now,
      actor: systemActor("sweepOrphanFiles"),
      action: "document.orphanRemoved",
      entity: obj.path,
      before: { size: obj.size, updatedAt: obj.updatedAt.toISOString(), unfinished },
      ...(clause ? { clause } : {}),
      note: "上传未完成或元数据写入失败留下的文件，无对应材料记录，已清理",
    });
    result.removed.push(obj.path);
  }
  return result;
}
