import { describe, expect, it } from "vitest";
import { guangzhouScoring, getPolicyPack, policyPackSchema, policyPacks } from "../../../functions/src/domain/policy/index.js";

const gz = getPolicyPack("guangzhou");
const dg = getPolicyPack("dongguan");

describe("policy packs", () => {
  it("every registered pack satisfies the PolicyPack schema", () => {
    for (const pack of Object.values(policyPacks)) expect(policyPackSchema.safeParse(pack).success).toBe(true);
    expect(Object.keys(policyPacks).sort()).toEqual(["dongguan", "guangzhou", "testOnlySample"]);
  });

  it("GZ-2.1 / DG-5.3: every clause a pack can cite (clauses, grounds, documents, duties, fixed settings) is its own city's — GZ- in Guangzhou, DG- in Dongguan — so an audit entry citing the pack never names the other city's regulation", () => {
    const clauseLike = (v: unknown): string[] =>
      typeof v === "string" ? [...v.matchAll(/\b([A-Z]{2,6})-\d[\w.]*/g)].map((m) => m[0]) : Array.isArray(v) ? v.flatMap(clauseLike) : v && typeof v === "object" ? Object.values(v).flatMap(clauseLike) : [];
    for (const [pack, prefix] of [[gz, "GZ-"], [dg, "DG-"], [getPolicyPack("testOnlySample"), "SL-"]] as const) {
      const cited = clauseLike(pack);
      expect(cited.length).toBeGreaterThan(10);
      expect(cited.filter((c) => !c.startsWith(prefix))).toEqual([]);
      expect(pack.clauses.workGroup.startsWith(prefix)).toBe(true);
    }
  });

  it("looks packs up by id and refuses unknown ones", () => {
    expect(getPolicyPack("dongguan").cadence).toBe("annual");
    expect(() => getPolicyPack("shenzhen")).toThrow("未知的政策包");
  });

  it("GZ-3.4.2: the scoring model is configuration validated by the schema", () => {
    const gz = getPolicyPack("guangzhou");
    const broken = { ...gz, scoring: { ...guangzhouScoring, passMark: 60, dimensions: guangzhouScoring.dimensions.slice(1) } };
    const r = policyPackSchema.safeParse(broken);
    expect(r.success).toBe(false);
    expect(JSON.stringify(r.error?.issues)).toContain("权重之和必须为 100");
  });

  it("refuses a dimension whose parts do not add up to its weight", () => {
    const gz = getPolicyPack("guangzhou");
    const [first, ...rest] = guangzhouScoring.dimensions;
    const bad = { ...first!, parts: first!.parts.slice(1) };
    const r = policyPackSchema.safeParse({ ...gz, scoring: { ...guangzhouScoring, dimensions: [bad, ...rest] } });
    expect(r.success).toBe(false);
  });

  it("DG-14: the notice length is stored with an explicit unit (5 calendar days)", () => {
    const dg = getPolicyPack("dongguan");
    expect(dg.notice).toEqual({ length: 5, unit: "calendarDays" });
    const r = policyPackSchema.safeParse({ ...dg, notice: { length: 5 } });
    expect(r.success).toBe(false);
  });

  it("GZ-3.4.2 / DG-8: each city ships its own scoring model — Dongguan's weighs the two aspects DG-8 ranks on (完成改造试点企业数量, 数字化改造成效), Guangzhou's the five GZ-3.3 names", () => {
    const weights = (p: typeof gz) => Object.fromEntries(p.scoring.dimensions.map((d) => [d.label, d.weight]));
    expect(weights(dg)).toEqual({ 完成改造试点企业数量: 40, 试点企业数字化改造成效: 40, 任务书其他任务与履职: 20 });
    expect(weights(gz)).toEqual({ 服务企业: 25, 改造成效: 35, 产品和解决方案: 20, 综合表现: 20 });
    expect(gz.scoring).not.toBe(dg.scoring);
  });
});
