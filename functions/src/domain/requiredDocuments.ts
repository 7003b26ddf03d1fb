// Required documents per application type (GZ-4.6.1 four for partner additions; DG-13 four,
// stamped, for unit changes), checked before an application can be submitted.
import { daysBetween, type IsoDate } from "./dates.js";
import type { ChangeType, DocumentKind, PolicyPack } from "./policy/schema.js";

export interface AttachedDocument {
  kind: DocumentKind;
  stamped?: boolean;
  /** Issue date printed on the document (credit reports must be fresh). */
  issuedOn?: IsoDate;
}

/** Labels (Chinese) of the requirements not yet met; empty when the application may be submitted. */
export function missingDocuments(type: ChangeType, docs: readonly AttachedDocument[], pack: PolicyPack, today: IsoDate): string[] {
  const missing: string[] = [];
  for (const req of pack.requiredDocuments[type] ?? []) {
    const maxAge = req.maxAgeDays ?? (req.anyOf.includes("creditChinaReport") ? pack.creditReportFreshnessDays : undefined);
    const candidates = docs.filter((d) => req.anyOf.includes(d.kind));
    if (candidates.length === 0) {
      missing.push(req.label);
      continue;
    }
    if (req.mustBeStamped && !candidates.some((d) => d.stamped)) {
      missing.push(`${req.label}（须加盖公章）`);
      continue;
    }
    if (maxAge !== undefined && !candidates.some((d) => d.issuedOn !== undefined && daysBetween(d.issuedOn, today) <= maxAge && d.issuedOn <= today)) {
      missing.push(`${req.label}（须为 ${maxAge} 天内出具）`);
    }
  }
  return missing;
}

/** A current document as the reviewer's checklist sees it. */
export interface CurrentDocument extends AttachedDocument {
  documentId: string;
  version: number;
}

export interface RequirementStatus {
  label: string;
  clause: string;
  anyOf: DocumentKind[];
  mustBeStamped: boolean;
  /** Current versions that satisfy the slot's kinds (may be none). */
  present: CurrentDocument[];
  /** Empty when the requirement is met; otherwise why not (Chinese). */
  problems: string[];
}

export interface DocumentFlag {
  documentId: string;
  code: "CREDIT_REPORT_STALE" | "CREDIT_REPORT_NO_DATE" | "ISSUED_IN_FUTURE";
  message: string;
}

/**
 * What a reviewer needs to see for an application: each required slot with what is present and
 * what is wrong, the list of what is missing (the same list `missingDocuments` gives, which blocks
 * submission), and flags on individual files — a Credit China report whose stated query date is
 * more than the pack's freshness limit before `today` (GZ-4.6.1), or with no date at all.
 */
export function documentChecklist(type: ChangeType | undefined, docs: readonly CurrentDocument[], pack: PolicyPack, today: IsoDate): { requirements: RequirementStatus[]; missing: string[]; flags: DocumentFlag[] } {
  const requirements: RequirementStatus[] = (type ? (pack.requiredDocuments[type] ?? []) : []).map((req) => {
    const present = docs.filter((d) => req.anyOf.includes(d.kind));
    return { label: req.label, clause: req.clause, anyOf: [...req.anyOf], mustBeStamped: req.mustBeStamped, present, problems: missingDocuments(type!, present, { ...pack, requiredDocuments: { [type!]: [req] } } as PolicyPack, today) };
  });
  const flags: DocumentFlag[] = [];
  for (const d of docs) {
    if (d.kind !== "creditChinaReport") continue;
    if (!d.issuedOn) {
      flags.push({ documentId: d.documentId, code: "CREDIT_REPORT_NO_DATE", message: "“信用中国”查询报告未填写查询日期，无法判断是否在有效期内" });
    } else if (d.issuedOn > today) {
      flags.push({ documentId: d.documentId, code: "ISSUED_IN_FUTURE", message: `查询日期 ${d.issuedOn} 晚于今天 ${today}，请核对` });
    } else if (daysBetween(d.issuedOn, today) > pack.creditReportFreshnessDays) {
      flags.push({ documentId: d.documentId, code: "CREDIT_REPORT_STALE", message: `“信用中国”查询报告查询日期为 ${d.issuedOn}，距今 ${daysBetween(d.issuedOn, today)} 天，超过 ${pack.creditReportFreshnessDays} 天的有效期` });
    }
  }
  return { requirements, missing: type ? missingDocuments(type, docs, pack, today) : [], flags };
}
