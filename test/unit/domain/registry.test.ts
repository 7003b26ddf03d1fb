import { describe, expect, it } from "vitest";
import { awardDecision } from "../../../functions/src/domain/awards.js";
import { planEnterpriseImport, registrationRefusal, type ImportRow } from "../../../functions/src/domain/enterpriseRegistry.js";
import { interviewDecision } from "../../../functions/src/domain/interviews.js";
import { getPolicyPack } from "../../../functions/src/domain/policy/index.js";
import { makeUscc } from "../../../functions/src/domain/uscc.js";

const units = [
  { id: "u1", name: "穗链智造（演示）", uscc: makeUscc(1), status: "listed" as const },
  { id: "u2", name: "羊城云数（演示）", uscc: makeUscc(2), status: "rectifying" as const },
  { id: "u3", name: "已清退单位（演示）", uscc: makeUscc(3), status: "clearedOut" as const },
];
const row = (n: number, name: string, uscc: string, unit: string, contractSignedOn?: unknown): ImportRow => ({ row: n, cells: { name, uscc, unit, contractSignedOn } });

describe("pilot-enterprise list", () => {
  it("GZ-1.3: an enterprise is listed once, served by a unit that may still serve", () => {
    expect(registrationRefusal(units[0], undefined)).toBeUndefined();
    expect(registrationRefusal(units[1], undefined)).toBeUndefined();
    expect(registrationRefusal(undefined, undefined)?.code).toBe("UNIT_NOT_FOUND");
    expect(registrationRefusal(units[2], undefined)?.code).toBe("UNIT_CANNOT_SERVE");
    expect(registrationRefusal(units[0], { servedBy: "u2", servedByName: "羊城云数（演示）" })?.message).toContain("羊城云数（演示）");
  });

  it("DG-3: an import matches units by name or USCC, reads Excel dates, and lists every bad row by number and column; any error writes nothing", () => {
    const rows = [
      row(2, "甲厂", makeUscc(101), "穗链智造（演示）", new Date(Date.UTC(2025, 2, 15))),
      row(3, "乙厂", makeUscc(102).toLowerCase(), makeUscc(2), "2025/04/01"),
      row(4, "", "91440101NOTVALID0", "穗链智造（演示）"),
      row(5, "丁厂", makeUscc(104), "不存在的单位"),
      row(6, "戊厂", makeUscc(105), "已清退单位（演示）"),
      row(7, "甲厂重复", makeUscc(101), "穗链智造（演示）"),
      row(8, "己厂", makeUscc(106), "穗链智造（演示）", "2025-13-01"),
    ];
    const plan = planEnterpriseImport(rows, units, new Map());
    expect(plan.create).toEqual([]);
    expect(plan.errors.map((e) => [e.row, e.field])).toEqual([
      [4, "企业名称"],
      [4, "统一社会信用代码"],
      [5, "服务牵引单位"],
      [6, "服务牵引单位"],
      [7, "统一社会信用代码"],
      [8, "合同签订日期"],
    ]);
    const clean = planEnterpriseImport(rows.slice(0, 2), units, new Map());
    expect(clean.errors).toEqual([]);
    expect(clean.create.map((c) => [c.id, c.enterprise.servedBy, c.enterprise.contractSignedOn])).toEqual([
      [makeUscc(101), "u1", "2025-03-15"],
      [makeUscc(102), "u2", "2025-04-01"],
    ]);
  });

  it("GZ-1.3: importing the same file again adds nothing; an enterprise served by another unit is an error", () => {
    const rows = [row(2, "甲厂", makeUscc(101), "穗链智造（演示）"), row(3, "乙厂", makeUscc(102), "穗链智造（演示）")];
    const again = planEnterpriseImport(rows, units, new Map([[makeUscc(101), "u1"], [makeUscc(102), "u1"]]));
    expect([again.create.length, again.unchanged, again.errors.length]).toEqual([0, 2, 0]);
    const elsewhere = planEnterpriseImport(rows, units, new Map([[makeUscc(102), "u2"]]));
    expect(elsewhere.errors).toEqual([{ row: 3, field: "统一社会信用代码", message: "该企业已在试点企业名单中，由羊城云数（演示）服务" }]);
  });
});

describe("interviews and awards", () => {
  const dg = getPolicyPack("dongguan");
  const gz = getPolicyPack("guangzhou");
  // DG-9.2 ranks on task-book completion: completion % in hundredths → count; five units, the lowest three at 61, 55 and 40 %.
  const summary = { "9000": 1, "8000": 1, "6100": 1, "5500": 1, "4000": 1 };

  it("DG-9.2: only a unit among the lowest-ranked on task-book completion, on a final ranking, can have an interview recorded, not in the future; Guangzhou has no such duty", () => {
    const lagging = { total: 95, completion: { percent: 55 } };
    const ahead = { total: 40, completion: { percent: 80 }, rank: 2 };
    // Ranked on completion, not on the total: a high total does not lift a lagging completion, nor a low one sink a good completion.
    expect(interviewDecision({ pack: dg, rankingFinal: true, evaluation: lagging, summary, heldOn: "2026-01-05", today: "2026-01-06" })).toEqual({ ok: true, rank: 4, clause: "DG-9.2" });
    expect(interviewDecision({ pack: dg, rankingFinal: true, evaluation: ahead, summary, heldOn: "2026-01-05", today: "2026-01-06" })).toMatchObject({ ok: false, code: "NOT_LOWEST_RANKED" });
    expect(interviewDecision({ pack: dg, rankingFinal: true, evaluation: { total: 10, completion: { percent: null } }, summary, heldOn: "2026-01-05", today: "2026-01-06" })).toMatchObject({ ok: false, code: "NOT_LOWEST_RANKED" });
    expect(interviewDecision({ pack: dg, rankingFinal: true, evaluation: undefined, summary, heldOn: "2026-01-05", today: "2026-01-06" })).toMatchObject({ ok: false, code: "NOT_EVALUATED" });
    expect(interviewDecision({ pack: dg, rankingFinal: true, evaluation: lagging, summary, heldOn: "2026-01-07", today: "2026-01-06" })).toMatchObject({ ok: false, code: "DATE_IN_FUTURE" });
    // DG-8 / DG-9.2: a provisional ranking (an evaluation not yet approved) lists nobody yet.
    expect(interviewDecision({ pack: dg, rankingFinal: false, evaluation: lagging, summary, heldOn: "2026-01-05", today: "2026-01-06" })).toMatchObject({ ok: false, code: "PERIOD_NOT_RANKED" });
    expect(interviewDecision({ pack: gz, rankingFinal: true, evaluation: { total: 40 }, summary, heldOn: "2026-01-05", today: "2026-01-06" })).toMatchObject({ ok: false, code: "INTERVIEWS_NOT_IN_POLICY" });
  });

  it("DG-5.7: an award names a subject in good standing, once per year and kind; Guangzhou's regulation has no awards", () => {
    const base = { pack: dg, kind: "excellentUnit" as const, decidedOn: "2026-01-10", today: "2026-01-10", alreadyAwarded: false };
    expect(awardDecision({ ...base, subject: { name: "甲", status: "listed" } })).toEqual({ ok: true, clause: "DG-5.7", subjectName: "甲" });
    expect(awardDecision({ ...base, subject: { name: "甲", status: "clearedOut" } })).toMatchObject({ ok: false, code: "EVENT_NOT_ALLOWED" });
    expect(awardDecision({ ...base, kind: "excellentProduct", subject: { name: "乙", status: "pending" } })).toMatchObject({ ok: false });
    expect(awardDecision({ ...base, subject: undefined })).toMatchObject({ ok: false, code: "AWARD_SUBJECT_NOT_FOUND" });
    expect(awardDecision({ ...base, subject: { name: "甲", status: "listed" }, alreadyAwarded: true })).toMatchObject({ ok: false, code: "AWARD_EXISTS" });
    expect(awardDecision({ ...base, pack: gz, subject: { name: "甲", status: "listed" } })).toMatchObject({ ok: false, code: "AWARDS_NOT_IN_POLICY" });
  });
});
