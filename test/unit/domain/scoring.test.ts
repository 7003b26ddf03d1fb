import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { guangzhouScoring } from "../../../functions/src/domain/policy/index.js";
import { atOrBelowThreshold, lowestRanked, lowestRankedThreshold, rank, rankFromSummary, summarise, updateSummary } from "../../../functions/src/domain/ranking.js";
import { evaluate, type ScoringInput } from "../../../functions/src/domain/scoring.js";

const model = guangzhouScoring;

function scored(input: ScoringInput) {
  const r = evaluate(input, model);
  if (!r.ok) throw new Error(r.message);
  return r.value;
}

// Every metric at target, judged parts as given: metrics are worth 75 of the 100 points.
function full(satisfaction: number, service: number, over: Partial<ScoringInput> = {}): ScoringInput {
  return {
    periodId: "2025",
    targets: { enterprisesTransformed: 20, diagnoses: 30, cloudEnterprises: 10, level2Share: 0.8, solutions: 4, typicalCases: 2, platforms: 1 },
    actuals: { enterprisesTransformed: 20, diagnoses: 30, cloudEnterprises: 10, level2Share: 0.8, solutions: 4, typicalCases: 2, platforms: 1 },
    reporting: "onTime",
    complaints: { received: 0, closed: 0 },
    judged: [
      { partId: "satisfaction", score: satisfaction, methods: ["questionnaire", "phone"] },
      { partId: "serviceCapability", score: service, methods: ["siteVisit"] },
    ],
    ...over,
  };
}

describe("evaluate (default model 25/35/20/20)", () => {
  it("GZ-3.3: a quarterly evaluation scores against pro-rata task-book targets with judged parts and methods", () => {
    // 2025-Q2 → half of the annual targets. No cloud / platform targets: their points go to the
    // other parts of the same dimension.
    const v = scored({
      periodId: "2025-Q2",
      targets: { enterprisesTransformed: 20, diagnoses: 40, level2Share: 0.8, solutions: 6, typicalCases: 2 },
      actuals: { enterprisesTransformed: 8, diagnoses: 20, level2Share: 0.6, solutions: 3, typicalCases: 0 },
      reporting: "onTime",
      complaints: { received: 2, closed: 1 },
      judged: [
        { partId: "satisfaction", score: 12, methods: ["questionnaire"] },
        { partId: "serviceCapability", score: 8, methods: ["spotCheck", "siteVisit"] },
      ],
    });
    const byId = Object.fromEntries(v.dimensions.map((d) => [d.id, d.score]));
    // enterprises 8/10 of 15×25/20 = 15.00; diagnoses 20/20 of 5×25/20 = 6.25
    expect(byId.enterprisesServed).toBe(21.25);
    // level 2+: 0.6/0.8 of 20 = 15; judged 12
    expect(byId.results).toBe(27);
    // solutions 3/3 of 10×20/15 = 13.33; cases 0/1
    expect(byId.productsAndSolutions).toBe(13.33);
    // reporting 6; complaints 1/2 of 4 = 2; judged 8
    expect(byId.conduct).toBe(16);
    expect(v.total).toBe(77.58);
    expect(v.band).toBe("合格");
    expect(v.passed).toBe(true);
    expect(v.complete).toBe(true);
  });

  it("explains every dimension in one Chinese line, naming judged methods", () => {
    const v = scored(full(12, 8));
    for (const d of v.dimensions) {
      expect(d.explanation).toMatch(/[\u4e00-\u9fff]/);
      expect(d.explanation).not.toContain("\n");
    }
    const results = v.dimensions.find((d) => d.id === "results");
    expect(results?.explanation).toContain("问卷调查、电话访谈");
  });

  it("DG-8: an annual evaluation uses the full annual targets", () => {
    const v = scored(full(15, 10, { targets: { enterprisesTransformed: 20 }, actuals: { enterprisesTransformed: 10 } }));
    const served = v.dimensions.find((d) => d.id === "enterprisesServed");
    // only enterprisesTransformed has a target: 10/20 of the whole 25
    expect(served?.score).toBe(12.5);
    expect(served?.explanation).toContain("10/20");
  });

  it("DG-12: with no task-book target at all a dimension gets nothing rather than a free score", () => {
    const v = scored(full(15, 10, { targets: {}, actuals: {} }));
    expect(v.dimensions.find((d) => d.id === "productsAndSolutions")?.score).toBe(0);
    expect(v.dimensions.find((d) => d.id === "productsAndSolutions")?.explanation).toContain("无适用指标");
  });

  it("places band boundaries exactly: 90 优秀, 89 良好, 80 良好, 60 合格, 59.75 不合格", () => {
    expect(scored(full(15, 0)).total).toBe(90);
    expect(scored(full(15, 0)).band).toBe("优秀");
    expect(scored(full(14, 0)).band).toBe("良好");
    expect(scored(full(5, 0)).total).toBe(80);
    expect(scored(full(5, 0)).band).toBe("良好");
    // reporting missing (−6), complaint unresolved (−4), no typical case (−5): 60
    const sixty = full(0, 0, {
      reporting: "missing",
      complaints: { received: 1, closed: 0 },
      actuals: { enterprisesTransformed: 20, diagnoses: 30, cloudEnterprises: 10, level2Share: 0.8, solutions: 4, typicalCases: 0, platforms: 1 },
    });
    expect(scored(sixty).total).toBe(60);
    expect(scored(sixty).band).toBe("合格");
    expect(scored(sixty).passed).toBe(true);
    const below = { ...sixty, actuals: { ...sixty.actuals, level2Share: 0.79 } };
    expect(scored(below).total).toBe(59.75);
    expect(scored(below).band).toBe("不合格");
    expect(scored(below).passed).toBe(false);
  });

  it("caps over-achievement at the part's points", () => {
    const v = scored(full(15, 10, { actuals: { enterprisesTransformed: 100, diagnoses: 300, cloudEnterprises: 50, level2Share: 1, solutions: 40, typicalCases: 9, platforms: 3 } }));
    expect(v.total).toBe(100);
  });

  it("GZ-3.4.2: missing judged scores leave the evaluation incomplete", () => {
    const v = scored(full(0, 0, { judged: [] }));
    expect(v.complete).toBe(false);
    expect(v.missingJudged).toEqual(["试点企业满意度与改造成效核查", "服务能力与履职情况"]);
  });

  it("refuses a judged score above the part's points or without a method", () => {
    const over = evaluate(full(16, 0), model);
    expect(over.ok ? "ok" : over.code).toBe("JUDGED_SCORE_INVALID");
    const noMethod = evaluate({ ...full(5, 5), judged: [{ partId: "satisfaction", score: 5, methods: [] }] }, model);
    expect(noMethod.ok ? "ok" : noMethod.code).toBe("JUDGED_SCORE_INVALID");
  });
});

describe("ranking", () => {
  it("DG-8: units are ranked by standard competition ranking (1, 2, 2, 4)", () => {
    const r = rank([
      { unitId: "d", total: 70 },
      { unitId: "c", total: 85 },
      { unitId: "a", total: 90 },
      { unitId: "b", total: 85 },
    ]);
    expect(r.map((x) => [x.unitId, x.rank])).toEqual([["a", 1], ["b", 2], ["c", 2], ["d", 4]]);
  });

  it("orders ties by unit id whatever the input order", () => {
    fc.assert(
      fc.property(fc.shuffledSubarray(["u3", "u1", "u2", "u4"], { minLength: 4, maxLength: 4 }), (ids) => {
        const r = rank(ids.map((unitId) => ({ unitId, total: 80 })));
        expect(r.map((x) => x.unitId)).toEqual(["u1", "u2", "u3", "u4"]);
        expect(r.every((x) => x.rank === 1)).toBe(true);
      }),
    );
  });

  it("the per-period summary gives the same rank as ranking everything", () => {
    const scores = fc.array(fc.integer({ min: 0, max: 10000 }).map((h) => h / 100), { minLength: 1, maxLength: 40 });
    fc.assert(
      fc.property(scores, (totals) => {
        const evals = totals.map((total, i) => ({ unitId: `u${String(i).padStart(2, "0")}`, total }));
        const summary = summarise(evals);
        for (const r of rank(evals)) expect(rankFromSummary(summary, r.total)).toBe(r.rank);
      }),
      { numRuns: 100 },
    );
  });

  it("a resubmission moves one count in the summary", () => {
    let s = summarise([{ unitId: "a", total: 90 }, { unitId: "b", total: 80 }, { unitId: "c", total: 70 }]);
    expect(rankFromSummary(s, 70)).toBe(3);
    s = updateSummary(s, 70, 95); // c resubmits and now scores 95
    expect(rankFromSummary(s, 95)).toBe(1);
    expect(rankFromSummary(s, 90)).toBe(2);
    expect(Object.values(s).reduce((a, b) => a + b, 0)).toBe(3);
  });

  it("DG-9.2: the lowest-ranked units are listed for interview, ties at the cut-off included", () => {
    const r = rank([
      { unitId: "a", total: 95 },
      { unitId: "b", total: 80 },
      { unitId: "c", total: 61 },
      { unitId: "d", total: 61 },
      { unitId: "e", total: 50 },
    ]);
    expect(lowestRanked(r, 2).map((x) => x.unitId)).toEqual(["c", "d", "e"]);
    expect(lowestRanked(r, 1).map((x) => x.unitId)).toEqual(["e"]);
    expect(lowestRanked(r, 0)).toEqual([]);
  });

  it("DG-9.2: 排名落后 means behind someone — the first-ranked unit is never listed, and when every unit ties nobody is", () => {
    const tied = rank([
      { unitId: "a", total: 70 },
      { unitId: "b", total: 70 },
      { unitId: "c", total: 70 },
    ]);
    expect(lowestRanked(tied, 3)).toEqual([]);
    expect(lowestRankedThreshold(summarise(tied), 3)).toBeUndefined();
    const few = rank([
      { unitId: "a", total: 90 },
      { unitId: "b", total: 60 },
    ]);
    expect(lowestRanked(few, 3).map((x) => x.unitId)).toEqual(["b"]);
    // The summary form used by the period close picks the same units.
    const threshold = lowestRankedThreshold(summarise(few), 3);
    expect(few.filter((x) => atOrBelowThreshold(x.total, threshold)).map((x) => x.unitId)).toEqual(["b"]);
  });
});
