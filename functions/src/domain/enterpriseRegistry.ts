// The pilot-enterprise list (GZ-1.3, DG-3): the work group puts enterprises on it, each served by
// one unit under contract. Pure decisions for registering one enterprise and for importing a
// spreadsheet of them: which rows are new, which are already there, and what is wrong with the
// rest, named by Excel row and column so staff can fix the file. An import is all or nothing.
import { z } from "zod";
import { refuse, type Refusal } from "./errors.js";
import { isoDate, text, usccField } from "./schemas/common.js";
import type { PilotEnterprise } from "./schemas/unit.js";
import { offTheListStates, type UnitState } from "./states.js";

/** The columns of the import sheet, by their Chinese header (the template carries the same). */
export const ENTERPRISE_IMPORT_COLUMNS = { name: "企业名称", uscc: "统一社会信用代码", unit: "服务牵引单位", contractSignedOn: "合同签订日期" } as const;
export const MAX_IMPORT_ROWS = 2000;

/** Units that may take on new pilot enterprises: still on the list (not cleared out, cancelled or withdrawn). */
export const unitMayServe = (status: UnitState) => !offTheListStates.includes(status);

export interface UnitForRegistry {
  id: string;
  name: string;
  uscc: string;
  status: UnitState;
}

export interface ImportRow {
  /** The Excel row number (the header is row 1). */
  row: number;
  /** Cell values by column key; Excel dates arrive as Date. */
  cells: Partial<Record<keyof typeof ENTERPRISE_IMPORT_COLUMNS, unknown>>;
}

export interface ImportError {
  row: number;
  field: string;
  message: string;
}

export interface ImportPlan {
  rows: number;
  create: { id: string; enterprise: PilotEnterprise }[];
  unchanged: number;
  errors: ImportError[];
}

/** A new list entry: nothing diagnosed or accepted yet; the id is the USCC (once per programme). */
export function newEnterprise(a: { name: string; uscc: string; servedBy: string; contractSignedOn?: string }): PilotEnterprise {
  return { name: a.name, uscc: a.uscc, servedBy: a.servedBy, ...(a.contractSignedOn ? { contractSignedOn: a.contractSignedOn } : {}), diagnosisDone: false, onCloud: false, acceptance: "pending" };
}

/** Why one enterprise may not be put on the list for this unit, if it may not. */
export function registrationRefusal(unit: UnitForRegistry | undefined, existing: { servedBy: string; servedByName: string } | undefined): Refusal | undefined {
  if (!unit) return refuse("UNIT_NOT_FOUND");
  if (!unitMayServe(unit.status)) return refuse("UNIT_CANNOT_SERVE", unit.name);
  if (existing) return refuse("ENTERPRISE_LISTED", `服务单位：${existing.servedByName}`);
  return undefined;
}

const cellText = (v: unknown): string => {
  if (v === undefined || v === null) return "";
  if (typeof v === "object" && v !== null && "text" in v) return String((v as { text: unknown }).text ?? "").trim(); // rich text / hyperlink cells
  if (typeof v === "object" && v !== null && "result" in v) return String((v as { result: unknown }).result ?? "").trim(); // formula cells
  return String(v).trim();
};

/** An Excel date cell (a Date at UTC midnight of the calendar day) or YYYY-MM-DD text. */
function cellDate(v: unknown): string {
  if (v instanceof Date && !Number.isNaN(v.getTime())) return v.toISOString().slice(0, 10);
  return cellText(v).replace(/\//g, "-");
}

const rowSchema = z.object({
  name: text(ENTERPRISE_IMPORT_COLUMNS.name, 200),
  uscc: usccField(ENTERPRISE_IMPORT_COLUMNS.uscc),
  contractSignedOn: isoDate(ENTERPRISE_IMPORT_COLUMNS.contractSignedOn).optional(),
});

const columnOf = (path: PropertyKey | undefined) => ENTERPRISE_IMPORT_COLUMNS[(path as keyof typeof ENTERPRISE_IMPORT_COLUMNS) ?? "name"] ?? "";

/**
 * Plan an import. Units are matched by name or by USCC, as staff know them; `existing` maps an
 * enterprise's USCC to the unit serving it. A row already on the list for the same unit is
 * unchanged (importing a file twice adds nothing); for another unit, or twice in the file, it
 * is an error.
 */
export function planEnterpriseImport(rows: readonly ImportRow[], units: readonly UnitForRegistry[], existing: ReadonlyMap<string, string>): ImportPlan {
  const plan: ImportPlan = { rows: rows.length, create: [], unchanged: 0, errors: [] };
  if (rows.length > MAX_IMPORT_ROWS) {
    plan.errors.push({ row: 0, field: "", message: `一次最多导入 ${MAX_IMPORT_ROWS} 行，本文件有 ${rows.length} 行，请分批导入` });
    return plan;
  }
  const byName = new Map<string, UnitForRegistry[]>();
  for (const u of units) byName.set(u.name, [...(byName.get(u.name) ?? []), u]);
  const byUscc = new Map(units.map((u) => [u.uscc, u]));
  const unitName = new Map(units.map((u) => [u.id, u.name]));
  const seen = new Map<string, number>();

  for (const { row, cells } of rows) {
    const error = (key: keyof typeof ENTERPRISE_IMPORT_COLUMNS | "", message: string) => plan.errors.push({ row, field: key ? ENTERPRISE_IMPORT_COLUMNS[key] : "", message });
    const contract = cellDate(cells.contractSignedOn);
    const parsed = rowSchema.safeParse({ name: cellText(cells.name), uscc: cellText(cells.uscc).toUpperCase(), ...(contract ? { contractSignedOn: contract } : {}) });
    const unitKey = cellText(cells.unit);
    const matches = byName.get(unitKey) ?? (byUscc.has(unitKey.toUpperCase()) ? [byUscc.get(unitKey.toUpperCase())!] : []);
    if (!parsed.success) for (const issue of parsed.error.issues) plan.errors.push({ row, field: columnOf(issue.path[0]), message: issue.message });
    const unitProblem = !unitKey
      ? "请填写服务牵引单位（单位名称或统一社会信用代码）"
      : matches.length === 0
        ? `本专项中没有名称或统一社会信用代码为“${unitKey}”的牵引单位`
        : matches.length > 1
          ? `有多家单位名为“${unitKey}”，请改填其统一社会信用代码`
          : !unitMayServe(matches[0]!.status)
            ? `${matches[0]!.name}已清退或退出，不能再承接试点企业`
            : undefined;
    if (unitProblem) error("unit", unitProblem);
    if (unitProblem || !parsed.success) continue;

    const unit = matches[0]!;
    const { uscc } = parsed.data;
    const earlier = seen.get(uscc);
    if (earlier !== undefined) {
      error("uscc", `与第 ${earlier} 行的企业重复`);
      continue;
    }
    seen.set(uscc, row);
    const servedBy = existing.get(uscc);
    if (servedBy === unit.id) plan.unchanged += 1;
    else if (servedBy !== undefined) error("uscc", `该企业已在试点企业名单中，由${unitName.get(servedBy) ?? servedBy}服务`);
    else plan.create.push({ id: uscc, enterprise: newEnterprise({ ...parsed.data, servedBy: unit.id }) });
  }
  if (plan.errors.length) plan.create = [];
  return plan;
}
