// The Excel workbook of one published list version: a title row naming the programme, the list,
// the version, its publication date and clause, then one row per entry with Chinese headers.
import ExcelJS from "exceljs";
import type { PublishedListKind } from "../domain/listDiff.js";
import type { CatalogueList, PartnerList, UnitChangeList } from "../domain/schemas/index.js";

export const LIST_TITLE: Record<PublishedListKind, string> = { partners: "合作伙伴名单", catalogue: "产品和服务目录", unitChanges: "单位变更名单" };
const FIELD: Record<string, string> = { name: "名称", address: "住所", legalRepresentative: "法定代表人", businessScope: "经营范围", registeredCapital: "注册资本" };

type Version = PartnerList | CatalogueList | UnitChangeList;

function table(kind: PublishedListKind, version: Version): { headers: string[]; rows: (string | number)[][] } {
  if (kind === "partners") return { headers: ["序号", "牵引单位", "合作伙伴名称", "统一社会信用代码"], rows: (version as PartnerList).entries.map((e, i) => [i + 1, e.unitName, e.name, e.uscc]) };
  if (kind === "catalogue") return { headers: ["序号", "牵引单位", "产品或服务", "类别", "最低价格（元）", "最高价格（元）"], rows: (version as CatalogueList).entries.map((e, i) => [i + 1, e.unitName, e.name, e.category, e.priceMin, e.priceMax]) };
  return {
    headers: ["序号", "牵引单位", "变更事项", "批准日期"],
    rows: (version as UnitChangeList).entries.map((e, i) => [i + 1, e.unitName, e.changes.map((c) => `${FIELD[c.field] ?? c.field}：${c.to}`).join("；"), e.approvedOn]),
  };
}

export async function listWorkbook(programmeName: string, kind: PublishedListKind, version: Version): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "数字化转型牵引单位管理系统";
  const sheet = wb.addWorksheet(LIST_TITLE[kind]);
  sheet.addRow([`${programmeName} ${LIST_TITLE[kind]}（第 ${version.version} 版，${version.publishedOn} 发布，依据 ${version.clause}）`]);
  const { headers, rows } = table(kind, version);
  sheet.addRow(headers).font = { bold: true };
  for (const r of rows) sheet.addRow(r);
  sheet.columns.forEach((c, i) => (c.width = i === 0 ? 8 : 32));
  return Buffer.from(await wb.xlsx.writeBuffer());
}
