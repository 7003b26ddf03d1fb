// The lived-in demo that `npm start` seeds is checked against the same schemas the stored
// documents must satisfy, so a change to a schema or to the generator cannot break the first
// thing a new user sees. Its published lists are the domain's own view of the registry.
import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { catalogueListEntries, partnerListEntries } from "../../functions/src/domain/applyChange.js";
import { getPolicyPack } from "../../functions/src/domain/policy/index.js";
import { lowestRanked } from "../../functions/src/domain/ranking.js";
import * as s from "../../functions/src/domain/schemas/index.js";
import { DEMO_SPECS, generateProgramme, type GeneratedProgramme } from "../../scripts/demo/generate.js";

const SCHEMAS: { [K in Exclude<keyof GeneratedProgramme, "spec" | "programme">]: z.ZodType } = {
  units: s.unitSchema,
  partners: s.partnerSchema,
  enterprises: s.pilotEnterpriseSchema,
  taskBooks: s.taskBookSchema,
  periods: s.periodSchema,
  reports: s.reportSchema,
  evaluations: s.evaluationSchema,
  rankings: s.rankingSummarySchema,
  proceedings: s.proceedingSchema,
  changes: s.changeApplicationSchema,
  notices: s.noticeSchema,
  ratings: s.ratingSchema,
  catalogue: s.catalogueItemSchema,
  partnerLists: s.partnerListSchema,
  catalogueLists: s.catalogueListSchema,
  notifications: s.notificationSchema,
  interviews: s.interviewSchema,
  awards: s.awardSchema,
};

describe.each(DEMO_SPECS)("demo programme $id", (spec) => {
  const g = generateProgramme(spec);

  it("every generated document passes its stored-document schema", () => {
    expect(s.programmeSchema.safeParse(g.programme).success).toBe(true);
    const bad: string[] = [];
    for (const [name, schema] of Object.entries(SCHEMAS)) {
      for (const [id, data] of Object.entries(g[name as keyof typeof SCHEMAS])) {
        const r = schema.safeParse(data);
        if (!r.success) bad.push(`${name}/${id}: ${r.error.issues.map((i) => `${i.path.join(".")} ${i.message}`).join("；")}`);
      }
    }
    expect(bad).toEqual([]);
  });

  it("GZ-4.6.3: the second published partner list adds exactly the partners that joined later; the catalogue lists every approved item", () => {
    const registry = { units: new Map(Object.entries(g.units)), partners: new Map(Object.entries(g.partners)), catalogue: new Map(Object.entries(g.catalogue)) };
    expect(g.partnerLists["2"]!.entries).toEqual(partnerListEntries(registry));
    const later = Object.entries(g.partners).filter(([, p]) => p.listVersion === 2).map(([id]) => id).sort();
    const v1 = new Set(g.partnerLists["1"]!.entries.map((e) => e.partnerId));
    expect(g.partnerLists["2"]!.entries.map((e) => e.partnerId).filter((id) => !v1.has(id)).sort()).toEqual(later);
    expect(later.length).toBeGreaterThan(0);
    expect(g.catalogueLists["1"]!.entries).toEqual(catalogueListEntries(registry));
  });

  it("DG-9.2: interview notifications exist exactly where the pack ranks for interviews, for the lowest-ranked units", () => {
    const pack = getPolicyPack(spec.packId);
    const expected = pack.clauses.ranking
      ? spec.closedPeriods.flatMap((p) => lowestRanked(Object.values(g.evaluations).filter((e) => e.periodId === p).map((e) => ({ unitId: e.unitId, rank: e.rank!, total: e.total })), pack.lowestRankedCount).map((e) => `interview_${p}_${e.unitId}`))
      : [];
    expect(Object.keys(g.notifications).sort()).toEqual(expected.sort());
    for (const n of Object.values(g.notifications)) expect(n.body).toMatch(/（演示）有限公司/);
  });
});
