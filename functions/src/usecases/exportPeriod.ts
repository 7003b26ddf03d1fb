// Staff export a period's evaluations and ranking as an Excel workbook, returned as base64 with a
// Chinese file name, marked provisional or final as the admin page shows it (DG-8 / DG-9.2).
// Every export is audited: it carries every unit's scores.
import type { z } from "zod";
import type { Actor, exportPeriodRequestSchema } from "../domain/schemas/index.js";
import { appendAuditOnce } from "../store/audit.js";
import { collections } from "../store/collections.js";
import { rankingRef } from "../store/evaluations.js";
import { loadProgrammeContext } from "../store/programmeContext.js";
import type { Deps } from "./deps.js";
import { periodWord } from "../domain/words.js";
import { periodWorkbook } from "./periodWorkbook.js";

export type ExportPeriodInput = z.infer<typeof exportPeriodRequestSchema>;

export async function exportPeriod(deps: Deps, input: ExportPeriodInput, actor: Actor) {
  const { programmeId, periodId } = input;
  const now = deps.clock();
  const ctx = await loadProgrammeContext(programmeId, undefined, deps.calendar);
  const evaluations = (await collections.evaluations(programmeId).where("periodId", "==", periodId).get()).docs.map((d) => d.data());
  const unitRefs = [...new Set(evaluations.map((e) => e.unitId))].map((id) => collections.units(programmeId).doc(id));
  const units = unitRefs.length ? await deps.db.getAll(...unitRefs) : [];
  const names = new Map(units.map((s) => [s.id, s.data()?.name ?? s.id]));
  const [period, summary] = await Promise.all([collections.periods(programmeId).doc(periodId).get(), rankingRef(programmeId, periodId).get()]);
  const standing = { final: summary.data()?.finalAt !== undefined, unapproved: evaluations.filter((e) => e.state !== "approved").length, periodClosed: period.data()?.state === "closed" };
  const buffer = await periodWorkbook({
    programmeName: ctx.programme.name,
    periodId,
    evaluations: evaluations.map((e) => ({ ...e, unitName: names.get(e.unitId) ?? e.unitId })),
    basis: ctx.pack.ranking.basis,
    standing,
  });
  const fileName = `${ctx.programme.name}_${periodWord(periodId)}_绩效评价与排名.xlsx`;
  await appendAuditOnce(programmeId, `export-${periodId}-${now.getTime()}`, {
    at: now,
    actor,
    action: "period.exported",
    entity: collections.periods(programmeId).doc(periodId).path,
    after: { fileName, rows: evaluations.length, rankingFinal: standing.final },
    clause: ctx.pack.clauses.evaluation,
  });
  return { fileName, contentBase64: buffer.toString("base64"), rows: evaluations.length };
}
