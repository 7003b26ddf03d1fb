// Reads the pilot-enterprise import sheet: the first worksheet, a header row naming the columns
// (in any order), one enterprise per row. Only reading happens here; what a row means is decided
// by domain/enterpriseRegistry.ts. A file that is not a readable .xlsx, or lacks a required
// column, is refused as a whole with a Chinese sentence.
import ExcelJS from "exceljs";
import { ENTERPRISE_IMPORT_COLUMNS, type ImportRow } from "../domain/enterpriseRegistry.js";
import { refused } from "../domain/errors.js";

const REQUIRED: (keyof typeof ENTERPRISE_IMPORT_COLUMNS)[] = ["name", "uscc", "unit"];

export async function readEnterpriseSheet(file: Buffer): Promise<ImportRow[]> {
  // An .xlsx is a zip archive: refuse anything else before handing it to the parser.
  if (file.length < 4 || file.readUInt32LE(0) !== 0x04034b50) refused("WORKBOOK_NOT_XLSX");
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(file as unknown as ArrayBuffer);
  } catch {
    refused("WORKBOOK_UNREADABLE");
  }
  const sheet = wb.worksheets[0];
  if (!sheet) refused("WORKBOOK_NO_SHEET");
  const columns = new Map<keyof typeof ENTERPRISE_IMPORT_COLUMNS, number>();
  sheet.getRow(1).eachCell((cell, col) => {
    const header = String(cell.value ?? "").trim();
    for (const [key, label] of Object.entries(ENTERPRISE_IMPORT_COLUMNS)) if (header === label) columns.set(key as keyof typeof ENTERPRISE_IMPORT_COLUMNS, col);
  });
  const missing = REQUIRED.filter((k) => !columns.has(k)).map((k) => ENTERPRISE_IMPORT_COLUMNS[k]);
  if (missing.length) refused("WORKBOOK_HEADERS", missing.join("、"));

  const rows: ImportRow[] = [];
  sheet.eachRow((row, number) => {
    if (number === 1) return;
    const cells: ImportRow["cells"] = {};
    for (const [key, col] of columns) cells[key] = row.getCell(col).value ?? undefined;
    if (Object.values(cells).some((v) => v !== undefined && String(v).trim() !== "")) rows.push({ row: number, cells });
  });
  return rows;
}
