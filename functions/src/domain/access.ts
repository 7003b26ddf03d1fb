// GZ-2.2.13: sensitive files (ID copies, financials, credit reports) are readable only by the
// owning unit's members and the programme's staff; never by the public. The API and storage
// layers call this one decision before every download.
import type { DocumentKind } from "./policy/schema.js";

export const SENSITIVE_KINDS: ReadonlySet<DocumentKind> = new Set<DocumentKind>([
  "legalRepIdCopy",
  "auditReport",
  "stampedFinancialStatements",
  "creditChinaReport",
  "socialSecurityProof",
  "localServiceTeamList",
  "diagnosisReport",
  "rectificationReport",
  "unitExitRequest",
  "evidence",
]);

export function isSensitiveKind(kind: DocumentKind): boolean {
  return SENSITIVE_KINDS.has(kind);
}

export type Viewer =
  | { role: "staff"; programmeId: string }
  | { role: "unitMember"; programmeId: string; unitId: string }
  | { role: "public" }
  | { role: "enterprise" };

/**
 * Non-sensitive files (e.g. a business licence) are readable by all staff of the programme and
 * the owning unit; sensitive ones by exactly the same people — the flag matters for how the file
 * is served and logged (short-lived links, every read audited), not for who may ask.
 */
export function canReadDocument(doc: { programmeId: string; ownerUnitId?: string; sensitive: boolean }, viewer: Viewer): boolean {
  if (viewer.role === "staff") return viewer.programmeId === doc.programmeId;
  if (viewer.role === "unitMember") return viewer.programmeId === doc.programmeId && doc.ownerUnitId !== undefined && viewer.unitId === doc.ownerUnitId;
  // The public and survey-link holders read published pages only, never stored uploads: there is
  // no public URL for any file (GZ-2.2.13), sensitive or not.
  return false;
}
