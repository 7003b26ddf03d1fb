// What an automatic ground proposes (GZ-4.4a, GZ-4.4b, DG-10, DG-16): the system proposes, staff
// dispose. A proposal's id is derived from its clause, subject and scope (the period, or the count
// that crossed a threshold), so a job or trigger that runs again proposes nothing twice. A
// proposal does not change the unit's status; a person does that by acting on it.
import type { Candidate } from "./grounds.js";
import type { Actor, Proceeding } from "./schemas/index.js";

export interface CandidateInput {
  candidate: Candidate;
  /** The unit concerned (for a partner, the unit it belongs to). */
  unitId: string;
  /** What makes this proposal unique besides clause and subject, e.g. "2025-Q3". */
  scope: string;
}

export const proposalId = ({ candidate: c, scope }: CandidateInput) => `auto_${c.proceeding}_${c.clause}_${c.subject.kind}-${c.subject.id}_${scope}`.replace(/[^\w.-]/g, "_");

/** The proceeding a candidate opens, in state `proposed`, with its facts as evidence. */
export function proposedProceeding(input: CandidateInput, openedBy: Actor, today: string): Proceeding {
  const { candidate: c, unitId } = input;
  const base = { unitId, ground: c.clause, evidence: c.evidence.map((description) => ({ description })), automatic: true, openedOn: today, openedBy, state: "proposed" as const };
  if (c.proceeding === "partnerRemoval") return { kind: "partnerRemoval", ...base, partnerId: c.subject.id };
  if (c.proceeding === "clearOut") return { kind: "clearOut", ...base };
  return { kind: "criticism", ...base, extensions: [] };
}
