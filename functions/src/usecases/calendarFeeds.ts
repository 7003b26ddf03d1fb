// A unit member's private deadline calendar link (domain/deadlineFeed.ts). Issuing makes 256
// random bits, stores only their SHA-256 with whose link it is, and returns the link once; a
// member has one working link at a time, so issuing a new one revokes the old in the same
// transaction. Revoking is a state (nothing is deleted) and only the member who owns the link may
// do it; another unit's member is told there is no such link. Both are audited under the
// pack's report clause, which the feed serves.
import type { z } from "zod";
import { refused } from "../domain/errors.js";
import type { issueCalendarFeedRequestSchema, revokeCalendarFeedRequestSchema } from "../domain/schemas/calendarFeed.js";
import { appendAudit } from "../store/audit.js";
import { activeFeedsOf } from "../store/calendarFeeds.js";
import { collections } from "../store/collections.js";
import { loadProgrammeContext } from "../store/programmeContext.js";
import { hashToken, newSecretToken } from "../store/secretTokens.js";
import type { Acting, Deps } from "./deps.js";
import { functionUrl } from "./functionUrl.js";
import { requireOpenProgramme } from "./openProgramme.js";

type Member = Acting & { unitId: string };

export type IssueCalendarFeedInput = z.output<typeof issueCalendarFeedRequestSchema> & {
  /** The host the request came to: on the emulator the link points back at it. */
  host?: string;
};

export async function issueCalendarFeed(deps: Deps, input: IssueCalendarFeedInput, member: Member) {
  const { programmeId } = input;
  const { unitId, ...actor } = member;
  const now = deps.clock();
  const token = newSecretToken();
  const ref = collections.calendarFeeds(programmeId).doc();
  await deps.db.runTransaction(async (tx) => {
    const ctx = await loadProgrammeContext(programmeId, tx, deps.calendar);
    requireOpenProgramme(ctx, now);
    const previous = await activeFeedsOf(tx, programmeId, actor.uid);
    for (const p of previous) {
      tx.set(p.ref, { ...p.data, state: "revoked", revokedAt: now, revokedBy: actor });
      appendAudit(tx, programmeId, `calendar-feed-${p.ref.id}-revoked`, { at: now, actor, action: "calendarFeed.revoked", entity: p.ref.path, before: { state: "active" }, after: { state: "revoked" }, clause: ctx.pack.clauses.report, note: "生成新的订阅链接，旧链接停用" });
    }
    tx.create(ref, { tokenHash: hashToken(token), memberUid: actor.uid, unitId, state: "active", createdAt: now, createdBy: actor });
    appendAudit(tx, programmeId, `calendar-feed-${ref.id}-issued`, { at: now, actor, action: "calendarFeed.issued", entity: ref.path, after: { unitId, state: "active" }, clause: ctx.pack.clauses.report });
  });
  const url = `${functionUrl("calendarFeed", input.host, process.env.CALENDAR_FEED_BASE_URL)}?token=${token}`;
  return { feedId: ref.id, url, createdAt: now.toISOString() };
}

export async function revokeCalendarFeed(deps: Deps, input: z.output<typeof revokeCalendarFeedRequestSchema>, member: Member) {
  const { programmeId, feedId } = input;
  const { unitId, ...actor } = member;
  const now = deps.clock();
  const ref = collections.calendarFeeds(programmeId).doc(feedId);
  return deps.db.runTransaction(async (tx) => {
    const { pack } = await loadProgrammeContext(programmeId, tx, deps.calendar);
    const feed = (await tx.get(ref)).data();
    // Another person's link, or another unit's, is no link of the caller's: nothing is said about it.
    if (!feed || feed.memberUid !== actor.uid || feed.unitId !== unitId) refused("CALENDAR_FEED_NOT_FOUND", feedId);
    if (feed.state === "revoked") return { feedId, state: "revoked" as const, alreadyRevoked: true };
    tx.set(ref, { ...feed, state: "revoked", revokedAt: now, revokedBy: actor });
    appendAudit(tx, programmeId, `calendar-feed-${feedId}-revoked`, { at: now, actor, action: "calendarFeed.revoked", entity: ref.path, before: { state: "active" }, after: { state: "revoked" }, clause: pack.clauses.report });
    return { feedId, state: "revoked" as const, alreadyRevoked: false };
  });
}
