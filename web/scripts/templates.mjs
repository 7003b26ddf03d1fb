// Builds the Excel templates staff download from the admin page (pilot-enterprise import) into
// public/templates, so the headers the page asks for and the file it offers are made in one place
// at build time instead of a binary committed by hand.
import ExcelJS from "exceljs";
import { mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const out = join(dirname(fileURLToPath(import.meta.url)), "..", "public", "templates");
mkdirSync(out, { recursive: true });

const wb = new ExcelJS.Workbook();
const ws = wb.addWorksheet("试点企业");
ws.columns = [
  { header: "企业名称", key: "name", width: 36 },
  { header: "统一社会信用代码", key: "uscc", width: 24 },
  { header: "服务牵引单位", key: "unit", width: 36 },
  { header: "合同签订日期", key: "contract", width: 16 },
];
ws.getRow(1).font = { bold: true };
ws.addRow({ name: "（示例，导入前请删除本行）某某精密制造有限公司", uscc: "91440101MA5CXXXXXX", unit: "填写单位名称或其统一社会信用代码", contract: "2025-03-15" });
await wb.xlsx.writeFile(join(out, "pilot-enterprises.xlsx"));
