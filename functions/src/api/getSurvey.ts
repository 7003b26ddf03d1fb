// Callable adapter, public (no sign-in): what the rating page shows for a link (use case: usecases/getSurvey).
import { getSurveyRequestSchema } from "../domain/schemas/index.js";
import { productionDeps } from "../usecases/deps.js";
import { getSurvey as read } from "../usecases/getSurvey.js";
import { validatedOnCall } from "./validatedOnCall.js";

export const getSurvey = validatedOnCall("getSurvey", getSurveyRequestSchema, async (req) => read(productionDeps(), req));
