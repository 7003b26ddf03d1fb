// The criticism candidates one advance-notice record raises (GZ-4.8 → GZ-4.4a.4), with the
// subject's name as staff read it. Asked by the deadline sweep for a late filing and by staff
// recording a change that was never reported; the proposal id is derived from the record, so
// either asking twice proposes nothing twice. Reads only: call before the transaction's writes.
import type { Transaction } from "firebase-admin/firestore";
import type { IsoDate } from "../domain/dates.js";
import { advanceNoticeGrounds } from "../domain/grounds.js";
import type { CandidateInput } from "../domain/proposals.js";
import type { AdvanceNotice } from "../domain/schemas/index.js";
import { collections } from "../store/collections.js";
import type { ProgrammeContext } from "../store/programmeContext.js";

export async function filingCandidates(tx: Transaction, ctx: ProgrammeContext, filingId: string, f: AdvanceNotice, asOf: IsoDate): Promise<CandidateInput[]> {
  const { programmeId, pack, calendar } = ctx;
  const subject = f.subject === "partner" && f.partnerId ? (await tx.get(collections.partners(programmeId).doc(f.partnerId))).data() : (await tx.get(collections.units(programmeId).doc(f.unitId))).data();
  const subjectName = subject?.name ?? f.unitId;
  const candidates = advanceNoticeGrounds([{ unitId: f.unitId, subjectName, procedureOn: f.plannedOn, filedOn: f.filedOn }], asOf, pack, calendar);
  return candidates.map((candidate) => ({ candidate, unitId: f.unitId, scope: `advance-${filingId}` }));
}
