// Staff export a period's evaluations and ranking as an Excel workbook (exceljs), returned as
// base64 with a Chinese file name. Every export is audited: it carries every unit's scores.
import { exportPeriodRequestSchema } from "../domain/schemas/requests.js";
import { appendAuditOnce } from "../store/audit.js";
import { collections } from "../store/collections.js";
import { loadProgrammeContext } from "../store/programmeContext.js";
import { requireStaff, staffActor } from "./caller.js";
import { periodWorkbook } from "./periodWorkbook.js";
import { validatedOnCall } from "./validatedOnCall.js";

export const exportPeriod = validatedOnCall("exportPeriod", exportPeriodRequestSchema, async (req, request) => {
  const caller = requireStaff(request.auth, req.programmeId);
  const now = new Date();
  const ctx = await loadProgrammeContext(req.programmeId);
  const evaluations = (await collections.evaluations(req.programmeId).where("periodId", "==", req.periodId).get()).docs.map((d) => d.data());
  const unitRefs = [...new Set(evaluations.map((e) => e.unitId))].map((id) => collections.units(req.programmeId).doc(id));
  const units = unitRefs.length ? await unitRefs[0]!.firestore.getAll(...unitRefs) : [];
  const names = new Map(units.map((s) => [s.id, s.data()?.name ?? s.id]));
  const buffer = await periodWorkbook({
    programmeName: ctx.programme.name,
    periodId: req.periodId,
    evaluations: evaluations.map((e) => ({ ...e, unitName: names.get(e.unitId) ?? e.unitId })),
    lowestRankedCount: ctx.pack.lowestRankedCount,
  });
  const fileName = `${ctx.programme.name}_${req.periodId}_绩效评价与排名.xlsx`;
  await appendAuditOnce(req.programmeId, `export-${req.periodId}-${now.getTime()}`, {
    at: now,
    actor: staffActor(caller),
    action: "period.exported",
    entity: collections.periods(req.programmeId).doc(req.periodId).path,
    after: { fileName, rows: evaluations.length },
    clause: ctx.pack.clauses.evaluation,
  });
  return { fileName, contentBase64: buffer.toString("base64"), rows: evaluations.length };
});
