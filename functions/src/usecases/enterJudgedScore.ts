// Staff enter a judged dimension score with the method that supports it — questionnaire, phone
// interview, site visit, project spot-check (GZ-3.3, DG-8) — and the draft is recomputed with the
// ranking summary. An approved evaluation is final (GZ-3.4.2): scoring it again is refused.
import type { z } from "zod";
import { Refused } from "../domain/errors.js";
import { findJudgedPart } from "../domain/evaluationDraft.js";
import type { Actor } from "../domain/schemas/index.js";
import type { judgedScoreRequestSchema } from "../domain/schemas/requests.js";
import { appendAudit } from "../store/audit.js";
import { readRanking, writeEvaluation } from "../store/evaluations.js";
import { inProgrammeTransaction, type Deps } from "./deps.js";
import { loadDraftEvaluation, recompute } from "./evaluationDraft.js";

export type EnterJudgedScoreInput = z.output<typeof judgedScoreRequestSchema>;

export async function enterJudgedScore(deps: Deps, input: EnterJudgedScoreInput, actor: Actor) {
  const { programmeId, evaluationId, partId } = input;
  return inProgrammeTransaction(deps, programmeId, async (tx, ctx, now) => {
    const { ref, evaluation } = await loadDraftEvaluation(tx, programmeId, evaluationId);
    const summary = await readRanking(tx, programmeId, evaluation.periodId);

    // The evaluation is scored with the indicators in force for its period (GZ-3.4.2).
    const pack = ctx.packFor(evaluation.periodId);
    const found = findJudgedPart(pack.scoring, partId);
    if (!found.ok) throw new Refused(found);
    const score = { partId, score: input.score, methods: input.methods, note: input.note, evidenceDocumentIds: input.evidenceDocumentIds, by: actor };
    const judged = [...evaluation.judged.filter((j) => j.partId !== partId), score];
    const next = recompute(evaluation, judged, pack, now);
    writeEvaluation(tx, programmeId, evaluationId, next, summary, evaluation, ctx.pack.ranking.basis);
    const previous = evaluation.judged.find((j) => j.partId === partId);
    appendAudit(tx, programmeId, `judged-${evaluationId}-${partId}-${now.getTime()}`, {
      at: now,
      actor,
      action: "evaluation.judgedScoreEntered",
      entity: ref.path,
      before: { part: previous ? { score: previous.score, methods: previous.methods } : null, total: evaluation.total },
      after: { part: { partId, score: input.score, methods: input.methods }, total: next.total, band: next.band },
      clause: ctx.pack.clauses.evaluation,
      note: input.note,
    });
    return { evaluationId, total: next.total, band: next.band, passed: next.passed, missingJudged: next.missingJudged, dimensions: next.dimensions };
  });
}
