// GZ-4.4a.0 通报批评: a criticism is circulated, not only sent to the unit. When staff issue it,
// a 通报 goes to every unit of the programme and onto the public page, with the ground in the
// regulation's words, the facts it rests on and the rectification deadline; the rectification's
// outcome (整改完成, 继续整改 with the new deadline, 取消牵引单位资格, 转入清退) is added when
// decided. Pure: which pack circulates (its `clauses.circulation`), what the 通报 says, and how an
// outcome is added — once, however often the same decision is replayed.
import type { IsoDate } from "./dates.js";
import type { PolicyPack } from "./policy/schema.js";
import type { Circular, CircularOutcome, Proceeding } from "./schemas/index.js";
import { groundWord } from "./words.js";

/** The clause a pack circulates criticisms under, or null where it has no 通报批评 (Dongguan). */
export const circulationClause = (pack: PolicyPack): string | null => pack.clauses.circulation;

export interface CircularInput {
  proceedingId: string;
  proceeding: Pick<Proceeding, "unitId" | "ground" | "evidence">;
  unitName: string;
  issuedOn: IsoDate;
  rectificationDeadline: IsoDate;
  clause: string;
  publishedAt: Date;
}

/** The 通报 of a criticism as issued: unit, ground and its wording, facts, dates; no outcome yet. */
export function circularOf(i: CircularInput): Circular {
  return {
    unitId: i.proceeding.unitId,
    proceedingId: i.proceedingId,
    unitName: i.unitName,
    ground: i.proceeding.ground,
    groundWord: groundWord(i.proceeding.ground),
    facts: i.proceeding.evidence.map((e) => e.description.trim()).filter((d) => d.length > 0),
    issuedOn: i.issuedOn,
    rectificationDeadline: i.rectificationDeadline,
    outcomes: [],
    clause: i.clause,
    publishedAt: i.publishedAt,
  };
}

const sameOutcome = (a: CircularOutcome, b: CircularOutcome) => a.kind === b.kind && a.decidedOn === b.decidedOn && a.extendedTo === b.extendedTo;

/** The 通报 with the decision added; the same 通报 (unchanged) when that decision is already on it. */
export function withOutcome(c: Circular, outcome: CircularOutcome): Circular {
  if (c.outcomes.some((o) => sameOutcome(o, outcome))) return c;
  return { ...c, outcomes: [...c.outcomes, outcome] };
}

/** The latest decision, which is the 通报's current outcome; undefined while the rectification is pending. */
export const currentOutcome = (c: Pick<Circular, "outcomes">): CircularOutcome | undefined => c.outcomes[c.outcomes.length - 1];
