// The national holiday calendar as data (GZ-4.8 and every working-day deadline depend on it): a
// platform calendar administrator enters a year chinese-days does not cover; programme staff
// cannot; a wrong arrangement changes nothing; the entry is in every programme's audit trail and
// every programme's calendar counts on it at once, and the report deadlines that waited for it
// get their dates then. The 2027 arrangement is made up for the test.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { account, DEMO_PASSWORD } from "../../scripts/demo/accounts.js";
import { seedDemo } from "../../scripts/demo/seed.js";
import { collections } from "../../functions/src/store/collections.js";
import { loadProgrammeContext } from "../../functions/src/store/programmeContext.js";
import { closeDuePeriods } from "../../functions/src/usecases/closeDuePeriods.js";
import { productionDeps } from "../../functions/src/usecases/deps.js";
import { sweepDeadlines } from "../../functions/src/usecases/sweepDeadlines.js";
import { admin, clearFirestore, closeClients, signedInClient } from "../support/emulators.js";
import { auditClauseOffenders } from "../support/auditClauses.js";

const fictional2027 = {
  year: 2027,
  reference: "测试用安排（虚构）",
  holidays: [
    { name: "元旦", from: "2027-01-01", to: "2027-01-03" }, // Fri–Sun
    { name: "春节", from: "2027-02-05", to: "2027-02-13" },
  ],
  workingDays: ["2027-01-30", "2027-02-20"], // Sat, Sat
  note: "依据国务院办公厅通知录入",
};

describe("national holiday arrangement entered as data", () => {
  beforeAll(async () => {
    await clearFirestore();
    await seedDemo(admin());
  });
  afterAll(closeClients);

  it("programme staff cannot enter it: it would move other programmes' deadlines", async () => {
    const staff = await signedInClient(account("staff-gz").email, DEMO_PASSWORD);
    await expect(staff.call("enterHolidayArrangement", fictional2027)).rejects.toMatchObject({ code: "functions/permission-denied", message: expect.stringContaining("平台节假日日历管理员") });
    expect((await admin().db.collection("holidayArrangements").get()).size).toBe(0);
  });

  it("a wrong arrangement is refused in Chinese, naming the day, and nothing is written", async () => {
    const cal = await signedInClient(account("calendar-admin").email, DEMO_PASSWORD);
    await expect(cal.call("enterHolidayArrangement", { ...fictional2027, workingDays: ["2027-02-17"] })).rejects.toMatchObject({ code: "functions/invalid-argument", message: expect.stringContaining("2027-02-17 不是周六或周日") });
    await expect(cal.call("enterHolidayArrangement", { ...fictional2027, year: 2026 })).rejects.toMatchObject({ code: "functions/failed-precondition" });
    await expect(cal.call("enterHolidayArrangement", { ...fictional2027, reference: "" })).rejects.toMatchObject({ code: "functions/invalid-argument", message: expect.stringContaining("通知文号") });
    expect((await admin().db.collection("holidayArrangements").get()).size).toBe(0);
  });

  it("GZ-3.4.1 / DG-9.1: before it, the sweep opens the periods whose deadlines fall in 2027 without a date, says so once, and the close waits", async () => {
    const { db } = admin();
    for (const asOf of ["2026-10-01", "2026-10-02"]) await sweepDeadlines(productionDeps(), { asOf });
    const gz = (await collections.periods("gz-2025").doc("2026-Q4").get()).data();
    const dg = (await collections.periods("dg-2025").doc("2026").get()).data();
    for (const period of [gz, dg]) {
      expect(period).toMatchObject({ state: "open", deadlinePendingYear: 2027 });
      expect(period).not.toHaveProperty("reportDeadline");
      expect(period).not.toHaveProperty("nextDeadlineOn");
    }
    const waiting = (await db.collection("programmes/gz-2025/audit").where("action", "in", ["period.opened", "period.deadlineWaiting"]).get()).docs.map((d) => d.data());
    expect(waiting.map((e) => e.action).sort()).toEqual(["period.deadlineWaiting", "period.opened"]); // a second day's sweep adds nothing
    expect(waiting.find((e) => e.action === "period.deadlineWaiting")).toMatchObject({ clause: "GZ-3.4.1", note: "2026年第四季度的报送截止日待录入 2027 年节假日安排后确定：提醒与关账暂缓" });

    const close = await closeDuePeriods(productionDeps(), { asOf: "2027-01-20", programmeIds: ["gz-2025"] });
    expect(close).toMatchObject({ runs: [], waiting: [{ programmeId: "gz-2025", periodId: "2026-Q4", year: 2027 }] });
    expect((await collections.periods("gz-2025").doc("2026-Q4").get()).data()?.state).toBe("open");
    const staff = await signedInClient(account("staff-gz").email, DEMO_PASSWORD);
    await expect(staff.call("runPeriodClose", { programmeId: "gz-2025", periodId: "2026-Q4", dryRun: true })).rejects.toMatchObject({ code: "functions/failed-precondition", message: expect.stringContaining("待录入 2027 年节假日安排后确定") });
  });

  it("entered once, it is audited in every programme and every programme's calendar counts on it", async () => {
    const { db } = admin();
    const before = await loadProgrammeContext("gz-2025");
    expect(before.calendar.coveredYears).not.toContain(2027);

    const cal = await signedInClient(account("calendar-admin").email, DEMO_PASSWORD);
    await expect(cal.call("enterHolidayArrangement", fictional2027)).resolves.toEqual({
      year: 2027,
      revision: 0,
      programmes: 2,
      settled: expect.arrayContaining([
        { programmeId: "gz-2025", settled: [{ periodId: "2026-Q4", reportDeadline: "2027-01-15" }], waiting: [] },
        { programmeId: "dg-2025", settled: [{ periodId: "2026", reportDeadline: "2027-01-22" }], waiting: [] },
      ]),
    });
    // The waiting deadlines are counted on it at once: 10 / 15 working days after 2026-12-31, skipping 元旦.
    const gzPeriod = (await collections.periods("gz-2025").doc("2026-Q4").get()).data();
    expect(gzPeriod).toMatchObject({ reportDeadline: "2027-01-15", nextDeadlineOn: "2027-01-08", state: "open" });
    expect(gzPeriod).not.toHaveProperty("deadlinePendingYear");
    expect((await db.doc("programmes/dg-2025/audit/period-2026-deadline-2027").get()).data()).toMatchObject({ action: "period.deadlineSet", clause: "DG-9.1", before: { deadlinePendingYear: 2027 }, after: { reportDeadline: "2027-01-22" }, actor: expect.objectContaining({ uid: "calendar-admin" }) });
    // The next sweep finds nothing left to count; its reminders now have a date to work to.
    await sweepDeadlines(productionDeps(), { asOf: "2026-10-03" });
    expect((await db.collection("programmes/gz-2025/audit").where("action", "==", "period.deadlineSet").get()).size).toBe(1);

    for (const programmeId of ["gz-2025", "dg-2025"]) {
      const entries = (await db.collection(`programmes/${programmeId}/audit`).where("entity", "==", "holidayArrangements/2027").get()).docs.map((d) => d.data());
      expect(entries).toEqual([expect.objectContaining({ action: "calendar.arrangementEntered", actor: expect.objectContaining({ uid: "calendar-admin" }), note: expect.stringContaining("测试用安排（虚构）") })]);
      const ctx = await loadProgrammeContext(programmeId);
      expect(ctx.calendar.coveredYears).toContain(2027);
      expect(ctx.calendar.addWorkingDays("2026-12-31", 1)).toBe("2027-01-04"); // skips 元旦 Fri–Sun
      expect(ctx.calendar.isWorkingDay("2027-01-30")).toBe(true); // Sat, 调休上班
    }
  });

  it("a correction is a new revision with the previous arrangement kept in the audit trail", async () => {
    const cal = await signedInClient(account("calendar-admin").email, DEMO_PASSWORD);
    const corrected = { ...fictional2027, workingDays: ["2027-01-30"], note: "更正：删去误录的调休日" };
    await expect(cal.call("enterHolidayArrangement", corrected)).resolves.toMatchObject({ revision: 1 });
    const entry = (await admin().db.doc("programmes/dg-2025/audit/holidays-2027-r1").get()).data();
    expect(entry).toMatchObject({ action: "calendar.arrangementCorrected", before: { workingDays: ["2027-01-30", "2027-02-20"] }, after: { workingDays: ["2027-01-30"] } });
    expect((await loadProgrammeContext("gz-2025")).calendar.isWorkingDay("2027-02-20")).toBe(false); // Sat, no longer a make-up day
  });
});

describe("audit entries cite the programme's own regulation (issue 14 item 10)", () => {
  it("GZ-2.1 / DG-5.3: every audit entry the flows above wrote cites a clause of its own programme's pack and names no other city's clause", async () => {
    const { offenders, audited } = await auditClauseOffenders();
    expect(offenders).toEqual([]);
    expect(Object.values(audited).reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
  });
});
