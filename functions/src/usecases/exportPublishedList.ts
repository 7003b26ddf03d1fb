// Staff export a published list version (the newest when none is named) as Excel: the partner
// list and catalogue (GZ-4.6.3, DG-14) or the unit change list (DG-13). Audited like every export.
// The public downloads the same file as the published list's attachment (api/publishedListFile).
import type { z } from "zod";
import { refused } from "../domain/errors.js";
import type { Actor, exportPublishedListRequestSchema } from "../domain/schemas/index.js";
import { appendAuditOnce } from "../store/audit.js";
import { loadProgrammeContext } from "../store/programmeContext.js";
import { readPublishedVersion } from "../store/publishing.js";
import type { Deps } from "./deps.js";
import { listKindWords } from "../domain/words.js";
import { listWorkbook } from "./listWorkbook.js";

export type ExportPublishedListInput = z.infer<typeof exportPublishedListRequestSchema>;

/**
 * The Excel file of a published list version (the newest when none is named), under its Chinese
 * file name: what staff export and what the public downloads as the list's attachment.
 */
export async function publishedListFile(deps: Deps, programmeId: string, list: ExportPublishedListInput["list"], version?: number) {
  const ctx = await loadProgrammeContext(programmeId, undefined, deps.calendar);
  const found = (await readPublishedVersion(programmeId, list, version)) ?? refused("LIST_NOT_PUBLISHED", version ? `${listKindWords[list]}第 ${version} 版` : listKindWords[list]);
  const buffer = await listWorkbook(ctx.programme.name, list, found.version);
  const fileName = `${ctx.programme.name}_${listKindWords[list]}_第${found.version.version}版.xlsx`;
  return { path: found.path, version: found.version, buffer, fileName };
}

export async function exportPublishedList(deps: Deps, input: ExportPublishedListInput, actor: Actor) {
  const { programmeId, list } = input;
  const now = deps.clock();
  const { path, version, buffer, fileName } = await publishedListFile(deps, programmeId, list, input.version);
  await appendAuditOnce(programmeId, `export-${list}-${version.version}-${now.getTime()}`, {
    at: now,
    actor,
    action: "list.exported",
    entity: path,
    after: { fileName, rows: version.entries.length },
    clause: version.clause,
  });
  return { fileName, contentBase64: buffer.toString("base64"), rows: version.entries.length, version: version.version };
}
