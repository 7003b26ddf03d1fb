// Public: what the rating page needs for a link — the enterprise, the unit and its partners — or
// a plain Chinese state when the link was used, has expired or is not valid. Nothing else leaks.
import type { DocumentSnapshot } from "firebase-admin/firestore";
import type { z } from "zod";
import { shanghaiDate } from "../domain/dates.js";
import { surveyLinkMessages, surveyLinkState } from "../domain/feedback.js";
import { ratingWords } from "../domain/words.js";
import type { getSurveyRequestSchema } from "../domain/schemas/workflowRequests.js";
import { collections } from "../store/collections.js";
import { findSurveyToken } from "../store/surveyTokens.js";
import type { Deps } from "./deps.js";

const nameOf = (snap: DocumentSnapshot | undefined) => (snap?.data() as { name?: string } | undefined)?.name;

export async function getSurvey(deps: Deps, input: z.output<typeof getSurveyRequestSchema>) {
  const found = await findSurveyToken(input.token);
  const state = surveyLinkState(found?.data, shanghaiDate(deps.clock()));
  if (!found || state !== "valid") return { state, message: surveyLinkMessages[state === "valid" ? "invalid" : state] };
  const { programmeId, data } = found;
  const [unit, enterprise, ...partners] = await deps.db.getAll(
    collections.units(programmeId).doc(data.unitId),
    collections.enterprises(programmeId).doc(data.enterpriseId),
    ...data.partnerIds.map((id) => collections.partners(programmeId).doc(id)),
  );
  return {
    state,
    periodId: data.periodId,
    expiresOn: data.expiresOn,
    unit: { name: nameOf(unit) ?? "" },
    enterprise: { name: nameOf(enterprise) ?? "" },
    partners: partners.map((p) => ({ id: p.id, name: nameOf(p) ?? p.id })),
    choices: (Object.keys(ratingWords) as (keyof typeof ratingWords)[]).map((value) => ({ value, label: ratingWords[value] })),
  };
}
