// Public: a pilot enterprise rates through its link (GZ-3.3, DG-16.3). The link is claimed in the
// same transaction that stores the ratings, so it works once: a second use, or two at the same
// moment, is refused. A "dissatisfied" rating of a partner counts towards DG-16.3's threshold.
import type { z } from "zod";
import { shanghaiDate } from "../domain/dates.js";
import { refused } from "../domain/errors.js";
import { ratingClause, surveyLinkState } from "../domain/feedback.js";
import type { submitRatingRequestSchema } from "../domain/schemas/requests.js";
import { appendAudit } from "../store/audit.js";
import { collections } from "../store/collections.js";
import { loadProgrammeContext } from "../store/programmeContext.js";
import { findSurveyToken } from "../store/surveyTokens.js";
import type { Deps } from "./deps.js";
import { requireOpenProgramme } from "./openProgramme.js";
import { countPartnerFeedback } from "./partnerFeedback.js";

type Rating = z.output<typeof submitRatingRequestSchema>["ratings"][number];

const CODES = { used: "SURVEY_USED", expired: "SURVEY_EXPIRED", invalid: "SURVEY_INVALID" } as const;

export function submitRating(deps: Deps, input: z.output<typeof submitRatingRequestSchema>) {
  const now = deps.clock();
  return deps.db.runTransaction(async (tx) => {
    const found = await findSurveyToken(input.token, tx);
    const state = surveyLinkState(found?.data, shanghaiDate(now));
    if (!found || state !== "valid") refused(CODES[state === "valid" ? "invalid" : state]);
    const { programmeId, ref, data: token } = found;
    checkSubjects(input.ratings, token.partnerIds);
    const ctx = await loadProgrammeContext(programmeId, tx, deps.calendar);
    requireOpenProgramme(ctx, now);
    const ratingIds = input.ratings.map((r) => `${ref.id.slice(0, 32)}-${r.partnerId ?? "unit"}`);
    const dissatisfied = input.ratings.flatMap((r, i) => (r.partnerId && r.value === "dissatisfied" ? [{ partnerId: r.partnerId, dissatisfiedRatingId: ratingIds[i]! }] : []));
    const proposals = await countPartnerFeedback(tx, programmeId, ctx.pack, token.unitId, dissatisfied, now);
    tx.set(ref, { ...token, usedAt: now });
    input.ratings.forEach((r, i) => {
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
      actor: { uid: `enterprise-${token.enterpriseId}`, role: "enterprise" },
      action: "survey.rated",
      entity: ref.path,
      after: { ratings: input.ratings.map((r) => ({ partnerId: r.partnerId ?? null, value: r.value })) },
      clause: ratingClause(ctx.pack),
    });
    return { rated: input.ratings.length, proposals: proposals.length };
  });
}

/** Each rating is of the unit or of one of the link's partners, and of each at most once. */
function checkSubjects(ratings: readonly Rating[], partnerIds: readonly string[]) {
  const seen = new Set<string>();
  for (const r of ratings) {
    const key = r.partnerId ?? "(unit)";
    if (r.partnerId && !partnerIds.includes(r.partnerId)) refused("SURVEY_SUBJECT_UNKNOWN", r.partnerId);
    if (seen.has(key)) refused("SURVEY_SUBJECT_UNKNOWN", `${key} 重复评价`);
    seen.add(key);
  }
}
