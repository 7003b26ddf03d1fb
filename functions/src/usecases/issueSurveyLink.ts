// Staff issue a pilot enterprise a one-use rating link for a period (GZ-3.3 satisfaction, DG-16.3).
// The link carries 256 random bits; only their SHA-256 is stored, with an expiry date. Where staff
// give the enterprise's e-mail address, the link is mailed to it (issue 18.1) in the same
// transaction, once per link: the mail document is the only other place the link is written, and
// no client may read the mail collection.
import type { z } from "zod";
import { shanghaiDate } from "../domain/dates.js";
import { refused } from "../domain/errors.js";
import { ratingClause, surveyLinkExpiry } from "../domain/feedback.js";
import type { Actor } from "../domain/schemas/index.js";
import type { issueSurveyLinkRequestSchema } from "../domain/schemas/workflowRequests.js";
import { ratingLinkMessage } from "../domain/mailKinds.js";
import { periodWord } from "../domain/words.js";
import { appendAudit } from "../store/audit.js";
import { queueDirectMail, readDirectMail } from "../store/directMail.js";
import { collections } from "../store/collections.js";
import { loadProgrammeContext } from "../store/programmeContext.js";
import { hashToken, newSurveyToken } from "../store/surveyTokens.js";
import type { Deps } from "./deps.js";
import { requireOpenProgramme } from "./openProgramme.js";

export async function issueSurveyLink(deps: Deps, input: z.output<typeof issueSurveyLinkRequestSchema>, actor: Actor, opts: { webBase?: string } = {}) {
  const { programmeId, enterpriseId, periodId } = input;
  const now = deps.clock();
  const token = newSurveyToken();
  const tokenHash = hashToken(token);
  const expiresOn = surveyLinkExpiry(shanghaiDate(now));
  await deps.db.runTransaction(async (tx) => {
    const ctx = await loadProgrammeContext(programmeId, tx, deps.calendar);
    requireOpenProgramme(ctx, now);
    const enterprise = (await tx.get(collections.enterprises(programmeId).doc(enterpriseId))).data() ?? refused("ENTERPRISE_NOT_FOUND", enterpriseId);
    // The link rates the unit serving the enterprise and that unit's partners active today.
    const partners = await tx.get(collections.partners(programmeId).where("unitId", "==", enterprise.servedBy));
    const partnerIds = partners.docs.filter((d) => d.data().status === "active").map((d) => d.id);
    const ref = collections.surveyTokens(programmeId).doc(tokenHash);
    const unitName = input.email ? ((await tx.get(collections.units(programmeId).doc(enterprise.servedBy))).data()?.name ?? enterprise.servedBy) : "";
    const mail = input.email ? await readDirectMail(tx, programmeId, "ratingLink", tokenHash.slice(0, 32)) : undefined;
    // ---- writes ----
    tx.create(ref, { tokenHash, enterpriseId, unitId: enterprise.servedBy, partnerIds, periodId, expiresOn });
    if (mail && input.email) {
      const message = ratingLinkMessage({ enterpriseName: enterprise.name, unitName, periodWord: periodWord(periodId), expiresOn }, ctx.programme.name, `/survey/${token}`, opts.webBase);
      queueDirectMail(tx, mail, { to: input.email, message, programmeId, kind: "ratingLink", subjectPath: ref.path, now });
    }
    appendAudit(tx, programmeId, `survey-${tokenHash.slice(0, 32)}.issued`, {
      at: now,
      actor,
      action: "survey.issued",
      entity: ref.path,
      after: { enterpriseId, unitId: enterprise.servedBy, periodId, expiresOn, mailed: mail !== undefined },
      clause: ratingClause(ctx.pack),
    });
  });
  return { link: `/survey/${token}`, expiresOn };
}
