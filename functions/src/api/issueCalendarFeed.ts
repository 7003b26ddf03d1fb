// Callable adapter: a unit member gets a private calendar link of the unit's deadlines, shown once
// (use case: usecases/calendarFeeds).
import { issueCalendarFeedRequestSchema } from "../domain/schemas/calendarFeed.js";
import { issueCalendarFeed as issue } from "../usecases/calendarFeeds.js";
import { productionDeps } from "../usecases/deps.js";
import { memberActor, requireMember } from "./caller.js";
import { validatedOnCall } from "./validatedOnCall.js";

export const issueCalendarFeed = validatedOnCall("issueCalendarFeed", issueCalendarFeedRequestSchema, async (req, request) => {
  const caller = requireMember(request.auth, req.programmeId);
  const headers = request.rawRequest.headers;
  const host = headers["x-forwarded-host"] ?? headers.host;
  return issue(productionDeps(), { ...req, host: host === undefined ? undefined : String(host) }, { ...memberActor(caller), unitId: caller.unitId });
});
