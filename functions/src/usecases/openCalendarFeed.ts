// What a calendar app gets for a private link (api/calendarFeed): the unit's deadlines as they
// stand at this fetch, so a moved deadline shows its new date at the next one. The link is found by
// the SHA-256 of its token; a link never issued, revoked, or of a person no longer in the unit gets
// the same not-found answer. Each read is counted against an hourly limit per link and noted on
// the link (lastFetchedAt) in one transaction that sees the link still active; nothing else is
// written.
import { deadlineFeed } from "../domain/deadlineFeed.js";
import { refuse, type Refusal } from "../domain/errors.js";
import { calendarFeedRateLimitRules, checkRateLimits } from "../domain/rateLimits.js";
import { calendarFeedTokenSchema } from "../domain/schemas/calendarFeed.js";
import { findCalendarFeed, isCurrentMember, readDeadlineFacts } from "../store/calendarFeeds.js";
import { readRateLimitCounts } from "../store/objections.js";
import { loadProgrammeContext } from "../store/programmeContext.js";
import { renderCalendar } from "./calendarFile.js";
import type { Deps } from "./deps.js";

export async function openCalendarFeed(deps: Deps, token: string): Promise<{ ok: true; body: string; eventCount: number } | Refusal> {
  if (!calendarFeedTokenSchema.safeParse(token).success) return refuse("CALENDAR_FEED_NOT_FOUND");
  const found = await findCalendarFeed(token);
  if (!found || found.data.state !== "active") return refuse("CALENDAR_FEED_NOT_FOUND");
  const { programmeId, feedId, data } = found;
  if (!(await isCurrentMember(programmeId, data.unitId, data.memberUid))) return refuse("CALENDAR_FEED_NOT_FOUND");
  const now = deps.clock();
  const refusal = await deps.db.runTransaction(async (tx): Promise<Refusal | undefined> => {
    const feed = (await tx.get(found.ref)).data();
    if (!feed || feed.state !== "active") return refuse("CALENDAR_FEED_NOT_FOUND");
    const rules = calendarFeedRateLimitRules(now, programmeId, feedId);
    const { refs, counts } = await readRateLimitCounts(tx, rules.map((r) => r.key));
    const limited = checkRateLimits(rules, counts, "CALENDAR_FEED_RATE_LIMITED");
    if (limited) return limited;
    refs.forEach((ref, i) => tx.set(ref, { count: counts[i]! + 1, windowKey: rules[i]!.key, updatedAt: now }));
    tx.set(found.ref, { ...feed, lastFetchedAt: now });
    return undefined;
  });
  if (refusal) return refusal;
  const [ctx, facts] = await Promise.all([loadProgrammeContext(programmeId, undefined, deps.calendar), readDeadlineFacts(programmeId, data.unitId)]);
  const feed = deadlineFeed({ ...facts, programmeName: ctx.programme.name, pack: ctx.pack });
  return { ok: true, body: renderCalendar(feed, now), eventCount: feed.events.length };
}
