// The Excel workbook of a settings what-if (GZ-3.4.2): a summary sheet (the period in words, the
// version compared, how many units change in each respect) and one row per unit by name with its
// current and proposed total (one decimal), band, rank, pass/fail and candidacies in words; the
// rows of the units that change are filled, so a reader finds them without the system.
import ExcelJS from "exceljs";
import { layOut } from "./sheetLayout.js";
import { CHANGE_LABELS, type ChangeKind, type Outcome, type WhatIfRow } from "../domain/whatIf.js";
import { candidacyWords, dateWord, evaluationOutcomeWords, nouns, periodWord } from "../domain/words.js";

export interface WhatIfWorkbookInput {
  programmeName: string;
  periodId: string;
  /** The settings version the period was decided with: the "current" side. */
  inForceVersion: number;
  effectiveFrom: string;
  reason: string;
  problems: string[];
  rows: (WhatIfRow & { unitName: string })[];
  counts: Record<ChangeKind, number>;
  generatedOn: string;
}

/** The fill of a changed unit's row (light amber). */
export const CHANGED_FILL = "FFFFF2CC";
export const SUMMARY_SHEET = "试算汇总";
export const UNITS_SHEET = "逐单位试算";

const one = (n: number) => Math.round(n * 10) / 10;
const passWord = (o: Outcome) => evaluationOutcomeWords[o.passed ? "passed" : "failed"];
const candidacies = (o: Outcome) => [o.clearOut && candidacyWords.clearOut, o.interview && candidacyWords.interview].filter(Boolean).join("、") || candidacyWords.none;

function summary(wb: ExcelJS.Workbook, input: WhatIfWorkbookInput) {
  const sheet = wb.addWorksheet(SUMMARY_SHEET);
  const changed = input.rows.filter((r) => r.changed.length > 0).length;
  sheet.addRow([`${input.programmeName} ${periodWord(input.periodId)} 设置试算`]).font = { bold: true };
  const rows: [string, string | number][] = [
    ["试算期次", periodWord(input.periodId)],
    ["现行设置", `第 ${input.inForceVersion} 版（该期次评价时适用）`],
    ["拟议设置生效期次", periodWord(input.effectiveFrom)],
    ["修改理由", input.reason],
    ["参与试算单位（家）", input.rows.length],
    ["有变化的单位（家）", changed],
    ...(Object.keys(CHANGE_LABELS) as ChangeKind[]).map((k): [string, number] => [`${CHANGE_LABELS[k]}（家）`, input.counts[k]]),
    ["生成日期", dateWord(input.generatedOn)],
    ...input.problems.map((p, i): [string, string] => [i === 0 ? "拟议设置的问题" : "", p]),
  ];
  for (const r of rows) sheet.addRow(r);
  layOut(sheet, { headerRows: 1, title: true, widths: [24, 48] });
}

function units(wb: ExcelJS.Workbook, input: WhatIfWorkbookInput) {
  const sheet = wb.addWorksheet(UNITS_SHEET);
  sheet.addRow([nouns.unitName, "现行总分", "拟议总分", "现行等级", "拟议等级", "现行名次", "拟议名次", "现行是否达标", "拟议是否达标", "现行候选", "拟议候选", "变化"]).font = { bold: true };
  for (const r of input.rows) {
    const c = r.current;
    const p = r.proposed;
    const row = sheet.addRow([r.unitName, one(c.total), one(p.total), c.band, p.band, c.rank ?? "—", p.rank ?? "—", passWord(c), passWord(p), candidacies(c), candidacies(p), r.changed.map((k) => CHANGE_LABELS[k]).join("、") || "无变化"]);
    if (r.changed.length > 0) row.eachCell((cell) => (cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: CHANGED_FILL } }));
  }
  layOut(sheet, { headerRows: 1, widths: [32, 10, 10, 10, 10, 10, 10, 12, 12, 16, 16, 40], scoreColumns: [2, 3] });
}

export async function whatIfWorkbook(input: WhatIfWorkbookInput): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = nouns.appName;
  summary(wb, input);
  units(wb, input);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
