// The national holiday calendar as data (GZ-4.8 and every working-day deadline depend on it): a
// platform calendar administrator enters a year chinese-days does not cover; programme staff
// cannot; a wrong arrangement changes nothing; the entry is in every programme's audit trail and
// every programme's calendar counts on it at once. The 2027 arrangement is made up for the test.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { account, DEMO_PASSWORD } from "../../scripts/demo/accounts.js";
import { seedDemo } from "../../scripts/demo/seed.js";
import { loadProgrammeContext } from "../../functions/src/store/programmeContext.js";
import { admin, clearFirestore, closeClients, signedInClient } from "../support/emulators.js";

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
    const handles = admin();
    await seedDemo(handles);
    // Start from the national calendar alone (the demo still carries its own 2027 stop-gap).
    for (const id of ["gz-2025", "dg-2025"]) await handles.db.doc(`programmes/${id}`).update({ calendarOverrides: { restDays: [], workingDays: [], coveredYears: [] } });
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

  it("entered once, it is audited in every programme and every programme's calendar counts on it", async () => {
    const { db } = admin();
    const before = await loadProgrammeContext("gz-2025");
    expect(before.calendar.coveredYears).not.toContain(2027);

    const cal = await signedInClient(account("calendar-admin").email, DEMO_PASSWORD);
    await expect(cal.call("enterHolidayArrangement", fictional2027)).resolves.toEqual({ year: 2027, revision: 0, programmes: 2 });

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
