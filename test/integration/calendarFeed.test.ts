// The private deadline calendar end to end on the emulators: a unit member issues a link through
// the callable, a calendar fetches it over HTTP from the calendarFeed function, and ical.js (a
// maintained iCalendar parser) reads the unit's deadlines back — the report deadline on its working
// day, a criticism's rectification deadline, an advance notice's last filing day and a notice
// window, each with its clause. A deadline moved by staff shows its new date at the next fetch;
// a revoked link, a wrong one, a replaced one and one whose person left the unit answer 404 in
// Chinese; another unit's member cannot revoke a link that is not theirs.
import { createHash } from "node:crypto";
import ICAL from "ical.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkAdvanceNotice } from "../../functions/src/domain/advanceNotice.js";
import { makeCalendar } from "../../functions/src/domain/calendar.js";
import { addDays, shanghaiDate } from "../../functions/src/domain/dates.js";
import { guangzhou } from "../../functions/src/domain/policy/index.js";
import { calendarFeedRateLimitRules } from "../../functions/src/domain/rateLimits.js";
import { newPeriod } from "../../functions/src/domain/reportSchedule.js";
import { makeUscc } from "../../functions/src/domain/uscc.js";
import { collections } from "../../functions/src/store/collections.js";
import { account, DEMO_PASSWORD } from "../../scripts/demo/accounts.js";
import { DEMO_CALENDAR_OVERRIDES } from "../../scripts/demo/generate.js";
import { seedDemo } from "../../scripts/demo/seed.js";
import { admin, clearFirestore, closeClients, signedInClient } from "../support/emulators.js";

const GZ = "gz-2025";
const UNIT = "gz-u01";
const today = () => shanghaiDate(new Date());
const calendar = makeCalendar(DEMO_CALENDAR_OVERRIDES);

type Client = Awaited<ReturnType<typeof signedInClient>>;
let member: Client;
let otherMember: Client;
let staff: Client;
let proceedingId = "";

interface Issued {
  feedId: string;
  url: string;
  createdAt: string;
}

/** The feed as a calendar app reads it: status, type, and the events ical.js finds. */
async function fetchFeed(url: string) {
  const res = await fetch(url);
  const text = await res.text();
  if (res.status !== 200) return { status: res.status, type: res.headers.get("content-type"), text, events: [], calendar: undefined };
  const calendar = new ICAL.Component(ICAL.parse(text));
  const events = calendar.getAllSubcomponents("vevent").map((v) => new ICAL.Event(v));
  return { status: res.status, type: res.headers.get("content-type"), text, events, calendar };
}
const eventOf = (events: InstanceType<typeof ICAL.Event>[], uidPrefix: string) => events.find((e) => e.uid.startsWith(uidPrefix));
const auditOf = async (action: string) => (await collections.audit(GZ).where("action", "==", action).get()).docs.map((d) => d.data());

/** Deadlines of every kind for gz-u01, written as the functions write them (fixed dates in years the calendar covers). */
async function seedDeadlines() {
  await collections.periods(GZ).doc("2025-Q3").set(newPeriod("2025-Q3", guangzhou, calendar));
  await collections.periods(GZ).doc("2025-Q2").set({ ...newPeriod("2025-Q2", guangzhou, calendar), state: "closed", closedAt: new Date("2025-07-20T02:00:00Z") });
  await collections.periods(GZ).doc("2026-Q4").set(newPeriod("2026-Q4", guangzhou, calendar));
  const check = checkAdvanceNotice("2026-10-20", "2026-09-21", guangzhou, calendar);
  await collections.advanceNotices(GZ).doc("cal-an1").set({ unitId: UNIT, subject: "unit", kind: "rename", description: "拟更名为穗链智造集团（演示）有限公司。", plannedOn: "2026-10-20", filedOn: "2026-09-21", latestOnTimeFilingDate: check.latestOnTimeFilingDate, workingDaysAhead: check.workingDaysAhead, late: check.late, clause: "GZ-4.8" });
  await collections.changes(GZ).doc("cal-ch1").set({ unitId: UNIT, type: "partnerAdd", state: "inNotice", payload: { type: "partnerAdd", name: "广州日历测试合作伙伴（演示）有限公司", uscc: makeUscc(771) }, documents: [], noticeId: "cal-n1" });
  await collections.notices(GZ).doc("cal-n1").set({
    title: "合作伙伴名单公示（日历测试）",
    items: [{ changeId: "cal-ch1", unitName: "穗链智造科技（演示）有限公司", summary: "新增合作伙伴：广州日历测试合作伙伴（演示）有限公司" }],
    startsOn: "2026-10-09",
    endsOn: "2026-10-15",
    length: 5,
    unit: "workingDays",
    state: "open",
    clause: "GZ-4.6.3",
  });
  const opened = await staff.call<{ proceedingId: string }>("openProceeding", { programmeId: GZ, kind: "criticism", unitId: UNIT, ground: "GZ-4.4a.2", evidence: [{ description: "2025-Q2 报告逾期未报送" }] });
  proceedingId = opened.proceedingId;
  await staff.call("proceedingEvent", { programmeId: GZ, proceedingId, event: { type: "issue", deadline: addDays(today(), 10) } });
}

describe("private deadline calendar (iCalendar feed)", () => {
  let first: Issued;

  beforeAll(async () => {
    await clearFirestore();
    await seedDemo(admin());
    const signIn = (uid: string) => signedInClient(account(uid).email, DEMO_PASSWORD);
    [member, otherMember, staff] = await Promise.all([signIn("member-gz-01"), signIn("member-gz-02"), signIn("staff-gz")]);
    await seedDeadlines();
  }, 120_000);
  afterAll(closeClients);

  it("a member issues a link for their unit: shown once, only its SHA-256 stored, the issue audited under GZ-3.4.1", async () => {
    first = await member.call<Issued>("issueCalendarFeed", { programmeId: GZ });
    const token = new URL(first.url).searchParams.get("token")!;
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const stored = (await collections.calendarFeeds(GZ).doc(first.feedId).get()).data()!;
    expect(stored).toMatchObject({ memberUid: "member-gz-01", unitId: UNIT, state: "active", tokenHash: createHash("sha256").update(token).digest("hex") });
    expect(JSON.stringify(stored)).not.toContain(token);
    const issued = await auditOf("calendarFeed.issued");
    expect(issued).toHaveLength(1);
    expect(issued[0]).toMatchObject({ actor: { uid: "member-gz-01", role: "unitMember" }, entity: `programmes/${GZ}/calendarFeeds/${first.feedId}`, clause: "GZ-3.4.1" });
    expect(JSON.stringify(issued)).not.toContain(token);
  });

  it("GZ-3.4.1: fetched over HTTPS and parsed with ical.js, the feed has the 2025-Q3 report deadline as an all-day event on 2025-10-21 (the tenth working day after the quarter) with its clause; a closed period has none, a waiting one a note", async () => {
    const feed = await fetchFeed(first.url);
    expect(feed.status).toBe(200);
    expect(feed.type).toBe("text/calendar; charset=utf-8");
    const report = eventOf(feed.events, `report-${GZ}-${UNIT}-2025-Q3`)!;
    expect(report.startDate.isDate).toBe(true);
    expect([report.startDate.toString(), report.endDate.toString()]).toEqual(["2025-10-21", "2025-10-22"]);
    expect(calendar.isWorkingDay("2025-10-21")).toBe(true);
    expect(report.summary).toBe("2025年第三季度绩效材料报送截止");
    expect(report.description).toContain("依据 GZ-3.4.1");
    expect(report.description).toContain("2025年10月21日");
    expect(eventOf(feed.events, `report-${GZ}-${UNIT}-2025-Q2`)).toBeUndefined();
    const waiting = (await collections.periods(GZ).doc("2026-Q4").get()).data()!;
    if (waiting.deadlinePendingYear) {
      expect(eventOf(feed.events, `report-${GZ}-${UNIT}-2026-Q4`)).toBeUndefined();
      expect(feed.calendar!.getFirstPropertyValue("x-wr-caldesc")).toContain(`待录入 ${waiting.deadlinePendingYear} 年节假日安排后确定`);
    } else {
      expect(eventOf(feed.events, `report-${GZ}-${UNIT}-2026-Q4`)!.startDate.toString()).toBe(waiting.reportDeadline);
    }
  });

  it("GZ-4.4a.2 / GZ-4.8 / GZ-4.6.3: the criticism's rectification deadline, the advance notice's last on-time day and the notice window are there, each naming its clause", async () => {
    const { events } = await fetchFeed(first.url);
    const rectification = eventOf(events, `rectification-${GZ}-${UNIT}-${proceedingId}`)!;
    expect(rectification.startDate.toString()).toBe(addDays(today(), 10));
    expect(rectification.description).toContain("通报批评依据 GZ-4.4a.2：资料报送不及时、不完整、不规范");
    const advance = eventOf(events, `advance-notice-${GZ}-${UNIT}-cal-an1`)!;
    const lastDay = checkAdvanceNotice("2026-10-20", "2026-09-21", guangzhou, calendar).latestOnTimeFilingDate;
    expect(advance.startDate.toString()).toBe(lastDay);
    expect(calendar.workingDaysBetween(lastDay, "2026-10-20")).toBe(10);
    expect(advance.description).toContain("依据 GZ-4.8");
    const window = eventOf(events, `notice-${GZ}-${UNIT}-cal-n1`)!;
    expect([window.startDate.toString(), window.endDate.toString()]).toEqual(["2026-10-09", "2026-10-16"]);
    expect(window.description).toContain("依据 GZ-4.6.3");
    expect(window.description).toContain("新增合作伙伴：广州日历测试合作伙伴（演示）有限公司");
    // Nothing of another unit's.
    expect(events.every((e) => e.uid.includes(`-${UNIT}-`))).toBe(true);
  });

  it("GZ-4.3b: staff mark the rectification overdue and extend it; the next fetch shows the new date under the same event, its sequence raised", async () => {
    const ref = collections.proceedings(GZ).doc(proceedingId);
    const p = (await ref.get()).data()!;
    await ref.set({ ...p, rectificationDeadline: addDays(today(), -1) } as typeof p);
    await staff.call("proceedingEvent", { programmeId: GZ, proceedingId, event: { type: "markOverdue" } });
    const newDeadline = addDays(today(), 25);
    await staff.call("proceedingEvent", { programmeId: GZ, proceedingId, event: { type: "extend", deadline: newDeadline } });
    const rectification = eventOf((await fetchFeed(first.url)).events, `rectification-${GZ}-${UNIT}-${proceedingId}`)!;
    expect(rectification.startDate.toString()).toBe(newDeadline);
    expect(rectification.sequence).toBe(1);
    expect(rectification.description).toContain("整改期限已延长 1 次");
  });

  it("a wrong token, a malformed one and none at all answer 404 in Chinese, never a stack trace; only GET is served", async () => {
    const base = first.url.split("?")[0]!;
    for (const url of [`${base}?token=${"A".repeat(43)}`, `${base}?token=short`, base]) {
      const res = await fetchFeed(url);
      expect(res.status).toBe(404);
      expect(res.text.trim()).toBe("日历订阅链接无效或已停用。");
    }
    const post = await fetch(first.url, { method: "POST" });
    expect(post.status).toBe(405);
    expect(await post.text()).toMatch(/只接受 GET 请求/);
  });

  it("more than 60 reads of one link in an hour are refused with 429 until the next hour", async () => {
    const [rule] = calendarFeedRateLimitRules(new Date(), GZ, first.feedId);
    const counter = collections.rateLimits().doc(rule!.key);
    const before = (await counter.get()).data();
    await counter.set({ count: 60, windowKey: rule!.key, updatedAt: new Date() });
    const res = await fetchFeed(first.url);
    expect(res.status).toBe(429);
    expect(res.text).toContain("每个订阅链接每小时最多读取 60 次");
    await (before ? counter.set(before) : counter.delete());
  });

  it("another unit's member cannot revoke the link (told there is no such link, nothing changes); the owner revokes it, audited; it then answers 404, and revoking again changes nothing", async () => {
    await expect(otherMember.call("revokeCalendarFeed", { programmeId: GZ, feedId: first.feedId })).rejects.toMatchObject({ code: "functions/not-found", message: expect.stringContaining("日历订阅链接无效或已停用") });
    await expect(staff.call("revokeCalendarFeed", { programmeId: GZ, feedId: first.feedId })).rejects.toMatchObject({ code: "functions/permission-denied" });
    expect((await collections.calendarFeeds(GZ).doc(first.feedId).get()).data()?.state).toBe("active");
    expect((await fetchFeed(first.url)).status).toBe(200);

    await expect(member.call("revokeCalendarFeed", { programmeId: GZ, feedId: first.feedId })).resolves.toMatchObject({ state: "revoked", alreadyRevoked: false });
    const revoked = await fetchFeed(first.url);
    expect(revoked.status).toBe(404);
    expect(revoked.text.trim()).toBe("日历订阅链接无效或已停用。");
    expect((await collections.calendarFeeds(GZ).doc(first.feedId).get()).data()).toMatchObject({ state: "revoked", revokedBy: { uid: "member-gz-01" } });
    await expect(member.call("revokeCalendarFeed", { programmeId: GZ, feedId: first.feedId })).resolves.toMatchObject({ state: "revoked", alreadyRevoked: true });
    const entries = (await auditOf("calendarFeed.revoked")).filter((e) => e.entity.endsWith(first.feedId));
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ actor: { uid: "member-gz-01" }, clause: "GZ-3.4.1" });
  });

  it("a member has one working link: issuing a new one stops the old; a person who leaves the unit stops theirs", async () => {
    const a = await member.call<Issued>("issueCalendarFeed", { programmeId: GZ });
    const b = await member.call<Issued>("issueCalendarFeed", { programmeId: GZ });
    expect((await fetchFeed(a.url)).status).toBe(404);
    expect((await fetchFeed(b.url)).status).toBe(200);
    expect((await collections.calendarFeeds(GZ).doc(a.feedId).get()).data()?.state).toBe("revoked");

    const membership = collections.members(GZ, UNIT).doc("member-gz-01");
    const was = (await membership.get()).data()!;
    await membership.set({ ...was, removedAt: new Date() });
    expect((await fetchFeed(b.url)).status).toBe(404);
    await membership.set(was);
    expect((await fetchFeed(b.url)).status).toBe(200);
  });
});
