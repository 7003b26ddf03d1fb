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
