import { describe, expect, it } from "vitest";
import { type NoticeContext, noticeMachine, noticeWindow } from "../../../functions/src/domain/notice.machine.js";
import { base, calendar, codeOf, dg, gz, okNext } from "./fixtures.js";

describe("notice window", () => {
  it("DG-14: a 5-day notice starting 2025-03-03 Mon ends 2025-03-10 Mon (03-08 is a Saturday)", () => {
    expect(noticeWindow("2025-03-03", dg, calendar)).toEqual({ startsOn: "2025-03-03", endsOn: "2025-03-10", length: 5, unit: "calendarDays" });
  });

  it("DG-14: a notice whose fifth day is National Day runs to the first working day after it", () => {
    // 2025-09-26 Fri + 5 → 2025-10-01 Wed (国庆) → 2025-10-09 Thu
    expect(noticeWindow("2025-09-26", dg, calendar).endsOn).toBe("2025-10-09");
  });

  it("GZ-4.6.3: the Guangzhou notice length is configured in working days", () => {
    // 2025-01-24 Fri + 5 working days: 01-26 Sun 调休(1) 01-27 Mon(2), 春节 01-28..02-04, 02-05(3) 02-06(4) 02-07(5)
    expect(noticeWindow("2025-01-24", gz, calendar).endsOn).toBe("2025-02-07");
  });
});

function ctx(over: Partial<NoticeContext> = {}): NoticeContext {
  return { ...base(dg, "2025-03-05"), startsOn: "2025-03-03", endsOn: "2025-03-10", pendingObjectionIds: [], ...over };
}

describe("notice machine", () => {
  it("GZ-4.6.3: objections are filed while the notice is open and every one must be decided before it closes", () => {
    const c = { ...ctx(), pack: gz };
    expect(okNext(noticeMachine.transition("open", { type: "fileObjection" }, c)).next).toBe("open");
    const pending = { ...c, today: "2025-03-11", pendingObjectionIds: ["o1"] };
    expect(codeOf(noticeMachine.transition("open", { type: "close" }, pending))).toBe("OBJECTIONS_PENDING");
    const decided = okNext(noticeMachine.transition("open", { type: "decideObjection", objectionId: "o1", upheld: true, decision: "情况属实" }, { ...pending, today: "2025-03-10" }));
    expect([decided.next, decided.effects]).toEqual(["open", []]);
    const closed = okNext(noticeMachine.transition("open", { type: "close" }, { ...c, today: "2025-03-11" }));
    expect([closed.next, closed.clause]).toEqual(["closed", "GZ-4.6.3"]);
  });

  it("opens on its start day, not before", () => {
    expect(codeOf(noticeMachine.transition("scheduled", { type: "open" }, ctx({ today: "2025-03-02" })))).toBe("NOTICE_NOT_STARTED");
    expect(okNext(noticeMachine.transition("scheduled", { type: "open" }, ctx({ today: "2025-03-03" }))).next).toBe("open");
  });

  it("DG-14: refuses an objection after the notice's last day, accepts one on it", () => {
    expect(codeOf(noticeMachine.transition("open", { type: "fileObjection" }, ctx({ today: "2025-03-11" })))).toBe("NOTICE_ENDED");
    expect(codeOf(noticeMachine.transition("open", { type: "fileObjection" }, ctx({ today: "2025-03-10" })))).toBe("ok");
  });

  it("refuses objections while scheduled or closed", () => {
    expect(codeOf(noticeMachine.transition("scheduled", { type: "fileObjection" }, ctx()))).toBe("EVENT_NOT_ALLOWED");
    expect(codeOf(noticeMachine.transition("closed", { type: "fileObjection" }, ctx()))).toBe("EVENT_NOT_ALLOWED");
  });

  it("refuses to close before the full length has run", () => {
    expect(codeOf(noticeMachine.transition("open", { type: "close" }, ctx({ today: "2025-03-10" })))).toBe("NOTICE_NOT_ENDED");
    expect(noticeMachine.allowedEvents("open", ctx({ today: "2025-03-10" })).sort()).toEqual(["decideObjection", "fileObjection", "notAdmitObjections"]);
  });

  it("refuses deciding an unknown objection or without a decision text", () => {
    expect(codeOf(noticeMachine.transition("open", { type: "decideObjection", objectionId: "x", upheld: false, decision: "不成立" }, ctx()))).toBe("OBJECTION_NOT_FOUND");
    expect(codeOf(noticeMachine.transition("open", { type: "decideObjection", objectionId: "o1", upheld: false, decision: "" }, ctx({ pendingObjectionIds: ["o1"] })))).toBe("COMMENT_REQUIRED");
  });
});

describe("objections not admitted in bulk (不予受理)", () => {
  it("GZ-4.6.3: staff set aside several pending objections with one reason, under the notice clause; once decided they no longer hold the notice open", () => {
    const c = { ...ctx(), pack: gz, today: "2025-03-11", pendingObjectionIds: ["o1", "o2", "o3"] };
    const t = okNext(noticeMachine.transition("open", { type: "notAdmitObjections", objectionIds: ["o1", "o3"], reason: "与公示事项无关的广告" }, c));
    expect([t.next, t.clause]).toEqual(["open", "GZ-4.6.3"]);
    // The notice closes once nothing is pending (the use case passes only the still-pending ids).
    expect(codeOf(noticeMachine.transition("open", { type: "close" }, { ...c, pendingObjectionIds: ["o2"] }))).toBe("OBJECTIONS_PENDING");
    expect(okNext(noticeMachine.transition("open", { type: "close" }, { ...c, pendingObjectionIds: [] })).next).toBe("closed");
  });

  it("refuses without a reason, an empty selection, an objection that is not pending, or a notice not open", () => {
    const c = ctx({ pendingObjectionIds: ["o1"] });
    expect(codeOf(noticeMachine.transition("open", { type: "notAdmitObjections", objectionIds: ["o1"], reason: "  " }, c))).toBe("REASON_REQUIRED");
    expect(codeOf(noticeMachine.transition("open", { type: "notAdmitObjections", objectionIds: [], reason: "广告" }, c))).toBe("OBJECTION_NOT_FOUND");
    const unknown = noticeMachine.transition("open", { type: "notAdmitObjections", objectionIds: ["o1", "x9"], reason: "广告" }, c);
    expect(unknown.ok ? "" : unknown.message).toBe("未找到该异议或该异议已处理：x9");
    expect(codeOf(noticeMachine.transition("closed", { type: "notAdmitObjections", objectionIds: ["o1"], reason: "广告" }, c))).toBe("EVENT_NOT_ALLOWED");
  });
});

describe("final state", () => {
  it("GZ-4.6.3: a closed notice is final: the machine declares it and no event leaves it", () => {
    expect(noticeMachine.terminal).toEqual(["closed"]);
    expect(Object.values(noticeMachine.table).some((rules) => rules.some((r) => (r.from as readonly string[]).includes("closed")))).toBe(false);
  });
});
