// The Excel workbook of a period's evaluations and ranking: Chinese headers, one row per unit in
// rank order on the pack's basis (standard competition ranking; DG-9.2 ranks on task-book
// completion, shown beside the total), whether the ranking is provisional or final with the reason
// (DG-8: final once every evaluation is approved), and each dimension's explanation so the sheet
// can be read without the system.
import ExcelJS from "exceljs";
import { layOut } from "./sheetLayout.js";
import type { RankingBasis } from "../domain/policy/schema.js";
import type { Evaluation } from "../domain/schemas/index.js";
import { rankOn } from "../domain/ranking.js";
import { completionWords, evaluationOutcomeWords, nouns, periodWord, rankingBasisWords, rankingMarkWords, reportingWords, stateWords } from "../domain/words.js";

export interface WorkbookInput {
  programmeName: string;
  periodId: string;
  evaluations: (Evaluation & { unitName: string })[];
  basis: RankingBasis;
  /** The ranking's standing: final (summary frozen), or why it is still provisional. */
  standing: { final: boolean; unapproved: number; periodClosed: boolean };
}

export async function periodWorkbook(input: WorkbookInput): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = nouns.appName;
  const rankedOnBasis = rankOn(input.evaluations, input.basis);
  const ranks = new Map(rankedOnBasis.map((e) => [e.unitId, e.rank]));
  // Units without a value on the basis (no task-book target) come last, unranked.
  const ranked = [...rankedOnBasis, ...input.evaluations.filter((e) => !ranks.has(e.unitId)).map((e) => ({ ...e, rank: undefined }))];
  const mark = rankingMarkWords(input.standing);
  const dimensionLabels = input.evaluations[0]?.dimensions.map((d) => `${d.label}（${d.weight}分）`) ?? [];

  const sheet = wb.addWorksheet("绩效评价与排名");
  // One title cell spread over the table (sheetLayout), the ranking's standing on its second line.
  sheet.addRow([`${input.programmeName} ${periodWord(input.periodId)} 绩效评价与排名\n排名${mark.mark}：${mark.reason}；排名依据：${rankingBasisWords[input.basis]}`]);
  // Units by name only: a reader of the sheet knows them by name, not by the system's ids.
  sheet.addRow(["排名", nouns.unitName, nouns.total, "任务书完成率", nouns.band, "是否达标", "评价状态", "报送情况", ...dimensionLabels]);
  sheet.getRow(2).font = { bold: true };
  for (const e of ranked) {
    const outcome = evaluationOutcomeWords[e.passed ? "passed" : "failed"];
    sheet.addRow([e.rank ?? "—", e.unitName, e.total, completionWords(e.completion), e.band, outcome, stateWords.evaluation[e.state], e.reporting ? reportingWords[e.reporting] : "", ...e.dimensions.map((d) => d.score)]);
  }
  // The total and each dimension's score: one decimal, as on the pages.
  layOut(sheet, { headerRows: 2, widths: [8, 32, 10, 16, 10, 10, 12, 14, 14], scoreColumns: [3, ...dimensionLabels.map((_, i) => 9 + i)] });

  const notes = wb.addWorksheet("计分说明");
  notes.addRow([nouns.unitName, "评分维度", "得分", "计分说明"]);
  notes.getRow(1).font = { bold: true };
  for (const e of ranked) for (const d of e.dimensions) notes.addRow([e.unitName, d.label, d.score, d.explanation]);
  layOut(notes, { headerRows: 1, widths: [32, 24, 10, 100], scoreColumns: [3] });

  return Buffer.from(await wb.xlsx.writeBuffer());
}
