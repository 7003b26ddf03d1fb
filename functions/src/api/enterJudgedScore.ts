// Staff enter a judged dimension score with the method that supports it — questionnaire, phone
// interview, site visit, project spot-check (GZ-3.3, DG-8) — and the draft is recomputed with the
// ranking summary. An approved evaluation is final (GZ-3.4.2): scoring it again is refused.
import { findJudgedPart } from "../domain/evaluationDraft.js";
import { judgedScoreRequestSchema } from "../domain/schemas/requests.js";
import { db } from "../store/admin.js";
import { appendAudit } from "../store/audit.js";
import { readRanking, writeEvaluation } from "../store/evaluations.js";
import { loadProgrammeContext } from "../store/programmeContext.js";
import { requireStaff, staffActor } from "./caller.js";
import { loadDraftEvaluation, recompute } from "../usecases/evaluationDraft.js";
import { validatedOnCall } from "./validatedOnCall.js";
import { Refused } from "../domain/errors.js";

export const enterJudgedScore = validatedOnCall("enterJudgedScore", judgedScoreRequestSchema, async (req, request) => {
  const caller = requireStaff(request.auth, req.programmeId);
  const actor = staffActor(caller);
  const now = new Date();
  return db.runTransaction(async (tx) => {
    const ctx = await loadProgrammeContext(req.programmeId, tx);
    const { ref, evaluation } = await loadDraftEvaluation(tx, req.programmeId, req.evaluationId);
    const summary = await readRanking(tx, req.programmeId, evaluation.periodId);

    const found = findJudgedPart(ctx.pack.scoring, req.partId);
    if (!found.ok) throw new Refused(found);
    const score = { partId: req.partId, score: req.score, methods: req.methods, note: req.note, evidenceDocumentIds: req.evidenceDocumentIds, by: actor };
    const judged = [...evaluation.judged.filter((j) => j.partId !== req.partId), score];
    const next = recompute(evaluation, judged, ctx.pack, now);
    writeEvaluation(tx, req.programmeId, req.evaluationId, next, summary, evaluation.total);
    const previous = evaluation.judged.find((j) => j.partId === req.partId);
    appendAudit(tx, req.programmeId, `judged-${req.evaluationId}-${req.partId}-${now.getTime()}`, {
      at: now,
      actor,
      action: "evaluation.judgedScoreEntered",
      entity: ref.path,
      before: { part: previous ? { score: previous.score, methods: previous.methods } : null, total: evaluation.total },
      after: { part: { partId: req.partId, score: req.score, methods: req.methods }, total: next.total, band: next.band },
      clause: ctx.pack.clauses.evaluation,
      note: req.note,
    });
    return { evaluationId: req.evaluationId, total: next.total, band: next.band, passed: next.passed, missingJudged: next.missingJudged, dimensions: next.dimensions };
  });
});
