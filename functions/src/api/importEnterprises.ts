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
import { planEnterpriseImport } from "../domain/enterpriseRegistry.js";
import { importEnterprisesRequestSchema } from "../domain/schemas/index.js";
import { db } from "../store/admin.js";
import { appendAudit, appendAuditOnce } from "../store/audit.js";
import { collections } from "../store/collections.js";
import { loadProgrammeContext } from "../store/programmeContext.js";
import { requireStaff, staffActor } from "./caller.js";
import { readEnterpriseSheet } from "./enterpriseWorkbook.js";
import { requireOpenProgramme } from "./openProgramme.js";
import { validatedOnCall } from "./validatedOnCall.js";
import { refused } from "../domain/errors.js";

const MAX_BYTES = 2 * 1024 * 1024;
const PER_BATCH = 200; // enterprises per batch: 400 writes with their audit entries

export const importEnterprises = validatedOnCall("importEnterprises", importEnterprisesRequestSchema, async (req, request) => {
  const caller = requireStaff(request.auth, req.programmeId);
  const now = new Date();
  const file = Buffer.from(req.fileBase64, "base64");
  if (file.length > MAX_BYTES) refused("WORKBOOK_TOO_LARGE");
  const ctx = await loadProgrammeContext(req.programmeId);
  requireOpenProgramme(ctx, now);
  const rows = await readEnterpriseSheet(file);
  if (rows.length === 0) refused("WORKBOOK_EMPTY");

  const units = (await collections.units(req.programmeId).get()).docs.map((d) => ({ id: d.id, ...d.data() }));
  const usccs = [...new Set(rows.map((r) => String(r.cells.uscc ?? "").trim().toUpperCase()).filter((u) => /^[0-9A-Z]{18}$/.test(u)))];
  const existing = new Map<string, string>();
  for (let i = 0; i < usccs.length; i += 300) {
    const refs = usccs.slice(i, i + 300).map((u) => collections.enterprises(req.programmeId).doc(u));
    for (const snap of await db.getAll(...refs)) {
      const e = snap.data();
      if (e) existing.set(snap.id, e.servedBy);
    }
  }
  const plan = planEnterpriseImport(rows, units, existing);
  const answer = { rows: plan.rows, created: plan.create.length, unchanged: plan.unchanged, errors: plan.errors };
  if (req.dryRun || plan.errors.length) return answer;

  const actor = staffActor(caller);
  let written = 0;
  try {
    for (let i = 0; i < plan.create.length; i += PER_BATCH) {
      const batch = db.batch();
      for (const { id, enterprise } of plan.create.slice(i, i + PER_BATCH)) {
        const ref = collections.enterprises(req.programmeId).doc(id);
        batch.create(ref, enterprise);
        appendAudit(batch, req.programmeId, `enterprise-${id}.listed`, { at: now, actor, action: "enterprise.listed", entity: ref.path, after: enterprise, clause: ctx.pack.clauses.enterpriseList, note: "Excel 批量导入" });
      }
      await batch.commit();
      written += Math.min(PER_BATCH, plan.create.length - i);
    }
  } catch {
    refused("IMPORT_INTERRUPTED", `已写入 ${written} 家`);
  } finally {
    const digest = createHash("sha256").update(file).digest("hex").slice(0, 16);
    await appendAuditOnce(req.programmeId, `enterpriseImport-${now.getTime()}-${digest}`, {
      at: now,
      actor,
      action: "enterprise.imported",
      entity: collections.enterprises(req.programmeId).path,
      after: { rows: plan.rows, created: written, unchanged: plan.unchanged, sha256: digest },
      clause: ctx.pack.clauses.enterpriseList,
    });
  }
  return { ...answer, created: written };
});
