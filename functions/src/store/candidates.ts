// Writing the proposals of automatic grounds (domain/proposals.ts): each once, under its derived
// id, with an audit entry. The unit is not told yet: a candidate is the system's suggestion for
// staff, and only a proposal staff make (proposeProceeding) reaches the unit and its mail.
import type { Transaction } from "firebase-admin/firestore";
import { shanghaiDate } from "../domain/dates.js";
import { type CandidateInput, proposalId, proposedProceeding } from "../domain/proposals.js";
import type { Actor } from "../domain/schemas/index.js";
import { appendAudit } from "./audit.js";
import { collections } from "./collections.js";

/** The proposals not made yet, with where each would be written: reads only (a dry run asks this too). */
export async function unproposed(tx: Transaction, programmeId: string, inputs: readonly CandidateInput[]) {
  if (inputs.length === 0) return [];
  const col = collections.proceedings(programmeId);
  const refs = inputs.map((i) => col.doc(proposalId(i)));
  const snaps = await tx.getAll(...refs);
  return inputs.flatMap((input, i) => (snaps[i]!.exists ? [] : [{ input, ref: refs[i]! }]));
}

/**
 * Reads which proposals exist, then creates the missing ones with an audit entry each.
 * Call before any write in the transaction (Firestore needs all reads first). Returns new ids.
 */
export async function proposeCandidates(tx: Transaction, programmeId: string, inputs: readonly CandidateInput[], now: Date, openedBy: Actor): Promise<string[]> {
  const fresh = await unproposed(tx, programmeId, inputs);
  const today = shanghaiDate(now);
  const created: string[] = [];
  fresh.forEach(({ input, ref }) => {
    tx.create(ref, proposedProceeding(input, openedBy, today));
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
