// Public: a pilot enterprise rates through its link (GZ-3.3, DG-16.3). The link is claimed in the
// same transaction that stores the ratings, so it works once: a second use, or two at the same
// moment, is refused. A "dissatisfied" rating of a partner counts towards DG-16.3's threshold.
import { shanghaiDate } from "../domain/dates.js";
import { refuse, Refused } from "../domain/errors.js";
import { ratingClause, surveyLinkState } from "../domain/feedback.js";
import { submitRatingRequestSchema } from "../domain/schemas/index.js";
import { db } from "../store/admin.js";
import { appendAudit, systemActor } from "../store/audit.js";
import { collections } from "../store/collections.js";
import { countPartnerFeedback } from "../store/partnerFeedback.js";
import { loadProgrammeContext } from "../store/programmeContext.js";
import { findSurveyToken } from "../store/surveyTokens.js";
import { requireOpenProgramme } from "./openProgramme.js";
import { validatedOnCall } from "./validatedOnCall.js";

const CODES = { used: "SURVEY_USED", expired: "SURVEY_EXPIRED", invalid: "SURVEY_INVALID" } as const;

export const submitRating = validatedOnCall("submitRating", submitRatingRequestSchema, async (req) => {
  const now = new Date();
  return db.runTransaction(async (tx) => {
    const found = await findSurveyToken(req.token, tx);
    const state = surveyLinkState(found?.data, shanghaiDate(now));
    if (!found || state !== "valid") throw new Refused(refuse(CODES[state === "valid" ? "invalid" : state]));
    const { programmeId, ref, data: token } = found;
    const seen = new Set<string>();
    for (const r of req.ratings) {
      const key = r.partnerId ?? "(unit)";
      if (r.partnerId && !token.partnerIds.includes(r.partnerId)) throw new Refused(refuse("SURVEY_SUBJECT_UNKNOWN", r.partnerId));
      if (seen.has(key)) throw new Refused(refuse("SURVEY_SUBJECT_UNKNOWN", `${key} 重复评价`));
      seen.add(key);
    }
    const ctx = await loadProgrammeContext(programmeId, tx);
    requireOpenProgramme(ctx, now);
    const { pack } = ctx;
    const enterprise = { uid: `enterprise-${token.enterpriseId}`, role: "enterprise" as const };
    const ratingIds = req.ratings.map((r) => `${ref.id.slice(0, 32)}-${r.partnerId ?? "unit"}`);
    const proposals = await countPartnerFeedback(
      tx,
      programmeId,
      pack,
      token.unitId,
      req.ratings.flatMap((r, i) => (r.partnerId && r.value === "dissatisfied" ? [{ partnerId: r.partnerId, dissatisfiedRatingId: ratingIds[i]! }] : [])),
      now,
      systemActor("partnerFeedback"),
    );
    tx.set(ref, { ...token, usedAt: now });
    req.ratings.forEach((r, i) => {
      tx.create(collections.ratings(programmeId).doc(ratingIds[i]!), {
        unitId: token.unitId,
        ...(r.partnerId ? { partnerId: r.partnerId } : {}),
        enterpriseId: token.enterpriseId,
        periodId: token.periodId,
        value: r.value,
        ...(r.comment ? { comment: r.comment } : {}),
        ratedAt: now,
        tokenId: ref.id,
      });
    });
    appendAudit(tx, programmeId, `survey-${ref.id.slice(0, 32)}.used`, {
      at: now,
      actor: enterprise,
      action: "survey.rated",
      entity: ref.path,
      after: { ratings: req.ratings.map((r) => ({ partnerId: r.partnerId ?? null, value: r.value })) },
      clause: ratingClause(pack),
    });
    return { rated: req.ratings.length, proposals: proposals.length };
  });
});
