import { describe, expect, it } from "vitest";
import { diffList } from "../../../functions/src/domain/listDiff.js";

const partner = (partnerId: string, name: string) => ({ partnerId, unitId: "u1", unitName: "单位一", name, uscc: "91440101MA5CXXXX0X" });

describe("published list versions compared", () => {
  it("GZ-4.6.3: a new partner list version shows the partners added and removed since the previous one", () => {
    const v1 = [partner("p1", "甲"), partner("p2", "乙")];
    const v2 = [partner("p2", "乙"), partner("p3", "丙")];
    const d = diffList("partners", v1, v2);
    expect(d.added.map((e) => e.partnerId)).toEqual(["p3"]);
    expect(d.removed.map((e) => e.partnerId)).toEqual(["p1"]);
    expect(d.changed).toEqual([]);
    expect(d.unchanged).toBe(1);
  });

  it("DG-14: a catalogue item whose price changed is listed as changed with before and after, whatever the key order", () => {
    const item = { itemId: "c1", unitId: "u1", unitName: "单位一", name: "设备联网", category: "生产", priceMin: 1, priceMax: 5 };
    const reordered = { priceMax: 8, priceMin: 1, category: "生产", name: "设备联网", unitName: "单位一", unitId: "u1", itemId: "c1" };
    const d = diffList("catalogue", [item], [reordered]);
    expect(d.changed).toHaveLength(1);
    expect(d.changed[0]!.before.priceMax).toBe(5);
    expect(d.changed[0]!.after.priceMax).toBe(8);
    expect(diffList("catalogue", [item], [{ ...item }]).unchanged).toBe(1);
  });

  it("DG-13: the first version of the unit change list is all additions", () => {
    const entry = { changeId: "ch1", unitId: "u1", unitName: "单位一", changes: [{ field: "address", to: "东莞市" }], approvedOn: "2025-06-01" };
    const d = diffList("unitChanges", [], [entry]);
    expect(d.added).toHaveLength(1);
    expect(d.removed).toHaveLength(0);
  });
});
