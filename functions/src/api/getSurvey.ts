// Public: what the rating page needs for a link — the enterprise, the unit and its partners — or
// a plain Chinese state when the link was used, has expired or is not valid. Nothing else leaks.
import { shanghaiDate } from "../domain/dates.js";
import { surveyLinkMessages, surveyLinkState } from "../domain/feedback.js";
import { getSurveyRequestSchema } from "../domain/schemas/index.js";
import { db } from "../store/admin.js";
import { collections } from "../store/collections.js";
import { findSurveyToken } from "../store/surveyTokens.js";
import { validatedOnCall } from "./validatedOnCall.js";

export const getSurvey = validatedOnCall("getSurvey", getSurveyRequestSchema, async (req) => {
  const found = await findSurveyToken(req.token);
  const state = surveyLinkState(found?.data, shanghaiDate(new Date()));
  if (!found || state !== "valid") return { state, message: surveyLinkMessages[state === "valid" ? "invalid" : state] };
  const { programmeId, data } = found;
  const [unit, enterprise, ...partners] = await db.getAll(
    collections.units(programmeId).doc(data.unitId),
    collections.enterprises(programmeId).doc(data.enterpriseId),
    ...data.partnerIds.map((id) => collections.partners(programmeId).doc(id)),
  );
  return {
    state,
    periodId: data.periodId,
    expiresOn: data.expiresOn,
    unit: { name: (unit?.data() as { name?: string } | undefined)?.name ?? "" },
    enterprise: { name: (enterprise?.data() as { name?: string } | undefined)?.name ?? "" },
    partners: partners.map((p) => ({ id: p.id, name: (p.data() as { name?: string } | undefined)?.name ?? p.id })),
    choices: [
      { value: "satisfied", label: "满意" },
      { value: "basicallySatisfied", label: "基本满意" },
      { value: "dissatisfied", label: "不满意" },
    ],
  };
});
