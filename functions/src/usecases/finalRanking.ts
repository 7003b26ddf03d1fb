// DG-8 / DG-9.2: freezing a period's ranking as final (domain finalRanking.ts), inside the
// transaction of what made it final — the period close when every evaluation was already
// approved, or the approval of the last evaluation of a closed period. Reads first (the caller's
// transaction has read nothing it will write yet), then hands back a writer. Idempotent: a
// ranking already final is left as it is, and an interview notification already raised is
// never raised again (fixed ids, created only when absent), so replays change nothing. A summary
// or evaluation of the period that cannot be read leaves the ranking provisional: no ranking is
// made final on facts not seen (the close job records such documents for staff).
import type { Transaction } from "firebase-admin/firestore";
import { decideFinalRanking, type EvaluationToRank, type FinalRanking } from "../domain/finalRanking.js";
import { interviewNoticeId } from "../domain/interviewNotice.js";
import type { Actor, Evaluation } from "../domain/schemas/index.js";
import { rankingMarkWords } from "../domain/words.js";
import { appendAudit } from "../store/audit.js";
import { collections } from "../store/collections.js";
import { rankingRef } from "../store/evaluations.js";
import { ProblemLog, unreadable } from "../store/jobProblems.js";
import type { ProgrammeContext } from "../store/programmeContext.js";

export interface FinalRankingStep {
  /** undefined when the ranking was already final (nothing to do). */
  decision?: FinalRanking;
  write: () => void;
}

const unapprovedQuery = (programmeId: string, periodId: string) => collections.evaluations(programmeId).where("periodId", "==", periodId).where("state", "==", "draft");

/** How many evaluations of the period await approval (one aggregate read). */
export async function countUnapproved(tx: Transaction, programmeId: string, periodId: string): Promise<number> {
  return (await tx.get(unapprovedQuery(programmeId, periodId).count())).data().count;
}

/**
 * Reads what the final-ranking decision needs and returns its writer. `approving` is the
 * evaluation this transaction approves (the query still sees it as a draft). A period that is not
 * closed, or with another draft left, costs one small query: the whole period is read only when
 * the ranking does become final.
 */
export async function prepareFinalRanking(
  tx: Transaction,
  ctx: ProgrammeContext,
  a: { periodId: string; periodClosed: boolean; now: Date; actor: Actor; approving?: { id: string; evaluation: Evaluation } },
): Promise<FinalRankingStep> {
  const { programmeId } = ctx;
  const { periodId } = a;
  const nothing = { write: () => undefined };
  const summaryRef = rankingRef(programmeId, periodId);
  const log = new ProblemLog();
  const summary = log.read(await tx.get(summaryRef));
  if (summary === unreadable || summary?.finalAt) return nothing;
  const drafts = (await tx.get(unapprovedQuery(programmeId, periodId).limit(2))).docs.filter((d) => d.id !== a.approving?.id);
  if (!a.periodClosed || drafts.length > 0) {
    const unapproved = (await countUnapproved(tx, programmeId, periodId)) - (a.approving ? 1 : 0);
    return { decision: { final: false, unapproved, reason: rankingMarkWords({ final: false, unapproved, periodClosed: a.periodClosed }).reason }, write: nothing.write };
  }

  const read = (await tx.get(collections.evaluations(programmeId).where("periodId", "==", periodId))).docs.map((d) => ({ id: d.id, e: d.id === a.approving?.id ? { ...a.approving.evaluation, state: "approved" as const } : log.read(d) }));
  if (read.some((x) => x.e === unreadable)) return nothing;
  const stored = read as { id: string; e: Evaluation }[];
  const toRank = (names: ReadonlyMap<string, string>): EvaluationToRank[] => stored.map(({ e }) => ({ unitId: e.unitId, unitName: names.get(e.unitId) ?? e.unitId, state: e.state, total: e.total, completion: e.completion, rank: e.rank }));
  // Names are read only for the units the decision lists (a few), not the whole period.
  const first = decideFinalRanking({ periodId, periodClosed: true, evaluations: toRank(new Map()), pack: ctx.pack });
  if (!first.final) return { decision: first, write: nothing.write };
  const listed = first.lagging.map((l) => l.unitId);
  const units = listed.length ? await tx.getAll(...listed.map((u) => collections.units(programmeId).doc(u))) : [];
  const names = new Map(units.map((u) => [u.id, u.data()?.name ?? u.id]));
  const decision = decideFinalRanking({ periodId, periodClosed: true, evaluations: toRank(names), pack: ctx.pack });
  if (!decision.final) return { decision, write: nothing.write };
  const noticeRefs = decision.lagging.map((l) => collections.notifications(programmeId).doc(interviewNoticeId(periodId, l.unitId)));
  const existing = noticeRefs.length ? await tx.getAll(...noticeRefs) : [];
  const byUnit = new Map(stored.map((s) => [s.e.unitId, s]));

  return {
    decision,
    write: () => {
      for (const { unitId, rank } of decision.rankChanges) {
        const s = byUnit.get(unitId)!;
        const { rank: _old, ...rest } = s.e;
        // The approving transaction writes its own evaluation; only its rank is carried here.
        if (s.id === a.approving?.id) continue;
        const next: Evaluation = rank === undefined ? rest : { ...rest, rank };
        tx.set(collections.evaluations(programmeId).doc(s.id), next);
      }
      decision.lagging.forEach((l, i) => {
        if (!existing[i]?.exists) tx.set(noticeRefs[i]!, { ...l.notice, createdAt: a.now });
      });
      tx.set(summaryRef, { periodId, counts: summary?.counts ?? {}, finalAt: a.now });
      appendAudit(tx, programmeId, `ranking-final-${periodId}`, {
        at: a.now,
        actor: a.actor,
        action: "ranking.finalised",
        entity: summaryRef.path,
        before: { final: false },
        after: { final: true, basis: ctx.pack.ranking.basis, rankChanges: decision.rankChanges.length, lagging: decision.lagging.map((l) => ({ unitId: l.unitId, rank: l.rank })) },
        clause: decision.clause,
        note: decision.note,
      });
    },
  };
}

/** The final rank of the evaluation being approved, when its approval made the ranking final. */
export function approvedRank(step: FinalRankingStep, unitId: string, current: number | undefined): number | undefined {
  if (!step.decision?.final) return current;
  const change = step.decision.rankChanges.find((c) => c.unitId === unitId);
  return change ? change.rank : current;
}
