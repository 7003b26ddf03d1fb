// The Excel workbook of a period's evaluations and ranking: Chinese headers, one row per unit in
// rank order (standard competition ranking, DG-8 / DG-9.2), and each dimension's explanation so
// the sheet can be read without the system.
import ExcelJS from "exceljs";
import type { Evaluation } from "../domain/schemas/index.js";
import { rank } from "../domain/ranking.js";

const STATE = { draft: "待审定", approved: "已审定" } as const;
const REPORTING = { onTime: "按时完整", late: "逾期", incomplete: "不完整", missing: "未报送" } as const;

export interface WorkbookInput {
  programmeName: string;
  periodId: string;
  evaluations: (Evaluation & { unitName: string })[];
  lowestRankedCount: number;
}

export async function periodWorkbook(input: WorkbookInput): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "数字化转型牵引单位管理系统";
  const ranked = rank(input.evaluations);
  const dimensionLabels = input.evaluations[0]?.dimensions.map((d) => `${d.label}（${d.weight}分）`) ?? [];

  const sheet = wb.addWorksheet("绩效评价与排名");
  sheet.addRow([`${input.programmeName} ${input.periodId} 绩效评价与排名`]);
  sheet.addRow(["排名", "单位编号", "单位名称", "总分", "等级", "是否达标", "评价状态", "报送情况", ...dimensionLabels]);
  sheet.getRow(2).font = { bold: true };
  for (const e of ranked) {
    sheet.addRow([e.rank, e.unitId, e.unitName, e.total, e.band, e.passed ? "达标" : "不达标", STATE[e.state], e.reporting ? REPORTING[e.reporting] : "", ...e.dimensions.map((d) => d.score)]);
  }
  sheet.columns.forEach((c, i) => (c.width = i === 2 ? 32 : 14));

  const notes = wb.addWorksheet("计分说明");
  notes.addRow(["单位名称", "评分维度", "得分", "计分说明"]);
  notes.getRow(1).font = { bold: true };
  for (const e of ranked) for (const d of e.dimensions) notes.addRow([e.unitName, d.label, d.score, d.explanation]);
  notes.columns.forEach((c, i) => (c.width = i === 3 ? 100 : 24));

  return Buffer.from(await wb.xlsx.writeBuffer());
}
