import { describe, expect, it } from "vitest";
import { complaintClause, partnerCountGrounds, ratingClause, surveyLinkExpiry, surveyLinkState, tallyBySubject, tallyRatings } from "../../../functions/src/domain/feedback.js";
import { unitEventsForStatus } from "../../../functions/src/domain/unitStatus.js";
import { unitMachine } from "../../../functions/src/domain/unit.machine.js";
import type { UnitState } from "../../../functions/src/domain/states.js";
import { base, dg, gz } from "./fixtures.js";
import { groundWord, ratingAverageWord, surveyLinkStateWords } from "../../../functions/src/domain/words.js";

const counts = (complaints: number, ratings: number) => ({
  partnerId: "p1",
  partnerName: "某伙伴",
  unresolvedComplaintIds: Array.from({ length: complaints }, (_, i) => `c${i + 1}`),
  dissatisfiedRatingIds: Array.from({ length: ratings }, (_, i) => `r${i + 1}`),
});

describe("partner thresholds from kept counts", () => {
  it("DG-16.2: the 2nd and 3rd unresolved complaint are the same threshold crossing; the 4th starts a new one", () => {
    expect(partnerCountGrounds(counts(1, 0), dg)).toEqual([]);
    const at2 = partnerCountGrounds(counts(2, 0), dg);
    expect(at2.map((c) => [c.candidate.clause, c.scope])).toEqual([["DG-16.2", "crossing1"]]);
    expect(at2[0]!.candidate.evidence[0]).toContain("c1、c2");
    expect(partnerCountGrounds(counts(3, 0), dg).map((c) => c.scope)).toEqual(["crossing1"]);
    expect(partnerCountGrounds(counts(4, 0), dg).map((c) => c.scope)).toEqual(["crossing2"]);
  });

  it("DG-16.3: two dissatisfied ratings cross the rating threshold, independently of complaints", () => {
    expect(partnerCountGrounds(counts(1, 2), dg).map((c) => [c.candidate.clause, c.scope])).toEqual([["DG-16.3", "crossing1"]]);
  });

  it("GZ-4.4a.1: Guangzhou keeps complaints under GZ-4.4a.1 and raises no partner removal", () => {
    expect(partnerCountGrounds(counts(5, 5), gz)).toEqual([]);
    expect(complaintClause(gz)).toBe("GZ-4.4a.1");
    expect(complaintClause(dg)).toBe("DG-16.2");
    expect(ratingClause(gz)).toBe("GZ-3.3");
    expect(ratingClause(dg)).toBe("DG-16.3");
  });
});

describe("rating links", () => {
  it("GZ-3.3: a link is valid until its expiry day, then expired; once used it stays used", () => {
    const expiresOn = surveyLinkExpiry("2025-06-01");
    expect(expiresOn).toBe("2025-07-01");
    expect(surveyLinkState({ expiresOn }, "2025-07-01")).toBe("valid");
    expect(surveyLinkState({ expiresOn }, "2025-07-02")).toBe("expired");
    expect(surveyLinkState({ expiresOn, usedAt: new Date() }, "2025-06-02")).toBe("used");
    expect(surveyLinkState(undefined, "2025-06-02")).toBe("invalid");
  });
});

describe("ratings as staff read them", () => {
  it("GZ-3.3: a link issued to staff reads 未使用 until rated (已评价) or past its expiry day (已过期)", () => {
    const link = { expiresOn: surveyLinkExpiry("2025-05-01") };
    expect(surveyLinkStateWords[surveyLinkState(link, "2025-05-31")]).toBe("未使用");
    expect(surveyLinkStateWords[surveyLinkState(link, "2025-06-01")]).toBe("已过期");
    expect(surveyLinkStateWords[surveyLinkState({ ...link, usedAt: new Date() }, "2025-06-01")]).toBe("已评价");
  });

  it("DG-16.3: each partner's ratings are tallied apart from its unit's — the 不满意 count is the partner's own, with the mean on one decimal", () => {
    const r = (value: "satisfied" | "basicallySatisfied" | "dissatisfied", partnerId?: string) => ({ unitId: "u1", value, ...(partnerId ? { partnerId } : {}) });
    const by = tallyBySubject([r("satisfied"), r("dissatisfied", "p1"), r("basicallySatisfied", "p1"), r("dissatisfied", "p1"), r("satisfied", "p2")]);
    expect(by.get("unit:u1")?.tally).toEqual({ count: 1, byValue: { satisfied: 1, basicallySatisfied: 0, dissatisfied: 0 }, average: 3 });
    const p1 = by.get("partner:p1")!;
    expect(p1).toMatchObject({ kind: "partner", id: "p1", unitId: "u1" });
    expect(p1.tally.byValue.dissatisfied).toBe(2);
    expect(p1.tally.count).toBe(3);
    expect(ratingAverageWord(p1.tally.average)).toBe("1.3 / 3");
    expect(by.get("partner:p2")?.tally.count).toBe(1);
    expect(tallyRatings([]).average).toBeNull();
    expect(ratingAverageWord(null)).toBe("—");
  });
});

describe("unit status driven by proceedings", () => {
  const run = (from: UnitState, events: ReturnType<typeof unitEventsForStatus>, pack = gz) =>
    events.reduce<UnitState | string>((s, e) => {
      const t = unitMachine.transition(s as UnitState, e, base(pack, "2025-06-10"));
      return t.ok ? t.next : t.code;
    }, from);

  it("GZ-4.4b.2: an automatic proposal leaves the unit listed; taking effect passes through clearOutProposed", () => {
    expect(unitEventsForStatus("listed", "clearedOut", "GZ-4.4b.2", "clearOut").map((e) => e.type)).toEqual(["proposeClearOut", "clearOutEffective"]);
    expect(run("listed", unitEventsForStatus("listed", "clearedOut", "GZ-4.4b.2", "clearOut"))).toBe("clearedOut");
  });

  it("DG-10.2: dropping a clear-out does not wipe a status another proceeding set", () => {
    expect(unitEventsForStatus("criticised", "listed", "DG-10.2", "clearOut")).toEqual([]);
    expect(unitEventsForStatus("clearOutProposed", "listed", "DG-10.2", "clearOut").map((e) => e.type)).toEqual(["clearOutDropped"]);
    expect(unitEventsForStatus("rectifying", "listed", "GZ-4.4a.2", "criticism").map((e) => e.type)).toEqual(["rectificationAccepted"]);
  });

  it("GZ-4.4b.6: a cleared-out unit cannot be criticised again", () => {
    expect(run("clearedOut", unitEventsForStatus("clearedOut", "criticised", "GZ-4.4a.5", "criticism"))).toBe("EVENT_NOT_ALLOWED");
  });

  it("DG-11: every clear-out ground of both packs has the regulation's wording for the announcement", () => {
    for (const g of [...gz.clearOut.grounds, ...dg.clearOut.grounds, ...dg.partnerRemovalGrounds, ...gz.criticismGrounds]) expect(groundWord(g)).not.toBe(g);
    expect(groundWord("DG-10.5")).toBe("伪造资料、弄虚作假");
  });
});
