// GZ-3.4.2 工作小组制定评价指标: the work group sets the indicators. Settings are the bureau's
// choices, versioned and effective from a period; what the regulation fixes cannot be changed.
import { describe, expect, it } from "vitest";
import { dongguan, guangzhou } from "../../../functions/src/domain/policy/index.js";
import { packWithSettings, settingsDiff, settingsFor, settingsFromPack, settingsProblems, settingsValuesSchema, type SettingsValues } from "../../../functions/src/domain/settings.js";
import { whatIf, type WhatIfUnit } from "../../../functions/src/domain/whatIf.js";

function withWeights(v: SettingsValues, passMark: number): SettingsValues {
  // Move 5 points from 产品和解决方案 to 改造成效 (both metric parts), and raise the pass mark.
  const dimensions = v.scoring.dimensions.map((d) => {
    if (d.id === "results") return { ...d, weight: d.weight + 5, parts: d.parts.map((p, i) => (i === 0 ? { ...p, points: p.points + 5 } : p)) };
    if (d.id === "productsAndSolutions") return { ...d, weight: d.weight - 5, parts: d.parts.map((p, i) => (i === 0 ? { ...p, points: p.points - 5 } : p)) };
    return d;
  });
  return { ...v, scoring: { ...v.scoring, dimensions, passMark } };
}

describe("GZ-3.4.2: programme settings as governed data", () => {
  it("GZ-3.4.2: version 1 is the pack; a proposed version is checked in Chinese (weights add up to 100, lengths positive)", () => {
    const v1 = settingsFromPack(guangzhou);
    expect(settingsValuesSchema.parse(v1)).toEqual(v1);
    const badWeights = { ...v1, scoring: { ...v1.scoring, dimensions: v1.scoring.dimensions.slice(1) } };
    expect(settingsValuesSchema.safeParse(badWeights).error?.issues.map((i) => i.message).join()).toContain("权重之和必须为 100");
    const zeroLength = { ...v1, rectification: { length: 0, unit: "workingDays" } };
    expect(settingsValuesSchema.safeParse(zeroLength).error?.issues[0]?.message).toContain("必须大于 0");
    const unordered = { ...v1, scoring: { ...v1.scoring, bands: [...v1.scoring.bands].reverse() } };
    expect(settingsValuesSchema.safeParse(unordered).success).toBe(false);
  });

  it("DG-14: Dongguan's 5-day notice is fixed by the regulation and a version changing it is refused; Guangzhou may choose its notice length", () => {
    const dg = settingsFromPack(dongguan);
    expect(settingsProblems(dongguan, dg, { ...dg, notice: { length: 7, unit: "calendarDays" } })).toEqual(["公示期由 DG-14 规定，不能修改"]);
    const gz = settingsFromPack(guangzhou);
    expect(settingsProblems(guangzhou, gz, { ...gz, notice: { length: 7, unit: "workingDays" } })).toEqual([]);
  });

  it("GZ-3.4.2: the version in force for a period is the latest effective at or before it; earlier periods keep theirs", () => {
    const versions = [
      { version: 1, effectiveFrom: "2025-Q1" },
      { version: 2, effectiveFrom: "2027-Q1" },
    ];
    expect(settingsFor(versions, "2026-Q4")?.version).toBe(1);
    expect(settingsFor(versions, "2027-Q1")?.version).toBe(2);
    expect(settingsFor(versions, "2024-Q4")).toBeUndefined();
  });

  it("GZ-3.4.2: the diff shows only what changes, in words", () => {
    const v1 = settingsFromPack(guangzhou);
    const rows = settingsDiff(v1, withWeights(v1, 65));
    expect(rows.map((r) => r.label)).toEqual(["合格线", "评价维度：改造成效", "评价维度：产品和解决方案"]);
    // Names, never ids: the dimension and its metrics as staff call them.
    expect(rows[1]).toMatchObject({ before: "35 分（达到数字化二级及以上比例 20、试点企业满意度与改造成效核查 15）", after: "40 分（达到数字化二级及以上比例 25、试点企业满意度与改造成效核查 15）" });
    expect(rows[0]).toMatchObject({ before: "60 分", after: "65 分" });
  });
});

describe("GZ-3.4.2: what-if of a proposed version on a closed period", () => {
  const inputs = (transformed: number, level2: number) => ({ targets: { enterprisesTransformed: 20, level2Share: 0.5, solutions: 4 }, actuals: { enterprisesTransformed: transformed, level2Share: level2, solutions: 1 }, complaints: { received: 0, closed: 0 } });
  const by = { evidenceDocumentIds: [], by: { uid: "staff-1", role: "staff" as const } };
  const unit = (unitId: string, transformed: number, level2: number, failedElsewhere = 0): WhatIfUnit => ({
    unitId,
    failedElsewhere,
    evaluation: { periodId: "2026-Q3", reporting: "onTime", inputs: inputs(transformed, level2), judged: [{ partId: "satisfaction", score: 12, methods: ["questionnaire"], ...by }, { partId: "serviceCapability", score: 8, methods: ["siteVisit"], ...by }] },
  });

  it("GZ-3.4.2: raising the pass mark shows which units would fail and which would become clear-out candidates", () => {
    const units = [unit("a", 15, 0.4), unit("b", 12, 0.3, 1), unit("c", 20, 0.5)];
    const current = guangzhou;
    const proposed = packWithSettings(guangzhou, withWeights(settingsFromPack(guangzhou), 80));
    const { rows, counts } = whatIf(units, current, proposed);
    const b = rows.find((r) => r.unitId === "b")!;
    expect(b.current.passed).toBe(true);
    expect(b.proposed.passed).toBe(false);
    expect(b.proposed.clearOut).toBe(true); // second failed evaluation in total (GZ-4.4b.3)
    expect(b.changed).toEqual(expect.arrayContaining(["passed", "clearOut"]));
    expect(counts.passed).toBeGreaterThanOrEqual(1);
    expect(rows.find((r) => r.unitId === "c")!.proposed.passed).toBe(true);
  });

  it("GZ-3.4.2: the same model changes nothing", () => {
    const units = [unit("a", 15, 0.4), unit("b", 12, 0.3, 1)];
    const { rows, counts } = whatIf(units, guangzhou, guangzhou);
    expect(rows.every((r) => r.changed.length === 0)).toBe(true);
    expect(Object.values(counts).every((n) => n === 0)).toBe(true);
  });
});
