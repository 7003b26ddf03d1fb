// Callable adapter: staff issue a one-use rating link (use case: usecases/issueSurveyLink).
import { issueSurveyLinkRequestSchema } from "../domain/schemas/index.js";
import { productionDeps } from "../usecases/deps.js";
import { issueSurveyLink as issue } from "../usecases/issueSurveyLink.js";
import { requireStaff, staffActor } from "./caller.js";
import { validatedOnCall } from "./validatedOnCall.js";

export const issueSurveyLink = validatedOnCall("issueSurveyLink", issueSurveyLinkRequestSchema, async (req, request) =>
  issue(productionDeps(), req, staffActor(requireStaff(request.auth, req.programmeId)), { webBase: process.env.WEB_BASE_URL }),
);
