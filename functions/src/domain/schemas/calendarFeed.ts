// A unit member's private deadline calendar (domain/deadlineFeed.ts): the link carries 256 random
// bits; only their SHA-256 is stored, with whose link it is. Revoking it is a state.
import { z } from "zod";
import { calendarFeedStates } from "../states.js";
import { actorSchema, enumOf, idOf, instant } from "./common.js";

export const calendarFeedSchema = z.object({
  tokenHash: z.string().regex(/^[0-9a-f]{64}$/, "订阅链接摘要应为 64 位十六进制"),
  memberUid: idOf("成员账号编号"),
  unitId: idOf("牵引单位编号"),
  state: enumOf("订阅链接状态", calendarFeedStates),
  createdAt: instant("生成时间"),
  createdBy: actorSchema,
  revokedAt: instant("停用时间").optional(),
  revokedBy: actorSchema.optional(),
  /** The last time a calendar fetched the feed, so the member sees whether it is in use. */
  lastFetchedAt: instant("最近读取时间").optional(),
});
export type CalendarFeed = z.infer<typeof calendarFeedSchema>;

export const issueCalendarFeedRequestSchema = z.object({
  programmeId: idOf("专项编号"),
});

export const revokeCalendarFeedRequestSchema = z.object({
  programmeId: idOf("专项编号"),
  feedId: idOf("订阅链接编号"),
});

/** What the feed endpoint accepts: the token from the link (43 base64url characters). */
export const calendarFeedTokenSchema = z.string({ error: "订阅链接无效" }).regex(/^[A-Za-z0-9_-]{43}$/, "订阅链接无效");
