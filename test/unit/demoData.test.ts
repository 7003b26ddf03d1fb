// The lived-in demo that `npm start` seeds is checked against the same schemas the stored
// documents must satisfy, so a change to a schema or to the generator cannot break the first
// thing a new user sees. Its published lists are the domain's own view of the registry.
import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { catalogueListEntries, partnerListEntries } from "../../functions/src/domain/applyChange.js";
import { getPolicyPack } from "../../functions/src/domain/policy/index.js";
import { lowestRanked, rankOn } from "../../functions/src/domain/ranking.js";
import * as s from "../../functions/src/domain/schemas/index.js";
import { noticeMachine } from "../../functions/src/domain/notice.machine.js";
import { shanghaiDate } from "../../functions/src/domain/dates.js";
import { demoSpecs, generateProgramme, type GeneratedProgramme } from "../../scripts/demo/generate.js";

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
  circulars: s.circularSchema,
  changes: s.changeApplicationSchema,
  notices: s.noticeSchema,
  ratings: s.ratingSchema,
  surveyTokens: s.surveyTokenSchema,
  catalogue: s.catalogueItemSchema,
  partnerLists: s.partnerListSchema,
  catalogueLists: s.catalogueListSchema,
  notifications: s.notificationSchema,
  interviews: s.interviewSchema,
  awards: s.awardSchema,
};

// Today, the first day of a quarter, and early January (last year's close is barely done).
const DAYS = [shanghaiDate(new Date()), "2026-07-01", "2026-01-03"];
const CASES = DAYS.flatMap((today) => demoSpecs(today).map((spec) => ({ today, spec, id: spec.id })));

/** Fields that name a deadline, an end or a calendar entry, which may lie after the seeding day. */
const FUTURE_OK = new Set(["endsOn", "end", "reportDeadline", "evaluationCloseOn", "rectificationDeadline", "nextDeadlineOn", "restDays", "workingDays"]);

/** Every date-like value (YYYY-MM-DD strings, Date instants) in a document, with its field name. */
function dates(v: unknown, key = ""): { key: string; date: string }[] {
  if (v instanceof Date) return [{ key, date: shanghaiDate(v) }];
  if (typeof v === "string") return /^\d{4}-\d{2}-\d{2}$/.test(v) ? [{ key, date: v }] : [];
  if (Array.isArray(v)) return v.flatMap((x) => dates(x, key));
  if (v && typeof v === "object") return Object.entries(v).flatMap(([k, x]) => dates(x, k));
  return [];
}

describe.each(CASES)("demo programme $id seeded on $today", ({ today, spec }) => {
  const g = generateProgramme(spec, today);

  it("lives in the present: nothing but deadlines and ends is dated after the day it is seeded", () => {
    const all = [g.programme, ...(Object.keys(SCHEMAS) as (keyof typeof SCHEMAS)[]).flatMap((name) => Object.values(g[name]))];
    const future = all.flatMap((doc) => dates(doc)).filter((x) => x.date > today && !FUTURE_OK.has(x.key));
    expect(future).toEqual([]);
    const open = Object.values(g.periods).filter((p) => p.state === "open");
    expect(open.map((p) => p.start <= today && today <= p.end)).toEqual([true]);
    for (const p of Object.values(g.periods).filter((x) => x.state === "closed")) expect(p.end < today).toBe(true);
  });

  it("GZ-4.6.3 / DG-14: the demo notice is open today, takes objections, and is due to close after its end", () => {
    const n = g.notices["demo-notice-open"]!;
    expect(n.startsOn <= today && today <= n.endsOn).toBe(true);
    const pack = getPolicyPack(spec.packId);
    const ctx = { today, pack, programmeEndsOn: null, startsOn: n.startsOn, endsOn: n.endsOn, pendingObjectionIds: [] };
    expect(noticeMachine.transition("open", { type: "fileObjection" }, ctx).ok).toBe(true);
    expect(noticeMachine.transition("open", { type: "close" }, ctx).ok).toBe(false);
  });

  it("one rectification still runs today and the overdue one is past its deadline", () => {
    const open = g.proceedings["demo-criticism-open"];
    const overdue = g.proceedings["demo-criticism-overdue"];
    if (!open || open.kind !== "criticism" || !overdue || overdue.kind !== "criticism") return; // Dongguan has no criticism
    expect(open.rectificationDeadline! >= today).toBe(true);
    expect(open.nextDeadlineOn).toBe(open.rectificationDeadline);
    expect(overdue.rectificationDeadline! < today).toBe(true);
  });

  it("GZ-4.4a.0: every issued criticism of the demo is circulated with its ground, facts and deadline (none in Dongguan)", () => {
    const criticisms = Object.entries(g.proceedings).filter(([, p]) => p.kind === "criticism");
    expect(Object.keys(g.circulars).sort()).toEqual(criticisms.map(([id]) => id).sort());
    if (spec.packId === "dongguan") expect(g.circulars).toEqual({});
    for (const [id, p] of criticisms) {
      expect(g.circulars[id]).toMatchObject({ unitId: p.unitId, unitName: g.units[p.unitId]!.name, ground: p.ground, facts: p.evidence.map((e) => e.description), rectificationDeadline: p.kind === "criticism" ? p.rectificationDeadline : "", clause: "GZ-4.4a.0" });
    }
  });

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

  it("DG-8 / DG-9.2: a closed period's ranking is on the pack's basis and final exactly when every evaluation is approved; the Dongguan demo's last year is provisional", () => {
    const pack = getPolicyPack(spec.packId);
    for (const p of spec.closedPeriods) {
      const evaluations = Object.values(g.evaluations).filter((e) => e.periodId === p);
      expect(g.rankings[p]!.finalAt !== undefined, p).toBe(evaluations.every((e) => e.state === "approved"));
      expect(Object.fromEntries(evaluations.map((e) => [e.unitId, e.rank]))).toEqual(Object.fromEntries(rankOn(evaluations, pack.ranking.basis).map((e) => [e.unitId, e.rank])));
    }
    if (spec.packId === "dongguan") expect(g.rankings[spec.closedPeriods.at(-1)!]!.finalAt).toBeUndefined();
  });

  it("GZ-3.4.1 / GZ-4.4a.2: a report in after the report deadline but by the evaluation close is accepted and recorded late (资料报送不及时), scored late, and its unit took part; every other closed report is on time", () => {
    const late = Object.values(g.reports).filter((r) => r.late);
    if (spec.lateReportUnit === undefined) return expect(late).toEqual([]);
    expect(late).toHaveLength(1);
    const r = late[0]!;
    const period = g.periods[r.periodId]!;
    expect(period.state).toBe("closed");
    expect(r.state).toBe("accepted");
    expect(r.submittedOn! > period.reportDeadline! && r.submittedOn! <= period.evaluationCloseOn!).toBe(true);
    expect(g.evaluations[`${r.unitId}_${r.periodId}`]).toMatchObject({ reporting: "late", participated: true });
    expect(Object.values(g.evaluations).filter((e) => e.reporting === "late")).toHaveLength(1);
  });

  it("DG-9.2: interview notifications exist exactly where the pack ranks for interviews and the ranking is final, for the lowest-ranked units", () => {
    const pack = getPolicyPack(spec.packId);
    const final = spec.closedPeriods.filter((p) => g.rankings[p]!.finalAt !== undefined);
    const expected = pack.clauses.ranking
      ? final.flatMap((p) => lowestRanked(Object.values(g.evaluations).filter((e) => e.periodId === p).map((e) => ({ unitId: e.unitId, rank: e.rank!, total: e.total })), pack.lowestRankedCount).map((e) => `interview_${p}_${e.unitId}`))
      : [];
    expect(Object.keys(g.notifications).sort()).toEqual(expected.sort());
    for (const n of Object.values(g.notifications)) expect(n.body).toMatch(/（演示）有限公司/);
  });
  it("DG-16.3: the demo's partner-removal case names the partner in its facts, and each rating behind it came through a used link of its enterprise (none in Guangzhou)", () => {
    const removal = g.proceedings["demo-partner-removal"];
    if (getPolicyPack(spec.packId).partnerRemovalGrounds.length === 0) {
      expect(removal).toBeUndefined();
      expect(g.surveyTokens).toEqual({});
      return;
    }
    if (removal?.kind !== "partnerRemoval") throw new Error("演示缺少取消合作伙伴候选");
    expect(removal.ground).toBe(getPolicyPack(spec.packId).clauses.dissatisfiedRatings);
    expect(removal.evidence[0]?.description).toContain(g.partners[removal.partnerId]!.name);
    const behind = Object.values(g.ratings).filter((r) => r.partnerId === removal.partnerId);
    expect(behind.filter((r) => r.value === "dissatisfied")).toHaveLength(getPolicyPack(spec.packId).thresholds.dissatisfiedRatings);
    for (const r of behind) expect(g.surveyTokens[r.tokenId]).toMatchObject({ enterpriseId: r.enterpriseId, unitId: r.unitId, partnerIds: [removal.partnerId], usedAt: expect.any(Date) });
  });
});
