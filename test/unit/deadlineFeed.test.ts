// The private deadline calendar's content (domain/deadlineFeed.ts) and its iCalendar file
// (usecases/calendarFile.ts, ical-generator), read back with a maintained parser (ical.js): each
// deadline of the unit on its working day as an all-day event, with its clause and the clause's
// words; a deadline waiting for a year's holiday arrangement has a note and no event.
import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { makeCalendar } from "../../functions/src/domain/calendar.js";
import { deadlineFeed, type DeadlineFeedFacts } from "../../functions/src/domain/deadlineFeed.js";
import { guangzhou } from "../../functions/src/domain/policy/index.js";
import { newPeriod } from "../../functions/src/domain/reportSchedule.js";
import type { AdvanceNotice, Notice, Period, Proceeding } from "../../functions/src/domain/schemas/index.js";
import { renderCalendar } from "../../functions/src/usecases/calendarFile.js";

const calendar = makeCalendar();
const staff = { uid: "s1", role: "staff" as const };
const criticism = (id: string, state: string, rectificationDeadline: string | undefined, extensions: string[] = []) =>
  ({ id, kind: "criticism", unitId: "gz-u01", ground: "GZ-4.4a.2", evidence: [], automatic: false, openedOn: "2025-09-01", openedBy: staff, state, rectificationDeadline, extensions }) as Proceeding & { id: string };
const advance: AdvanceNotice & { id: string } = {
  id: "an1",
  unitId: "gz-u01",
  subject: "unit",
  kind: "rename",
  description: "拟更名",
  plannedOn: "2025-10-20",
  filedOn: "2025-09-15",
  latestOnTimeFilingDate: "2025-09-26",
  workingDaysAhead: 14,
  late: false,
  clause: "GZ-4.8",
};
const notice = (state: Notice["state"]): Notice => ({
  title: "2025年第10批名单公示",
  items: [
    { changeId: "ch1", unitName: "示例单位", summary: "新增合作伙伴：广州某科技有限公司" },
    { changeId: "other", unitName: "其他单位", summary: "其他单位的事项" },
  ],
  startsOn: "2025-10-09",
  endsOn: "2025-10-15",
  length: 5,
  unit: "workingDays",
  state,
  clause: "GZ-4.6.3",
});

function facts(over: Partial<DeadlineFeedFacts> = {}): DeadlineFeedFacts {
  return {
    programmeId: "gz-2025",
    programmeName: "广州市数字化转型牵引单位",
    unitId: "gz-u01",
    unitName: "示例单位",
    pack: guangzhou,
    periods: [newPeriod("2025-Q3", guangzhou, calendar) as Period],
    proceedings: [],
    advanceNotices: [],
    notices: [],
    ...over,
  };
}

describe("deadline feed: the unit's deadlines as events", () => {
  it("GZ-3.4.1: the 2025-Q3 report deadline is the tenth working day after the quarter (2025-10-21, past National Day and its make-up Saturday), with the clause and its words, followed by the evaluation close", () => {
    const [e, close, ...rest] = deadlineFeed(facts()).events;
    expect(rest).toEqual([]);
    // The evaluation close follows, 10 working days later: late reports until then, absence after (GZ-4.4b.2).
    expect(close).toMatchObject({ start: "2025-11-04", clause: "GZ-4.4b.2", summary: "2025年第三季度绩效评价截止" });
    expect(close!.description).toContain("此日仍未报送的，视为未按规定参加绩效评价");
    expect(e).toMatchObject({ kind: "report", start: "2025-10-21", end: "2025-10-21", clause: "GZ-3.4.1", summary: "2025年第三季度绩效材料报送截止", uid: "report-gz-2025-gz-u01-2025-Q3@traction-units" });
    expect(e!.description).toContain("2025年10月21日（含当日）");
    expect(e!.description).toContain("依据 GZ-3.4.1：牵引单位应按季度对照绩效任务书报送");
  });

  it("GZ-3.4.1: a period whose deadline waits for the next year's holiday arrangement has a note and no event; a closed period has neither", () => {
    const waiting: Period = { id: "2026-Q4", cadence: "quarterly", start: "2026-10-01", end: "2026-12-31", state: "open", deadlinePendingYear: 2027 };
    const closed: Period = { ...(newPeriod("2025-Q2", guangzhou, calendar) as Period), state: "closed" };
    const feed = deadlineFeed(facts({ periods: [waiting, closed] }));
    expect(feed.events).toEqual([]);
    expect(feed.notes).toEqual(["2026年第四季度报送截止日：待录入 2027 年节假日安排后确定"]);
  });

  it("GZ-4.4a / GZ-4.3b: an open criticism's rectification deadline, raised in sequence by each extension; a dismissed or accepted one, or another kind of proceeding, has none", () => {
    const feed = deadlineFeed(
      facts({
        periods: [],
        proceedings: [
          criticism("c1", "issued", "2025-11-28", ["2025-11-28"]),
          criticism("c2", "dismissed", undefined),
          criticism("c3", "accepted", "2025-10-31"),
          { id: "x1", kind: "clearOut", unitId: "gz-u01", ground: "GZ-4.4b.5", evidence: [], automatic: false, openedOn: "2025-09-01", openedBy: staff, state: "proposed" } as Proceeding & { id: string },
        ],
      }),
    );
    expect(feed.events).toHaveLength(1);
    expect(feed.events[0]).toMatchObject({ kind: "rectification", start: "2025-11-28", sequence: 1, clause: "GZ-4.4a.2", uid: "rectification-gz-2025-gz-u01-c1@traction-units" });
    expect(feed.events[0]!.description).toContain("通报批评依据 GZ-4.4a.2：资料报送不及时、不完整、不规范");
    expect(feed.events[0]!.description).toContain("依据 GZ-4.3b：");
    expect(feed.events[0]!.description).toContain("整改期限已延长 1 次");
  });

  it("GZ-4.8 / GZ-4.6.3: an advance notice's last on-time filing day, and an open notice's window holding the unit's change (only its own items); a closed notice drops out", () => {
    const open = deadlineFeed(facts({ periods: [], advanceNotices: [advance], notices: [{ id: "n1", notice: notice("open"), changeIds: ["ch1"] }] }));
    expect(open.events.map((e) => [e.kind, e.start, e.end, e.clause])).toEqual([
      ["advanceNotice", "2025-09-26", "2025-09-26", "GZ-4.8"],
      ["notice", "2025-10-09", "2025-10-15", "GZ-4.6.3"],
    ]);
    expect(open.events[0]!.description).toContain("至少在办理手续前 10 个工作日报告");
    expect(open.events[1]!.description).toContain("新增合作伙伴：广州某科技有限公司");
    expect(open.events[1]!.description).not.toContain("其他单位的事项");
    expect(deadlineFeed(facts({ periods: [], notices: [{ id: "n1", notice: notice("closed"), changeIds: ["ch1"] }] })).events).toEqual([]);
  });
});

describe("deadline feed as iCalendar", () => {
  const feed = deadlineFeed(facts({ advanceNotices: [advance], notices: [{ id: "n1", notice: notice("scheduled"), changeIds: ["ch1"] }] }));
  const text = renderCalendar(feed, new Date("2025-09-30T02:00:00Z"));
  const events = new ICAL.Component(ICAL.parse(text)).getAllSubcomponents("vevent").map((v) => new ICAL.Event(v));

  it("is a calendar of all-day events on Asia/Shanghai dates: DTEND is the day after the last day", () => {
    expect(text).toContain("DTSTART;VALUE=DATE:20251021");
    const report = events.find((e) => e.uid.startsWith("report-"))!;
    expect(report.startDate.isDate).toBe(true);
    expect(report.startDate.toString()).toBe("2025-10-21");
    expect(report.endDate.toString()).toBe("2025-10-22");
    const window = events.find((e) => e.uid.startsWith("notice-"))!;
    expect([window.startDate.toString(), window.endDate.toString()]).toEqual(["2025-10-09", "2025-10-16"]);
  });

  it("stamps in UTC as RFC 5545 asks, and gives the same days whatever the host's time zone", () => {
    expect(text).toMatch(/^DTSTAMP:20250930T020000Z$/m);
    const tz = process.env.TZ;
    try {
      process.env.TZ = "America/Los_Angeles";
      expect(renderCalendar(feed, new Date("2025-09-30T02:00:00Z"))).toBe(text);
    } finally {
      if (tz === undefined) delete process.env.TZ;
      else process.env.TZ = tz;
    }
  });

  it("keeps the Chinese summary and the clause in the description through folding and escaping", () => {
    const report = events.find((e) => e.uid.startsWith("report-"))!;
    expect(report.summary).toBe("2025年第三季度绩效材料报送截止");
    expect(report.description).toContain("依据 GZ-3.4.1");
    expect(events.map((e) => e.uid).sort()).toEqual(feed.events.map((e) => e.uid).sort());
  });
});
