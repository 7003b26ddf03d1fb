// The deadline feed as an iCalendar file (RFC 5545), written by ical-generator: one all-day event
// per deadline (DTSTART;VALUE=DATE, DTEND the day after the last day), dates as Asia/Shanghai
// calendar days (luxon in that zone, so the host's time zone never shifts a day), the clause and
// its wording in each event's description.
import ical, { ICalCalendarMethod } from "ical-generator";
import { DateTime } from "luxon";
import { BUSINESS_ZONE } from "../domain/dates.js";
import { exclusiveEnd, type DeadlineFeed } from "../domain/deadlineFeed.js";

/** How often a calendar app should fetch the feed again (REFRESH-INTERVAL / X-PUBLISHED-TTL). */
const REFRESH_SECONDS = 6 * 60 * 60;

const day = (iso: string) => DateTime.fromISO(iso, { zone: BUSINESS_ZONE });

export function renderCalendar(feed: DeadlineFeed, now: Date): string {
  const calendar = ical({
    name: feed.name,
    description: feed.notes.length ? feed.notes.join("\n") : undefined,
    prodId: { company: "traction-units", product: "deadline-feed", language: "ZH" },
    method: ICalCalendarMethod.PUBLISH,
    ttl: REFRESH_SECONDS,
    // No calendar time zone for ical-generator: with one it writes DTSTAMP in local time, which
    // RFC 5545 wants in UTC. The events are dates, already Asia/Shanghai days; say the zone anyway.
    x: [{ key: "X-WR-TIMEZONE", value: BUSINESS_ZONE }],
  });
  for (const e of feed.events) {
    calendar.createEvent({
      id: e.uid,
      sequence: e.sequence,
      allDay: true,
      start: day(e.start),
      end: day(exclusiveEnd(e.end)),
      stamp: now,
      summary: e.summary,
      description: e.description,
    });
  }
  return calendar.toString();
}
