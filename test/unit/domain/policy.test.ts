import { describe, expect, it } from "vitest";
import { defaultScoringModel, getPolicyPack, policyPackSchema, policyPacks } from "../../../functions/src/domain/policy/index.js";

describe("policy packs", () => {
  it("every registered pack satisfies the PolicyPack schema", () => {
    for (const pack of Object.values(policyPacks)) expect(policyPackSchema.safeParse(pack).success).toBe(true);
    expect(Object.keys(policyPacks).sort()).toEqual(["dongguan", "guangzhou", "testOnlySample"]);
  });

  it("looks packs up by id and refuses unknown ones", () => {
    expect(getPolicyPack("dongguan").cadence).toBe("annual");
    expect(() => getPolicyPack("shenzhen")).toThrow("未知的政策包");
  });

  it("GZ-3.4.2: the scoring model is configuration validated by the schema", () => {
    const gz = getPolicyPack("guangzhou");
    const broken = { ...gz, scoring: { ...defaultScoringModel, passMark: 60, dimensions: defaultScoringModel.dimensions.slice(1) } };
    const r = policyPackSchema.safeParse(broken);
    expect(r.success).toBe(false);
    expect(JSON.stringify(r.error?.issues)).toContain("权重之和必须为 100");
  });

  it("refuses a dimension whose parts do not add up to its weight", () => {
    const gz = getPolicyPack("guangzhou");
    const [first, ...rest] = defaultScoringModel.dimensions;
    const bad = { ...first!, parts: first!.parts.slice(1) };
    const r = policyPackSchema.safeParse({ ...gz, scoring: { ...defaultScoringModel, dimensions: [bad, ...rest] } });
    expect(r.success).toBe(false);
  });

  it("DG-14: the notice length is stored with an explicit unit (5 calendar days)", () => {
    const dg = getPolicyPack("dongguan");
    expect(dg.notice).toEqual({ length: 5, unit: "calendarDays" });
    const r = policyPackSchema.safeParse({ ...dg, notice: { length: 5 } });
    expect(r.success).toBe(false);
  });
});
