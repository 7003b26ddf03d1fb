// DG-5.7: the work group selects excellent units, service providers and products. An award is
// optional; when given it names a subject that is in good standing: a listed unit, an active
// partner, an approved catalogue item. One award of a kind per subject and year.
import type { IsoDate } from "./dates.js";
import { refuse, type Refusal } from "./errors.js";
import type { PolicyPack } from "./policy/index.js";

export type AwardKind = "excellentUnit" | "excellentProvider" | "excellentProduct";

/** The collection an award's subject is read from. */
export const awardSubjectCollection = { excellentUnit: "units", excellentProvider: "partners", excellentProduct: "catalogue" } as const satisfies Record<AwardKind, string>;

export const awardId = (year: number, kind: AwardKind, subjectId: string) => `${year}_${kind}_${subjectId}`;

const GOOD_STANDING: Record<AwardKind, readonly string[]> = {
  excellentUnit: ["listed"],
  excellentProvider: ["active"],
  excellentProduct: ["approved"],
};

export type AwardDecision = { ok: true; clause: string; subjectName: string } | Refusal;

export function awardDecision(a: { pack: PolicyPack; kind: AwardKind; subject: { name: string; status: string } | undefined; decidedOn: IsoDate; today: IsoDate; alreadyAwarded: boolean }): AwardDecision {
  const clause = a.pack.clauses.awards;
  if (!clause) return refuse("AWARDS_NOT_IN_POLICY");
  if (!a.subject) return refuse("AWARD_SUBJECT_NOT_FOUND");
  if (!GOOD_STANDING[a.kind].includes(a.subject.status)) return refuse("EVENT_NOT_ALLOWED", `${a.subject.name}当前状态不能获评`);
  if (a.decidedOn > a.today) return refuse("DATE_IN_FUTURE", `评选日期 ${a.decidedOn}`);
  if (a.alreadyAwarded) return refuse("AWARD_EXISTS");
  return { ok: true, clause, subjectName: a.subject.name };
}
