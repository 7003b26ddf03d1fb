// DG-8 / DG-9.2: Dongguan ranks units on task-book completion (根据绩效任务书完成情况对牵引单位进行排名),
// the ranking and its 排名落后 list are final only once the period is closed and every evaluation
// approved, and "behind" means behind someone.
import { describe, expect, it } from "vitest";
import { decideFinalRanking, type EvaluationToRank } from "../../../functions/src/domain/finalRanking.js";
import { getPolicyPack } from "../../../functions/src/domain/policy/index.js";
import { lowestRanked, rankOn } from "../../../functions/src/domain/ranking.js";
import { taskBookCompletion } from "../../../functions/src/domain/taskBookCompletion.js";
import { whatIf } from "../../../functions/src/domain/whatIf.js";
import { rankingMarkWords } from "../../../functions/src/domain/words.js";

const dg = getPolicyPack("dongguan");
const gz = getPolicyPack("guangzhou");

const ev = (unitId: string, total: number, percent: number | null, state: "draft" | "approved" = "approved", rank?: number): EvaluationToRank => ({ unitId, unitName: `${unitId}公司`, state, total, completion: { percent }, rank });

describe("DG-9.2: ranking on task-book completion", () => {
  it("DG-9.2: Dongguan ranks on task-book completion, not on the total; Guangzhou keeps the total", () => {
    expect(dg.ranking.basis).toBe("taskBookCompletion");
    expect(gz.ranking.basis).toBe("total");
    const units = [ev("a", 95, 50), ev("b", 60, 90), ev("c", 80, 70)];
    expect(rankOn(units, "taskBookCompletion").map((r) => [r.unitId, r.rank])).toEqual([["b", 1], ["c", 2], ["a", 3]]);
    expect(rankOn(units, "total").map((r) => [r.unitId, r.rank])).toEqual([["a", 1], ["c", 2], ["b", 3]]);
  });

  it("DG-9.2: a unit whose task book sets no target has no completion and is not ranked on it", () => {
    const none = taskBookCompletion("2025", {}, { enterprisesTransformed: 3 }, dg.scoring);
    expect(rankOn([ev("a", 70, 80), { ...ev("b", 99, null), completion: none }], "taskBookCompletion").map((r) => r.unitId)).toEqual(["a"]);
  });

  it("DG-9.2: the lagging list never holds a first-ranked unit, and when every unit ties on completion nobody lags", () => {
    const tied = rankOn([ev("a", 90, 75), ev("b", 40, 75), ev("c", 60, 75)], "taskBookCompletion");
    expect(tied.every((r) => r.rank === 1)).toBe(true);
    expect(lowestRanked(tied, 3)).toEqual([]);
    const final = decideFinalRanking({ periodId: "2025", periodClosed: true, evaluations: [ev("a", 90, 75), ev("b", 40, 75), ev("c", 60, 75)], pack: dg });
    expect(final.final && final.lagging).toEqual([]);
    // Two units, three to list: only the one behind is listed, never the first.
    const two = decideFinalRanking({ periodId: "2025", periodClosed: true, evaluations: [ev("a", 50, 90), ev("b", 99, 60)], pack: dg });
    expect(two.final && two.lagging.map((l) => l.unitId)).toEqual(["b"]);
    // Two tied first and one behind: the first-ranked pair stays off the list.
    const pair = decideFinalRanking({ periodId: "2025", periodClosed: true, evaluations: [ev("a", 50, 90), ev("b", 60, 90), ev("c", 99, 10)], pack: dg });
    expect(pair.final && pair.lagging.map((l) => [l.unitId, l.rank])).toEqual([["c", 3]]);
  });
});

describe("DG-8 / DG-9.2: provisional until every evaluation is approved", () => {
  const year = [ev("a", 90, 95, "approved", 1), ev("b", 70, 80, "draft", 2), ev("c", 60, 40, "approved", 3), ev("d", 50, 30, "approved", 4)];

  it("DG-8: while an evaluation awaits approval (审定) the ranking is provisional, says why, and lists nobody for interview", () => {
    const d = decideFinalRanking({ periodId: "2025", periodClosed: true, evaluations: year, pack: dg });
    expect(d).toEqual({ final: false, unapproved: 1, reason: "尚有 1 份评价未审定" });
    expect(rankingMarkWords({ final: false, unapproved: 1, periodClosed: true })).toEqual({ mark: "暂定", reason: "尚有 1 份评价未审定" });
    // Reports may still come while the period is open: provisional even when all are approved.
    expect(decideFinalRanking({ periodId: "2025", periodClosed: false, evaluations: year.map((e) => ({ ...e, state: "approved" as const })), pack: dg })).toMatchObject({ final: false, reason: "本期尚未关账" });
  });

  it("DG-9.2: the last approval makes it final: ranks refrozen on completion, the lagging units listed with their completion and total, citing DG-9.2", () => {
    const approvedAll = year.map((e) => ({ ...e, state: "approved" as const }));
    // c's stored rank was frozen before its completion was known to be tied with d's: refrozen.
    approvedAll[2] = { ...approvedAll[2]!, completion: { percent: 30 } };
    const d = decideFinalRanking({ periodId: "2025", periodClosed: true, evaluations: approvedAll, pack: { ...dg, lowestRankedCount: 1 } });
    if (!d.final) throw new Error("expected final");
    expect(d.clause).toBe("DG-9.2");
    expect(d.rankChanges).toEqual([{ unitId: "d", rank: 3 }]);
    expect(d.lagging.map((l) => [l.unitId, l.rank])).toEqual([["c", 3], ["d", 3]]);
    expect(d.lagging[0]!.notice.body).toContain("排名第 3（任务书完成率 30.00%，总分 60）");
    expect(d.note).toContain("排名落后列入约谈、督导 2 家：c公司（第 3 名）、d公司（第 3 名）");
    expect(rankingMarkWords({ final: true, unapproved: 0, periodClosed: true }).mark).toBe("最终");
  });

  it("GZ-3.4.2: Guangzhou's ranking also becomes final on the last approval, ranked on the total, with no interview list", () => {
    const d = decideFinalRanking({ periodId: "2025-Q3", periodClosed: true, evaluations: year.map((e) => ({ ...e, state: "approved" as const })), pack: gz });
    expect(d.final && d.lagging).toEqual([]);
    expect(d.final && d.clause).toBe("GZ-3.4.2");
    expect(d.final && d.rankChanges).toEqual([]);
  });

  it("DG-9.2: the what-if of a new scoring model leaves a completion ranking as it is", () => {
    const unit = (unitId: string, done: number) => ({ unitId, failedElsewhere: 0, evaluation: { periodId: "2025", judged: [], reporting: "onTime" as const, inputs: { targets: { enterprisesTransformed: 10 }, actuals: { enterprisesTransformed: done }, complaints: { received: 0, closed: 0 } } } });
    const proposed = { ...dg, scoring: { ...dg.scoring, passMark: 10 } };
    const r = whatIf([unit("a", 9), unit("b", 4)], dg, proposed);
    expect(r.rows.map((x) => [x.unitId, x.current.rank, x.proposed.rank])).toEqual([["a", 1, 1], ["b", 2, 2]]);
  });
});
