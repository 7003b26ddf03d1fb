// What a unit is told about its own proceedings outside the machines' steps (issue 18.1): the
// rectification deadline approaching in working days, passed, and a clear-out proposed.
import { describe, expect, it } from "vitest";
import { clearOutProposedNotice, dueRectificationReminder, rectificationOverdueNotice, rectificationReminder } from "../../../functions/src/domain/proceedingNotices.js";
import { calendar, gz } from "./fixtures.js";

describe("proceeding notices", () => {
  it("GZ-4.4a: a rectification reminder is due 5 and 1 working days before the deadline, counted over the National Day holiday, and none after it", () => {
    // A deadline just after the National Day holiday: the working days are counted by the State Council's calendar.
    const deadline = "2025-10-17";
    const five = calendar.addWorkingDays(deadline, -5);
    const one = calendar.addWorkingDays(deadline, -1);
    expect(dueRectificationReminder(deadline, calendar.addWorkingDays(five, -1), calendar)).toBeUndefined();
    expect(dueRectificationReminder(deadline, five, calendar)).toEqual({ remindOn: five, workingDaysLeft: 5 });
    expect(dueRectificationReminder(deadline, one, calendar)).toEqual({ remindOn: one, workingDaysLeft: 1 });
    // A sweep that missed the day serves the latest reminder day (same id: one notification).
    expect(dueRectificationReminder(deadline, deadline, calendar)).toEqual({ remindOn: one, workingDaysLeft: 0 });
    expect(dueRectificationReminder(deadline, "2025-10-18", calendar)).toBeUndefined();
  });

  it("GZ-4.4a.2: the reminder names the ground in the regulation's words, the deadline and the working days left; its id is fixed by proceeding, deadline and day", () => {
    const n = rectificationReminder("p1", "GZ-4.4a.2", "2025-10-17", { remindOn: "2025-10-10", workingDaysLeft: 5 });
    expect(n.id).toBe("rectification-due_p1_2025-10-17_2025-10-10");
    expect(n.body).toContain("“资料报送不及时、不完整、不规范”（GZ-4.4a.2）");
    expect(n.body).toContain("2025年10月17日（含）");
    expect(n.body).toContain("还有 5 个工作日");
  });

  it("GZ-4.3b: the overdue notice says the work group decides between continued rectification and cancellation", () => {
    const n = rectificationOverdueNotice("p1", "GZ-4.4a.2", "2025-10-17", "GZ-4.3b", gz.workGroupName);
    expect(n.id).toBe("rectification-overdue_p1_2025-10-17");
    expect(n.body).toContain("已过期限 2025年10月17日");
    expect(n.body).toContain("工作小组将依据 GZ-4.3b");
    expect(n.body).toContain("继续整改或取消牵引单位资格");
  });

  it("GZ-4.4b.2: a clear-out proposal names its ground in the regulation's words", () => {
    const n = clearOutProposedNotice("c1", "GZ-4.4b.2");
    expect(n.id).toBe("c1-proposed");
    expect(n.body).toContain("依据“未按规定参加绩效评价”（GZ-4.4b.2），已对你单位提出清退");
  });
});
