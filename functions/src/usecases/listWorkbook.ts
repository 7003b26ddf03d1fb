// The Excel workbook of one published list version: a title row naming the programme, the list,
// the version, its publication date and clause, then one row per entry with Chinese headers.
import ExcelJS from "exceljs";
import { layOut } from "./sheetLayout.js";
import type { PublishedListKind } from "../domain/listDiff.js";
import type { CatalogueList, PartnerList, UnitChangeList } from "../domain/schemas/index.js";

import { dateWord, listKindWords, nouns, unitInfoFieldWords } from "../domain/words.js";

const fieldWord = (field: string): string => (unitInfoFieldWords as Record<string, string>)[field] ?? field;

type Version = PartnerList | CatalogueList | UnitChangeList;

function table(kind: PublishedListKind, version: Version): { headers: string[]; rows: (string | number)[][] } {
  if (kind === "partners") return { headers: ["序号", "牵引单位", "合作伙伴名称", "统一社会信用代码"], rows: (version as PartnerList).entries.map((e, i) => [i + 1, e.unitName, e.name, e.uscc]) };
  if (kind === "catalogue") return { headers: ["序号", "牵引单位", "产品或服务", "类别", "最低价格（元）", "最高价格（元）"], rows: (version as CatalogueList).entries.map((e, i) => [i + 1, e.unitName, e.name, e.category, e.priceMin, e.priceMax]) };
  return {
    headers: ["序号", "牵引单位", "变更事项", "批准日期"],
    rows: (version as UnitChangeList).entries.map((e, i) => [i + 1, e.unitName, e.changes.map((c) => `${fieldWord(c.field)}：${c.to}`).join("；"), dateWord(e.approvedOn)]),
  };
}

export async function listWorkbook(programmeName: string, kind: PublishedListKind, version: Version): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = nouns.appName;
  const sheet = wb.addWorksheet(listKindWords[kind]);
  sheet.addRow([`${programmeName} ${listKindWords[kind]}（第 ${version.version} 版，${dateWord(version.publishedOn)}发布，依据 ${version.clause}）`]);
  const { headers, rows } = table(kind, version);
  sheet.addRow(headers).font = { bold: true };
  for (const r of rows) sheet.addRow(r);
  layOut(sheet, { headerRows: 2, widths: [8, 32] });
  return Buffer.from(await wb.xlsx.writeBuffer());
}
