// Callable adapter: a unit member revokes their own calendar link (use case: usecases/calendarFeeds).
import { revokeCalendarFeedRequestSchema } from "../domain/schemas/calendarFeed.js";
import { revokeCalendarFeed as revoke } from "../usecases/calendarFeeds.js";
import { productionDeps } from "../usecases/deps.js";
import { memberActor, requireMember } from "./caller.js";
import { validatedOnCall } from "./validatedOnCall.js";

export const revokeCalendarFeed = validatedOnCall("revokeCalendarFeed", revokeCalendarFeedRequestSchema, async (req, request) => {
  const caller = requireMember(request.auth, req.programmeId);
  return revoke(productionDeps(), req, { ...memberActor(caller), unitId: caller.unitId });
});
