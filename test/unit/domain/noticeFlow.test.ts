import { describe, expect, it } from "vitest";
import { applyChange, catalogueListEntries, partnerListEntries, type Registry } from "../../../functions/src/domain/applyChange.js";
import { noticeNextDeadline, pickNoticeBatch, planNoticeBatch } from "../../../functions/src/domain/noticeSchedule.js";
import { checkRateLimits, objectionLimits, objectionRateLimitRules } from "../../../functions/src/domain/rateLimits.js";
import type { ChangeApplication } from "../../../functions/src/domain/schemas/index.js";
import { makeUscc } from "../../../functions/src/domain/uscc.js";
import { calendar, codeOf, dg, gz } from "./fixtures.js";

describe("notice batches", () => {
  it("GZ-4.6.3: a batch approved before National Day starts on the next working day and runs 5 working days", () => {
    // 2025-09-30 Tue approved; 10-01..10-08 国庆/中秋 → starts 10-09 Thu;
    // 10-10 Fri(1) 10-11 Sat 调休(2) 10-13 Mon(3) 10-14 Tue(4) 10-15 Wed(5)
    expect(planNoticeBatch("2025-09-30", gz, calendar)).toMatchObject({ ok: true, startsOn: "2025-10-09", endsOn: "2025-10-15", unit: "workingDays", nextDeadlineOn: "2025-10-09" });
  });

  it("DG-14: a batch approved on Thursday 2025-03-06 starts Friday and runs 5 calendar days across the weekend", () => {
    // 03-07 Fri start; 03-08 Sat(1) 03-09 Sun(2) 03-10 Mon(3) 03-11 Tue(4) 03-12 Wed(5)
    expect(planNoticeBatch("2025-03-06", dg, calendar)).toMatchObject({ ok: true, startsOn: "2025-03-07", endsOn: "2025-03-12", unit: "calendarDays" });
  });

  it("GZ-4.6.3: staff may choose the start date, but not one in the past", () => {
    expect(planNoticeBatch("2025-03-06", gz, calendar, "2025-03-10")).toMatchObject({ ok: true, startsOn: "2025-03-10" });
    expect(codeOf(planNoticeBatch("2025-03-06", gz, calendar, "2025-03-05") as never)).toBe("NOTICE_START_INVALID");
  });

  it("GZ-4.6.3: the chronograph looks at a scheduled notice on its start day, at an open one the day after it ends, never at a closed one", () => {
    const w = { startsOn: "2025-03-07", endsOn: "2025-03-12" };
    expect([noticeNextDeadline("scheduled", w), noticeNextDeadline("open", w), noticeNextDeadline("closed", w)]).toEqual(["2025-03-07", "2025-03-13", undefined]);
  });

  it("GZ-4.6.3: an approved change joins the earliest scheduled batch, or the one on the chosen date", () => {
    const batches = [{ id: "b", startsOn: "2025-03-10" }, { id: "a", startsOn: "2025-03-07" }];
    expect(pickNoticeBatch(batches)?.id).toBe("a");
    expect(pickNoticeBatch(batches, "2025-03-10")?.id).toBe("b");
    expect(pickNoticeBatch(batches, "2025-03-11")).toBeUndefined();
  });
});

describe("objection rate limits", () => {
  it("DG-14: five objections an hour per address, 200 a day per notice, in Asia/Shanghai windows", () => {
    const rules = objectionRateLimitRules(new Date("2025-03-07T16:30:00Z"), "h", "dg-2025", "n1");
    // 16:30 UTC is 00:30 the next day in Shanghai.
    expect(rules.map((r) => r.key)).toEqual(["objection-addr-h-2025030800", "objection-notice-dg-2025-n1-20250308"]);
    expect(checkRateLimits(rules, [objectionLimits.perAddressPerHour - 1, 0])).toBeUndefined();
    expect(checkRateLimits(rules, [objectionLimits.perAddressPerHour, 0])).toMatchObject({ code: "RATE_LIMITED", message: expect.stringContaining("每小时最多提出 5 件") });
    expect(checkRateLimits(rules, [0, 200])).toMatchObject({ code: "RATE_LIMITED", message: expect.stringContaining("每天最多受理 200 件") });
  });
});

describe("applying published changes", () => {
  const unitA = { name: "甲单位", uscc: makeUscc(1), status: "listed" as const, listedOn: "2025-01-15", batch: "第一批" };
  function registry(): Registry {
    return {
      units: new Map([["u1", unitA]]),
      partners: new Map([["p1", { unitId: "u1", name: "老伙伴", uscc: makeUscc(2), status: "active" as const }]]),
      catalogue: new Map([["c1", { unitId: "u1", name: "旧产品", category: "软件", priceMin: 1, priceMax: 2, smallFastLightPrecise: true, status: "approved" as const }]]),
    };
  }
  const change = (payload: ChangeApplication["payload"]): ChangeApplication => ({ unitId: "u1", type: payload.type, state: "inNotice", payload, documents: [] });

  it("GZ-4.6.3: an added partner becomes active and the new list version holds it beside the existing one", () => {
    const reg = registry();
    expect(applyChange(reg, "ch1", change({ type: "partnerAdd", name: "新伙伴", uscc: makeUscc(3) }), "2025-03-13", 2)).toEqual([{ collection: "partners", id: "chg-ch1" }]);
    expect(reg.partners.get("chg-ch1")).toMatchObject({ status: "active", since: "2025-03-13", listVersion: 2 });
    expect(partnerListEntries(reg).map((e) => e.name)).toEqual(["老伙伴", "新伙伴"]) // pinyin order: lao < xin;
  });

  it("DG-14: a removed partner stays on record as removed and leaves the published list", () => {
    const reg = registry();
    applyChange(reg, "ch2", change({ type: "partnerRemove", partnerId: "p1", reason: "不再合作" }), "2025-03-13");
    expect(reg.partners.get("p1")?.status).toBe("removed");
    expect(partnerListEntries(reg)).toEqual([]);
    expect(codeOf(applyChange(reg, "ch3", change({ type: "partnerRemove", partnerId: "nope", reason: "x" }), "2025-03-13") as never)).toBe("CHANGE_TARGET_NOT_FOUND");
  });

  it("DG-5.3: catalogue items are added approved, modified, or withdrawn (never deleted)", () => {
    const reg = registry();
    applyChange(reg, "a", change({ type: "catalogue", action: "add", name: "设备上云", category: "上云", priceMin: 5, priceMax: 9 }), "2025-03-13");
    applyChange(reg, "m", change({ type: "catalogue", action: "modify", itemId: "c1", name: "旧产品二代", priceMax: 3 }), "2025-03-13");
    expect(catalogueListEntries(reg).map((e) => [e.name, e.priceMin, e.priceMax])).toEqual([["旧产品二代", 1, 3], ["设备上云", 5, 9]]) // jiu < she;
    applyChange(reg, "r", change({ type: "catalogue", action: "remove", itemId: "c1", name: "旧产品二代" }), "2025-03-13");
    expect(reg.catalogue.get("c1")?.status).toBe("withdrawn");
    expect(catalogueListEntries(reg).map((e) => e.name)).toEqual(["设备上云"]);
  });

  it("DG-13: a unit change rewrites the unit's registered details", () => {
    const reg = registry();
    applyChange(reg, "u", change({ type: "unitInfo", changes: [{ field: "address", to: "东莞市松山湖" }], effectiveOn: "2025-03-01" }), "2025-03-13");
    expect(reg.units.get("u1")?.address).toBe("东莞市松山湖");
  });
});
