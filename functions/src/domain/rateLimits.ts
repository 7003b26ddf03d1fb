// Rate limits on public objections (no account, so the only handles are the caller's network
// address and the notice): fixed windows whose ids come from the time, so a counter document per
// window is all the state needed and old windows simply stop being used.
import { DateTime } from "luxon";
import { ipv6Groups, normalisedIp } from "./clientAddress.js";
import { BUSINESS_ZONE } from "./dates.js";
import { type Refusal, refuse } from "./errors.js";

/**
 * Who is counted: an IPv4 address as it is; an IPv6 address by its /64 prefix, because one
 * subscriber is normally given a whole /64 and could otherwise take a fresh address per request.
 */
export function rateLimitSubject(address: string): string {
  const ip = normalisedIp(address);
  if (!ip) return address;
  const groups = ip.includes(":") ? ipv6Groups(ip) : undefined;
  return groups ? `${groups.slice(0, 4).map((g) => g.toString(16)).join(":")}::/64` : ip;
}

export interface RateLimitRule {
  key: string;
  limit: number;
  /** Shown to the person refused. */
  what: string;
}

export const objectionLimits = { perAddressPerHour: 5, perNoticePerDay: 200 } as const;

/** Counter ids for one objection attempt at `now` (Asia/Shanghai windows). */
export function objectionRateLimitRules(now: Date, addressHash: string, programmeId: string, noticeId: string): RateLimitRule[] {
  const t = DateTime.fromJSDate(now, { zone: BUSINESS_ZONE });
  return [
    { key: `objection-addr-${addressHash}-${t.toFormat("yyyyMMddHH")}`, limit: objectionLimits.perAddressPerHour, what: `同一网络地址每小时最多提出 ${objectionLimits.perAddressPerHour} 件异议` },
    { key: `objection-notice-${programmeId}-${noticeId}-${t.toFormat("yyyyMMdd")}`, limit: objectionLimits.perNoticePerDay, what: `每项公示每天最多受理 ${objectionLimits.perNoticePerDay} 件异议` },
  ];
}

/**
 * A private calendar link is read by a calendar app every few minutes to every day; more than this
 * an hour is a leaked link in a loop or a script, which is refused until the next hour.
 */
export const calendarFeedLimits = { perFeedPerHour: 60 } as const;

/** The counter id for one read of a calendar link at `now` (Asia/Shanghai hour windows). */
export function calendarFeedRateLimitRules(now: Date, programmeId: string, feedId: string): RateLimitRule[] {
  const t = DateTime.fromJSDate(now, { zone: BUSINESS_ZONE });
  return [{ key: `calendar-feed-${programmeId}-${feedId}-${t.toFormat("yyyyMMddHH")}`, limit: calendarFeedLimits.perFeedPerHour, what: `每个订阅链接每小时最多读取 ${calendarFeedLimits.perFeedPerHour} 次` }];
}

/** The first rule whose counter is already at its limit, as a refusal. */
export function checkRateLimits(rules: readonly RateLimitRule[], counts: readonly number[], code: "RATE_LIMITED" | "CALENDAR_FEED_RATE_LIMITED" = "RATE_LIMITED"): Refusal | undefined {
  const i = rules.findIndex((r, k) => (counts[k] ?? 0) >= r.limit);
  return i < 0 ? undefined : refuse(code, rules[i]!.what);
}
