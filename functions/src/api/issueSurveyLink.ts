// Staff issue a pilot enterprise a one-use rating link for a period (GZ-3.3 satisfaction, DG-16.3).
// The link carries 256 random bits; only their SHA-256 is stored, with an expiry date.
import { shanghaiDate } from "../domain/dates.js";
import { ratingClause, surveyLinkExpiry } from "../domain/feedback.js";
import { issueSurveyLinkRequestSchema } from "../domain/schemas/index.js";
import { db } from "../store/admin.js";
import { appendAudit } from "../store/audit.js";
import { collections } from "../store/collections.js";
import { loadProgrammeContext } from "../store/programmeContext.js";
import { hashToken, newSurveyToken } from "../store/surveyTokens.js";
import { requireStaff, staffActor } from "./caller.js";
import { requireOpenProgramme } from "./openProgramme.js";
import { validatedOnCall } from "./validatedOnCall.js";
import { refused } from "../domain/errors.js";

export const issueSurveyLink = validatedOnCall("issueSurveyLink", issueSurveyLinkRequestSchema, async (req, request) => {
  const caller = requireStaff(request.auth, req.programmeId);
  const now = new Date();
  const token = newSurveyToken();
  const tokenHash = hashToken(token);
  const expiresOn = surveyLinkExpiry(shanghaiDate(now));
  await db.runTransaction(async (tx) => {
    const ctx = await loadProgrammeContext(req.programmeId, tx);
    requireOpenProgramme(ctx, now);
    const { pack } = ctx;
    const enterprise = (await tx.get(collections.enterprises(req.programmeId).doc(req.enterpriseId))).data();
    if (!enterprise) refused("ENTERPRISE_NOT_FOUND", req.enterpriseId);
    const partners = await tx.get(collections.partners(req.programmeId).where("unitId", "==", enterprise.servedBy));
    const partnerIds = partners.docs.filter((d) => d.data().status === "active").map((d) => d.id);
    const ref = collections.surveyTokens(req.programmeId).doc(tokenHash);
    tx.create(ref, { tokenHash, enterpriseId: req.enterpriseId, unitId: enterprise.servedBy, partnerIds, periodId: req.periodId, expiresOn });
    appendAudit(tx, req.programmeId, `survey-${tokenHash.slice(0, 32)}.issued`, {
      at: now,
      actor: staffActor(caller),
      action: "survey.issued",
      entity: ref.path,
      after: { enterpriseId: req.enterpriseId, unitId: enterprise.servedBy, periodId: req.periodId, expiresOn },
      clause: ratingClause(pack),
    });
  });
  return { link: `/survey/${token}`, expiresOn };
});
