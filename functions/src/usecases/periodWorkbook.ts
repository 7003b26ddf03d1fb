// The Excel workbook of a period's evaluations and ranking: Chinese headers, one row per unit in
// rank order (standard competition ranking, DG-8 / DG-9.2), and each dimension's explanation so
// the sheet can be read without the system.
import ExcelJS from "exceljs";
import type { Evaluation } from "../domain/schemas/index.js";
import { rank } from "../domain/ranking.js";
import { evaluationOutcomeWords, nouns, periodWord, reportingWords, stateWords } from "../domain/words.js";

export interface WorkbookInput {
  programmeName: string;
  periodId: string;
  evaluations: (Evaluation & { unitName: string })[];
  lowestRankedCount: number;
}

export async function periodWorkbook(input: WorkbookInput): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = nouns.appName;
  const ranked = rank(input.evaluations);
  const dimensionLabels = input.evaluations[0]?.dimensions.map((d) => `${d.label}（${d.weight}分）`) ?? [];

  const sheet = wb.addWorksheet("绩效评价与排名");
  sheet.addRow([`${input.programmeName} ${periodWord(input.periodId)} 绩效评价与排名`]);
  // Units by name only: a reader of the sheet knows them by name, not by the system's ids.
  sheet.addRow(["排名", nouns.unitName, nouns.total, nouns.band, "是否达标", "评价状态", "报送情况", ...dimensionLabels]);
  sheet.getRow(2).font = { bold: true };
  for (const e of ranked) {
    const outcome = evaluationOutcomeWords[e.passed ? "passed" : "failed"];
    sheet.addRow([e.rank, e.unitName, e.total, e.band, outcome, stateWords.evaluation[e.state], e.reporting ? reportingWords[e.reporting] : "", ...e.dimensions.map((d) => d.score)]);
  }
  sheet.columns.forEach((c, i) => (c.width = i === 1 ? 32 : 14));

  const notes = wb.addWorksheet("计分说明");
  notes.addRow([nouns.unitName, "评分维度", "得分", "计分说明"]);
  notes.getRow(1).font = { bold: true };
  for (const e of ranked) for (const d of e.dimensions) notes.addRow([e.unitName, d.label, d.score, d.explanation]);
  notes.columns.forEach((c, i) => (c.width = i === 3 ? 100 : 24));

  return Buffer.from(await wb.xlsx.writeBuffer());
}
