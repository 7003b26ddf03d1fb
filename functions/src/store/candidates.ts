// Automatic grounds become proposed proceedings: the system proposes, staff dispose (GZ-4.4a,
// GZ-4.4b, DG-10, DG-16). A candidate's id is derived from its clause, subject and scope (the
// period, or the count that crossed a threshold), so a job or trigger that runs again proposes
// nothing twice. A proposal does not change the unit's status; a person does that by acting on it.
import type { Transaction } from "firebase-admin/firestore";
import { shanghaiDate } from "../domain/dates.js";
import type { Candidate } from "../domain/grounds.js";
import type { Actor, Proceeding } from "../domain/schemas/index.js";
import { appendAudit } from "./audit.js";
import { collections } from "./collections.js";

export interface CandidateInput {
  candidate: Candidate;
  /** The unit concerned (for a partner, the unit it belongs to). */
  unitId: string;
  /** What makes this proposal unique besides clause and subject, e.g. "2025-Q3". */
  scope: string;
}

export const candidateId = ({ candidate: c, scope }: CandidateInput) => `auto_${c.proceeding}_${c.clause}_${c.subject.kind}-${c.subject.id}_${scope}`.replace(/[^\w.-]/g, "_");

function proposal(input: CandidateInput, openedBy: Actor, today: string): Proceeding {
  const { candidate: c, unitId } = input;
  const base = { unitId, ground: c.clause, evidence: c.evidence.map((description) => ({ description })), automatic: true, openedOn: today, openedBy, state: "proposed" as const };
  if (c.proceeding === "partnerRemoval") return { kind: "partnerRemoval", ...base, partnerId: c.subject.id };
  if (c.proceeding === "clearOut") return { kind: "clearOut", ...base };
  return { kind: "criticism", ...base, extensions: [] };
}

/**
 * Reads which proposals exist, then creates the missing ones with an audit entry each.
 * Call before any write in the transaction (Firestore needs all reads first). Returns new ids.
 */
export async function proposeCandidates(tx: Transaction, programmeId: string, inputs: readonly CandidateInput[], now: Date, openedBy: Actor): Promise<string[]> {
  if (inputs.length === 0) return [];
  const col = collections.proceedings(programmeId);
  const refs = inputs.map((i) => col.doc(candidateId(i)));
  const snaps = await tx.getAll(...refs);
  const today = shanghaiDate(now);
  const created: string[] = [];
  inputs.forEach((input, i) => {
    if (snaps[i]!.exists) return;
    const ref = refs[i]!;
    tx.create(ref, proposal(input, openedBy, today));
    appendAudit(tx, programmeId, `propose-${ref.id}`, {
      at: now,
      actor: openedBy,
      action: "proceeding.proposed",
      entity: ref.path,
      after: { kind: input.candidate.proceeding, ground: input.candidate.clause, evidence: input.candidate.evidence },
      clause: input.candidate.clause,
    });
    created.push(ref.id);
  });
  return created;
}
