// DG-13 第十三条: a unit change comes with "在莞独立法人的营业执照复印件"; the work group reviews it and
// "如有需要，可报市工信局局务会议审议". What the reviewer is warned of, and when a referral may be recorded.
import { describe, expect, it } from "vitest";
import { checkChangeBureauMeeting, unitChangeWarnings } from "../../../functions/src/domain/unitChangeReview.js";
import { makeUscc } from "../../../functions/src/domain/uscc.js";
import { dg, gz } from "./fixtures.js";

const codeOf = (r: { code: string } | undefined) => r?.code ?? "ok";

const unitInfo = (licenceUscc?: string) => ({ payload: { type: "unitInfo" as const, changes: [{ field: "name" as const, to: "莞工数字服务（东莞）有限公司" }], effectiveOn: "2026-11-02", ...(licenceUscc ? { licenceUscc } : {}) } });
const dongguanLicence = makeUscc({ division: "441900", orgBody: "MA4UX1Q2" });
const guangzhouLicence = makeUscc({ division: "440106", orgBody: "MA4UX1Q2" });

describe("DG-13: unit change review", () => {
  it("DG-13: a licence registered in Dongguan (division 4419xx) gives no warning; one registered elsewhere, or none given, warns the reviewer to check it is a 在莞独立法人", () => {
    expect(unitChangeWarnings(unitInfo(dongguanLicence), dg)).toEqual([]);
    const elsewhere = unitChangeWarnings(unitInfo(guangzhouLicence), dg);
    expect(elsewhere).toHaveLength(1);
    expect(elsewhere[0]).toContain("行政区划代码为 440106，不是东莞市（4419）");
    expect(elsewhere[0]).toContain("在东莞独立法人（DG-13）");
    expect(unitChangeWarnings(unitInfo(), dg)[0]).toContain("未填写营业执照统一社会信用代码");
    // Guangzhou asks no local entity of a unit change (GZ-4.4a.4 only asks that it be reported).
    expect(unitChangeWarnings(unitInfo(guangzhouLicence), gz)).toEqual([]);
    // Only the unit's own change carries a licence to check.
    expect(unitChangeWarnings({ payload: { type: "catalogue", action: "add", name: "设备上云" } }, dg)).toEqual([]);
  });

  it("DG-13: a referral to the bureau meeting is recorded with the meeting day (not in the future) and minutes uploaded to this application; Guangzhou has no such referral", () => {
    const minutes = { kind: "meetingMinutes", target: { type: "change", id: "c1" } };
    const meeting = { heldOn: "2026-11-20", minutesDocumentId: "m1" };
    expect(checkChangeBureauMeeting(meeting, { type: "unitInfo" }, "c1", minutes, dg, "2026-11-30")).toBeUndefined();
    expect(codeOf(checkChangeBureauMeeting({ ...meeting, heldOn: "2026-12-01" }, { type: "unitInfo" }, "c1", minutes, dg, "2026-11-30"))).toBe("DATE_IN_FUTURE");
    expect(codeOf(checkChangeBureauMeeting(meeting, { type: "unitInfo" }, "c1", { ...minutes, target: { type: "change", id: "other" } }, dg, "2026-11-30"))).toBe("MINUTES_REQUIRED");
    expect(codeOf(checkChangeBureauMeeting(meeting, { type: "unitInfo" }, "c1", { ...minutes, kind: "other" }, dg, "2026-11-30"))).toBe("MINUTES_REQUIRED");
    expect(codeOf(checkChangeBureauMeeting(meeting, { type: "unitInfo" }, "c1", undefined, dg, "2026-11-30"))).toBe("MINUTES_REQUIRED");
    expect(codeOf(checkChangeBureauMeeting(meeting, { type: "catalogue" }, "c1", minutes, dg, "2026-11-30"))).toBe("PROCEDURE_NOT_IN_POLICY");
    expect(codeOf(checkChangeBureauMeeting(meeting, { type: "unitInfo" }, "c1", minutes, gz, "2026-11-30"))).toBe("PROCEDURE_NOT_IN_POLICY");
  });
});
