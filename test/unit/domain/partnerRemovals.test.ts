// Partners leave the published list (GZ-4.6.0 动态调整 covers removals; DG-16 作相应变更): what
// the regulation's text asks of a Guangzhou removal application — a reason, no 新增 materials, no
// 新增 notice — and that the list's next version no longer carries the partner.
import { describe, expect, it } from "vitest";
import { applyChange, partnerListAfterRemoval, partnerListEntries, removalRefusal, type Registry } from "../../../functions/src/domain/applyChange.js";
import { type ChangeContext, changeMachine, publishedListOf } from "../../../functions/src/domain/change.machine.js";
import { missingDocuments } from "../../../functions/src/domain/requiredDocuments.js";
import { partnerRemovalMachine } from "../../../functions/src/domain/partnerRemoval.machine.js";
import type { ChangeApplication, Partner } from "../../../functions/src/domain/schemas/index.js";
import { changeApplicationSchema } from "../../../functions/src/domain/schemas/index.js";
import { makeUscc } from "../../../functions/src/domain/uscc.js";
import { base, codeOf, dg, gz, okNext } from "./fixtures.js";

const ctx = (pack = gz): ChangeContext => ({ ...base(pack), changeType: "partnerRemove", missingDocuments: [] });
const partner = (name: string, seq: number, status: Partner["status"] = "active", unitId = "u1"): Partner => ({ unitId, name, uscc: makeUscc(seq), status });
function registry(): Registry {
  return {
    units: new Map([
      ["u1", { name: "甲单位", uscc: makeUscc(1), status: "listed" as const, listedOn: "2025-01-15", batch: "第一批" }],
      ["u2", { name: "乙单位", uscc: makeUscc(5), status: "listed" as const, listedOn: "2025-01-15", batch: "第一批" }],
    ]),
    partners: new Map([
      ["p1", partner("老伙伴", 2)],
      ["p2", partner("新伙伴", 3)],
      ["q1", partner("别家伙伴", 4, "active", "u2")],
    ]),
    catalogue: new Map(),
  };
}
const removal = (partnerId: string, unitId = "u1"): ChangeApplication => ({ unitId, type: "partnerRemove", state: "submitted", payload: { type: "partnerRemove", partnerId, reason: "合作项目已结束" }, documents: [] });

describe("a unit applies to remove a partner (GZ-4.6.0)", () => {
  it("GZ-4.6.0: 动态调整 covers removals: a removal application names the partner and must give its reason", () => {
    const ok = { unitId: "u1", type: "partnerRemove", state: "draft", payload: { type: "partnerRemove", partnerId: "p1", reason: "合作项目已结束" } };
    expect(changeApplicationSchema.safeParse(ok).success).toBe(true);
    const noReason = changeApplicationSchema.safeParse({ ...ok, payload: { type: "partnerRemove", partnerId: "p1", reason: "" } });
    expect(noReason.success).toBe(false);
    expect(noReason.error?.issues[0]?.message).toContain("取消合作原因");
    // Filed under GZ-4.6.0, reviewed under GZ-4.6.2 like any change.
    expect(okNext(changeMachine.transition("draft", { type: "submit" }, ctx())).clause).toBe("GZ-4.6.0");
    expect(okNext(changeMachine.transition("submitted", { type: "approve" }, ctx())).clause).toBe("GZ-4.6.2");
  });

  it("GZ-4.6.0: GZ-4.6.1 asks materials of 新增 enterprises only, so a removal needs no licence or credit report", () => {
    expect(missingDocuments("partnerRemove", [], gz, "2025-06-10")).toEqual([]);
    expect(missingDocuments("partnerAdd", [], gz, "2025-06-10")).toHaveLength(4);
  });

  it("GZ-4.6.0: GZ-4.6.3 notices 新增企业名单 only: an approved removal goes onto the next partner list version without a notice", () => {
    const t = okNext(changeMachine.transition("submitted", { type: "approve" }, ctx()));
    expect(t.next).toBe("published");
    expect(t.effects).toEqual([{ type: "applyChange", list: "partners" }]);
    expect(publishedListOf("partnerRemove")).toBe("partners");
    // Dongguan's DG-14 notices every partner change, removals included.
    expect(okNext(changeMachine.transition("submitted", { type: "approve" }, ctx(dg))).next).toBe("approved");
  });

  it("GZ-4.6.0: after approval the partner is kept on record as removed and leaves the list; the other partners stay", () => {
    const reg = registry();
    expect(applyChange(reg, "rm1", removal("p1"), "2025-06-12")).toEqual([{ collection: "partners", id: "p1" }]);
    expect(reg.partners.get("p1")).toMatchObject({ name: "老伙伴", status: "removed" });
    expect(partnerListEntries(reg).map((e) => e.name)).toEqual(["新伙伴", "别家伙伴"]);
  });

  it("GZ-4.6.0: a unit may remove only its own partners still on its list", () => {
    const reg = registry();
    expect(codeOf(applyChange(reg, "rm2", removal("q1"), "2025-06-12") as never)).toBe("CHANGE_TARGET_NOT_FOUND");
    expect(removalRefusal(reg.partners.get("q1"), "u1", "q1")?.code).toBe("CHANGE_TARGET_NOT_FOUND");
    expect(removalRefusal(undefined, "u1", "p9")?.code).toBe("CHANGE_TARGET_NOT_FOUND");
    applyChange(reg, "rm1", removal("p1"), "2025-06-12");
    // Removed once: a second application for it is refused, by the partner's name.
    const again = applyChange(reg, "rm3", removal("p1"), "2025-06-13");
    expect(again).toMatchObject({ code: "PARTNER_NOT_LISTED", message: expect.stringContaining("老伙伴") });
    expect(removalRefusal(partner("停用伙伴", 9, "suspended"), "u1", "s1")?.code).toBe("PARTNER_NOT_LISTED");
    expect(removalRefusal(partner("责令伙伴", 9, "removalOrdered"), "u1", "o1")).toBeUndefined();
  });
});

describe("a confirmed DG-16 removal changes the published list (相应变更)", () => {
  it("DG-16.3: confirming the removal marks the partner removed and publishes the list's next version", () => {
    const r = okNext(partnerRemovalMachine.transition("ordered", { type: "confirmRemoved" }, { ...base(dg), ground: "DG-16.3" }));
    expect(r.clause).toBe("DG-16.3");
    expect(r.effects).toEqual([{ type: "setPartnerStatus", status: "removed" }, { type: "publishPartnerList" }]);
  });

  it("DG-16.2: ordered, the partner is still on the list (the unit has yet to end the cooperation); removed, the next version drops it", () => {
    const reg = registry();
    reg.partners.set("p1", { ...reg.partners.get("p1")!, status: "removalOrdered" });
    const latest = partnerListEntries(reg);
    expect(latest.map((e) => e.name)).toEqual(["老伙伴", "新伙伴", "别家伙伴"]);
    reg.partners.set("p1", { ...reg.partners.get("p1")!, status: "removed" });
    const next = partnerListAfterRemoval(reg, latest, "p1");
    expect(next?.map((e) => e.name)).toEqual(["新伙伴", "别家伙伴"]);
  });

  it("DG-16.1: a partner the latest version no longer lists (it left already) publishes nothing; nor does one still listed", () => {
    const reg = registry();
    const latest = partnerListEntries(reg).filter((e) => e.partnerId !== "p1");
    reg.partners.set("p1", { ...reg.partners.get("p1")!, status: "removed" });
    expect(partnerListAfterRemoval(reg, latest, "p1")).toBeUndefined();
    expect(partnerListAfterRemoval(registry(), partnerListEntries(registry()), "p1")).toBeUndefined();
  });
});
