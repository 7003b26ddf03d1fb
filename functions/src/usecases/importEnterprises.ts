// Staff put many pilot enterprises on the list at once from an Excel file (GZ-1.3, DG-3). The
// file is read, every row checked against the programme's units and the existing list, and
// either the errors are returned (nothing written) or — unless it is a dry run — the new
// enterprises are written. Rows already on the list for the same unit are left as they are, so
// importing a file twice adds nothing.
//
// More than one batch may be needed (≤ 2,000 rows; each enterprise and its audit entry go in the
// same batch of ≤ 400 writes). Ids are the USCCs and writes are `create`s: if a later batch fails
// (say, staff registered one of its enterprises a moment earlier), the earlier batches stand and
// the answer says so; running the import again plans only what is still missing.
import { createHash } from "node:crypto";
import type { z } from "zod";
import { planEnterpriseImport, type ImportPlan, type ImportRow } from "../domain/enterpriseRegistry.js";
import { refused } from "../domain/errors.js";
import type { Actor, importEnterprisesRequestSchema } from "../domain/schemas/index.js";
import { appendAudit, appendAuditOnce } from "../store/audit.js";
import { collections } from "../store/collections.js";
import { loadProgrammeContext } from "../store/programmeContext.js";
import type { Deps } from "./deps.js";
import { readEnterpriseSheet } from "./enterpriseWorkbook.js";
import { requireOpenProgramme } from "./openProgramme.js";

export type ImportEnterprisesInput = z.infer<typeof importEnterprisesRequestSchema>;

const MAX_BYTES = 2 * 1024 * 1024;
const PER_BATCH = 200; // enterprises per batch: 400 writes with their audit entries

export async function importEnterprises(deps: Deps, input: ImportEnterprisesInput, actor: Actor) {
  const { programmeId } = input;
  const now = deps.clock();
  const file = Buffer.from(input.fileBase64, "base64");
  if (file.length > MAX_BYTES) refused("WORKBOOK_TOO_LARGE");
  const ctx = await loadProgrammeContext(programmeId, undefined, deps.calendar);
  requireOpenProgramme(ctx, now);
  const rows = await readEnterpriseSheet(file);
  if (rows.length === 0) refused("WORKBOOK_EMPTY");

  const units = (await collections.units(programmeId).get()).docs.map((d) => ({ id: d.id, ...d.data() }));
  const plan = planEnterpriseImport(rows, units, await listedServedBy(deps, programmeId, rows));
  const answer = { rows: plan.rows, created: plan.create.length, unchanged: plan.unchanged, errors: plan.errors };
  if (input.dryRun || plan.errors.length) return answer;

  let written = 0;
  try {
    await writePlan(deps, programmeId, plan, { now, actor, clause: ctx.pack.clauses.enterpriseList }, (n) => (written = n));
  } catch {
    refused("IMPORT_INTERRUPTED", `已写入 ${written} 家`);
  } finally {
    const digest = createHash("sha256").update(file).digest("hex").slice(0, 16);
    await appendAuditOnce(programmeId, `enterpriseImport-${now.getTime()}-${digest}`, {
      at: now,
      actor,
      action: "enterprise.imported",
      entity: collections.enterprises(programmeId).path,
      after: { rows: plan.rows, created: written, unchanged: plan.unchanged, sha256: digest },
      clause: ctx.pack.clauses.enterpriseList,
    });
  }
  return { ...answer, created: written };
}

/** USCC → serving unit of the rows' enterprises already on the list (rows with a malformed USCC are the plan's errors). */
async function listedServedBy(deps: Deps, programmeId: string, rows: readonly ImportRow[]) {
  const usccs = [...new Set(rows.map((r) => String(r.cells.uscc ?? "").trim().toUpperCase()).filter((u) => /^[0-9A-Z]{18}$/.test(u)))];
  const existing = new Map<string, string>();
  for (let i = 0; i < usccs.length; i += 300) {
    const refs = usccs.slice(i, i + 300).map((u) => collections.enterprises(programmeId).doc(u));
    for (const snap of await deps.db.getAll(...refs)) {
      const e = snap.data();
      if (e) existing.set(snap.id, e.servedBy);
    }
  }
  return existing;
}

/** Writes the plan batch by batch, telling `progress` how many are written after each batch. */
async function writePlan(deps: Deps, programmeId: string, plan: ImportPlan, audit: { now: Date; actor: Actor; clause: string }, progress: (written: number) => void) {
  let written = 0;
  for (let i = 0; i < plan.create.length; i += PER_BATCH) {
    const batch = deps.db.batch();
    for (const { id, enterprise } of plan.create.slice(i, i + PER_BATCH)) {
      const ref = collections.enterprises(programmeId).doc(id);
      batch.create(ref, enterprise);
      appendAudit(batch, programmeId, `enterprise-${id}.listed`, { at: audit.now, actor: audit.actor, action: "enterprise.listed", entity: ref.path, after: enterprise, clause: audit.clause, note: "Excel 批量导入" });
    }
    await batch.commit();
    written += Math.min(PER_BATCH, plan.create.length - i);
    progress(written);
  }
}
