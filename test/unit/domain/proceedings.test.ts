import { describe, expect, it } from "vitest";
import { type ClearOutContext, clearOutMachine } from "../../../functions/src/domain/clearOut.machine.js";
import { circularOf, circulationClause, currentOutcome, withOutcome } from "../../../functions/src/domain/circulars.js";
import { type CriticismContext, criticismMachine } from "../../../functions/src/domain/criticism.machine.js";
import { evaluationMachine } from "../../../functions/src/domain/evaluation.machine.js";
import { checkListing, type ListingFacts } from "../../../functions/src/domain/listing.js";
import { partnerRemovalMachine } from "../../../functions/src/domain/partnerRemoval.machine.js";
import { decideOpening, proceedingMachine } from "../../../functions/src/domain/proceedings.js";
import { testOnlySample as sample } from "../../../functions/src/domain/policy/testOnlySample.js";
import { type Proceeding, publicCircularOf } from "../../../functions/src/domain/schemas/index.js";
import { circularOutcomeWord } from "../../../functions/src/domain/words.js";
import { clearOutStates, criticismStates, partnerRemovalStates } from "../../../functions/src/domain/states.js";
import { makeUscc } from "../../../functions/src/domain/uscc.js";
import { base, calendar, codeOf, dg, gz, okNext } from "./fixtures.js";

const ev = [{ description: "工作小组核查记录" }];

function crit(over: Partial<CriticismContext> = {}): CriticismContext {
  return { ...base(gz, "2025-06-10"), ground: "GZ-4.4a.2", calendar, ...over };
}
function co(pack = gz, ground = "GZ-4.4b.5", today = "2025-06-10"): ClearOutContext {
  return { ...base(pack, today), ground, reason: "伪造资料、弄虚作假" };
}

describe("opening a criticism (GZ-4.4a)", () => {
  it("GZ-4.4a.1: a criticism for complaints must cite the complaints it rests on", () => {
    expect(codeOf(decideOpening({ kind: "criticism", ground: "GZ-4.4a.1", evidence: ev }, gz))).toBe("EVIDENCE_REQUIRED");
    expect(codeOf(decideOpening({ kind: "criticism", ground: "GZ-4.4a.1", evidence: ev, complaintIds: ["c1"] }, gz))).toBe("ok");
  });

  it("GZ-4.4a.5: a staff-recorded breach of good faith is a ground and needs stated facts", () => {
    expect(codeOf(decideOpening({ kind: "criticism", ground: "GZ-4.4a.5", evidence: [] }, gz))).toBe("EVIDENCE_REQUIRED");
    expect(codeOf(decideOpening({ kind: "criticism", ground: "GZ-4.4a.5", evidence: [{ description: " " }] }, gz))).toBe("EVIDENCE_REQUIRED");
    const t = decideOpening({ kind: "criticism", ground: "GZ-4.4a.5", evidence: ev }, gz);
    expect(t.ok && t.clause).toBe("GZ-4.4a.5");
  });

  it("refuses criticism in Dongguan and partner removal in Guangzhou (procedures their regulation lacks)", () => {
    expect(codeOf(decideOpening({ kind: "criticism", ground: "GZ-4.4a.2", evidence: ev }, dg))).toBe("PROCEDURE_NOT_IN_POLICY");
    expect(codeOf(decideOpening({ kind: "partnerRemoval", ground: "DG-16.2", evidence: ev }, gz))).toBe("PROCEDURE_NOT_IN_POLICY");
  });
});

describe("criticism machine", () => {
  it("GZ-4.4a.2: issuing publishes the criticism and sets the default rectification deadline (20 working days)", () => {
    // from 2025-06-10 Tue: 20 working days, skipping 端午 2025-05-31..06-02 (already past) → 2025-07-08 Tue
    const t = okNext(criticismMachine.transition("proposed", { type: "issue" }, crit()));
    expect(t.next).toBe("issued");
    expect(t.clause).toBe("GZ-4.4a.2");
    expect(t.effects).toContainEqual({ type: "scheduleDeadline", kind: "rectification", on: "2025-07-08" });
    expect(t.effects).toContainEqual({ type: "publishCriticism", ground: "GZ-4.4a.2" });
    expect(t.effects).toContainEqual({ type: "setUnitStatus", status: "criticised" });
  });

  it("GZ-4.4a.0: an issued criticism is circulated (通报) with ground, facts and deadline, and each decision on the rectification is added to it", () => {
    const issued = okNext(criticismMachine.transition("proposed", { type: "issue" }, crit()));
    // Circulated under GZ-4.4a.0, not only notified to the unit.
    expect(issued.effects).toContainEqual({ type: "circulateCriticism", clause: "GZ-4.4a.0", deadline: "2025-07-08" });
    const proceeding = { unitId: "u1", ground: "GZ-4.4a.2", evidence: [{ description: " 2025-Q2 报告逾期报送 " }, { description: "附件不完整", documentId: "d1" }] };
    const c = circularOf({ proceedingId: "p1", proceeding, unitName: "穗链智造科技（演示）有限公司", issuedOn: "2025-06-10", rectificationDeadline: "2025-07-08", clause: "GZ-4.4a.0", publishedAt: new Date("2025-06-10T02:00:00Z") });
    expect(c).toMatchObject({ unitName: "穗链智造科技（演示）有限公司", ground: "GZ-4.4a.2", groundWord: "资料报送不及时、不完整、不规范", facts: ["2025-Q2 报告逾期报送", "附件不完整"], issuedOn: "2025-06-10", rectificationDeadline: "2025-07-08", outcomes: [], clause: "GZ-4.4a.0" });
    // The public sees the same 通报 without the internal ids.
    expect(publicCircularOf(c)).not.toHaveProperty("unitId");
    expect(publicCircularOf(c)).not.toHaveProperty("proceedingId");
    expect(publicCircularOf(c).facts).toEqual(c.facts);
    // Each decision on the rectification is added: 继续整改 with its new deadline, then the outcome.
    const overdue = crit({ deadline: "2025-07-08", today: "2025-07-09" });
    const ext = okNext(criticismMachine.transition("overdue", { type: "extend", deadline: "2025-07-31" }, overdue));
    const extended = { kind: "extended", decidedOn: "2025-07-09", extendedTo: "2025-07-31" } as const;
    expect(ext.effects).toContainEqual({ type: "recordCircularOutcome", clause: "GZ-4.4a.0", outcome: extended });
    const accepted = okNext(criticismMachine.transition("responded", { type: "acceptResponse" }, crit({ today: "2025-07-20" })));
    expect(accepted.effects).toContainEqual({ type: "recordCircularOutcome", clause: "GZ-4.4a.0", outcome: { kind: "rectified", decidedOn: "2025-07-20" } });
    const cancelled = okNext(criticismMachine.transition("overdue", { type: "cancelQualification", reason: "逾期仍未整改" }, overdue));
    expect(cancelled.effects).toContainEqual({ type: "recordCircularOutcome", clause: "GZ-4.4a.0", outcome: { kind: "qualificationCancelled", decidedOn: "2025-07-09" } });
    const escalated = okNext(criticismMachine.transition("overdue", { type: "escalate", clearOutGround: "GZ-4.4b.8" }, overdue));
    expect(escalated.effects).toContainEqual({ type: "recordCircularOutcome", clause: "GZ-4.4a.0", outcome: { kind: "escalated", decidedOn: "2025-07-09" } });
    const twice = withOutcome(withOutcome(c, extended), { kind: "rectified", decidedOn: "2025-07-20" });
    expect(twice.outcomes.map(circularOutcomeWord)).toEqual(["继续整改（延期至2025年7月31日）", "整改完成"]);
    expect(currentOutcome(twice)?.kind).toBe("rectified");
    // Replaying a decision adds nothing.
    expect(withOutcome(twice, extended)).toBe(twice);
    // Only packs with 通报批评 circulate: Dongguan and the sample city have none.
    expect([gz, dg, sample].map(circulationClause)).toEqual(["GZ-4.4a.0", null, null]);
  });

  it("refuses a staff-chosen deadline that is not in the future", () => {
    expect(codeOf(criticismMachine.transition("proposed", { type: "issue", deadline: "2025-06-10" }, crit()))).toBe("DEADLINE_INVALID");
  });

  it("refuses dismissing without a reason", () => {
    expect(codeOf(criticismMachine.transition("proposed", { type: "dismiss", reason: "" }, crit()))).toBe("REASON_REQUIRED");
    expect(okNext(criticismMachine.transition("proposed", { type: "dismiss", reason: "已说明原因" }, crit())).next).toBe("dismissed");
  });

  it("the unit responds with a rectification report before the deadline, staff accept or return it", () => {
    const c = crit({ deadline: "2025-07-08", today: "2025-07-08" });
    expect(codeOf(criticismMachine.transition("issued", { type: "respond", documentId: "" }, c))).toBe("EVIDENCE_REQUIRED");
    expect(okNext(criticismMachine.transition("issued", { type: "respond", documentId: "doc1" }, c)).next).toBe("responded");
    expect(codeOf(criticismMachine.transition("responded", { type: "returnResponse", comment: "" }, c))).toBe("COMMENT_REQUIRED");
    expect(okNext(criticismMachine.transition("responded", { type: "returnResponse", comment: "整改不到位" }, c)).next).toBe("issued");
    const done = okNext(criticismMachine.transition("responded", { type: "acceptResponse" }, c));
    expect(done.effects.filter((e) => e.type !== "recordCircularOutcome")).toEqual([{ type: "setUnitStatus", status: "listed" }]);
  });

  it("refuses a rectification report after the deadline", () => {
    expect(codeOf(criticismMachine.transition("issued", { type: "respond", documentId: "doc1" }, crit({ deadline: "2025-07-08", today: "2025-07-09" })))).toBe("DEADLINE_PASSED");
  });

  it("GZ-4.3b: an overdue rectification is continued (new deadline), or escalated to a clear-out only on a GZ-4.4b ground", () => {
    const c = crit({ deadline: "2025-07-08", today: "2025-07-09" });
    const o = okNext(criticismMachine.transition("issued", { type: "markOverdue" }, c));
    expect([o.next, o.clause]).toEqual(["overdue", "GZ-4.3b"]);
    expect(criticismMachine.allowedEvents("overdue", c).sort()).toEqual(["cancelQualification", "escalate", "extend"]);
    expect(codeOf(criticismMachine.transition("overdue", { type: "extend", deadline: "2025-07-09" }, c))).toBe("DEADLINE_INVALID");
    expect(okNext(criticismMachine.transition("overdue", { type: "extend", deadline: "2025-07-31" }, c)).next).toBe("issued");
    expect(codeOf(criticismMachine.transition("overdue", { type: "escalate", clearOutGround: "DG-10.6" }, c))).toBe("GROUND_NOT_IN_POLICY");
    const e = okNext(criticismMachine.transition("overdue", { type: "escalate", clearOutGround: "GZ-4.4b.8" }, c));
    expect(e.effects.filter((x) => x.type !== "recordCircularOutcome")).toEqual([{ type: "openClearOut", ground: "GZ-4.4b.8" }]);
  });

  it("GZ-4.3b: 取消牵引单位资格 is its own outcome — the unit leaves the list and is announced under GZ-4.3b, with no ban and no GZ-4.4b ground", () => {
    const c = crit({ ground: "GZ-4.4a.3", deadline: "2025-07-08", today: "2025-07-09" });
    // 根据实际情况和情节轻重: the decision must state the facts and severity it rests on.
    expect(codeOf(criticismMachine.transition("overdue", { type: "cancelQualification", reason: " " }, c))).toBe("REASON_REQUIRED");
    const t = okNext(criticismMachine.transition("overdue", { type: "cancelQualification", reason: "逾期两个月仍未提交整改报告，情节严重" }, c));
    expect([t.next, t.clause]).toEqual(["qualificationCancelled", "GZ-4.3b"]);
    expect(criticismMachine.isTerminal("qualificationCancelled")).toBe(true);
    const reason = "通报批评（季度考核项目实施进度滞后，没有合理说明以及有效补救措施）责令的整改未在规定时间内完成：逾期两个月仍未提交整改报告，情节严重";
    expect(t.effects).toContainEqual({ type: "setUnitStatus", status: "qualificationCancelled", ground: "GZ-4.3b" });
    expect(t.effects).toContainEqual({ type: "suspendPartnersAndCatalogue" });
    expect(t.effects).toContainEqual({ type: "publishAnnouncement", outcome: "qualificationCancelled", ground: "GZ-4.3b", reason });
    // GZ-4.3b says 取消资格, not 清退…不得重新申请纳入: no ban, and no clear-out opened on a GZ-4.4b ground.
    expect(t.effects.map((e) => e.type)).not.toContain("banUscc");
    expect(t.effects.map((e) => e.type)).not.toContain("openClearOut");
    // Only an overdue rectification can end this way.
    expect(codeOf(criticismMachine.transition("issued", { type: "cancelQualification", reason: "x" }, c))).toBe("EVENT_NOT_ALLOWED");
  });

  it("refuses marking overdue before the deadline has passed", () => {
    expect(codeOf(criticismMachine.transition("issued", { type: "markOverdue" }, crit({ deadline: "2025-07-08", today: "2025-07-08" })))).toBe("DEADLINE_NOT_PASSED");
  });

  it("refuses events from the wrong state", () => {
    expect(codeOf(criticismMachine.transition("accepted", { type: "markOverdue" }, crit()))).toBe("EVENT_NOT_ALLOWED");
  });
});

describe("clear-out (GZ-4.4b, DG-10)", () => {
  const open = (ground: string, pack = gz, evidence: { description: string; documentId?: string }[] = ev) =>
    decideOpening({ kind: "clearOut", ground, evidence }, pack);

  it("GZ-4.4b.1: a unit's own exit request is a ground and must be backed by its written request", () => {
    expect(codeOf(open("GZ-4.4b.1"))).toBe("EVIDENCE_REQUIRED");
    expect(codeOf(open("GZ-4.4b.1", gz, [{ description: "单位来函申请退出", documentId: "d9" }]))).toBe("ok");
  });

  it("GZ-4.4b.2: not taking part in the evaluation opens a clear-out proposal", () => {
    const t = open("GZ-4.4b.2", gz, [{ description: "2025-Q2 未报送材料，未参加绩效评价" }]);
    expect(t.ok && t.effects).toEqual([{ type: "setUnitStatus", status: "clearOutProposed" }]);
  });

  it("GZ-4.4b.3: two failed evaluations in total open a clear-out proposal", () => {
    expect(codeOf(open("GZ-4.4b.3", gz, [{ description: "累计第 2 次绩效评价不达标" }]))).toBe("ok");
  });

  it("GZ-4.4b.4: legal termination is a ground and still goes through the bureau meeting", () => {
    expect(codeOf(open("GZ-4.4b.4"))).toBe("ok");
    expect(codeOf(clearOutMachine.transition("proposed", { type: "takeEffect" }, co(gz, "GZ-4.4b.4")))).toBe("BUREAU_MEETING_REQUIRED");
  });

  it("GZ-4.4b.5: forged materials need stated evidence", () => {
    expect(codeOf(open("GZ-4.4b.5", gz, []))).toBe("EVIDENCE_REQUIRED");
    expect(codeOf(open("GZ-4.4b.5"))).toBe("ok");
  });

  it("GZ-4.4b.6: leaking enterprise secrets leads, once effective, to a ban by USCC", () => {
    expect(codeOf(open("GZ-4.4b.6"))).toBe("ok");
    const t = okNext(clearOutMachine.transition("confirmed", { type: "takeEffect" }, co(gz, "GZ-4.4b.6")));
    expect(t.effects).toContainEqual({ type: "banUscc", ground: "GZ-4.4b.6" });
    // Issue 18.1: the unit is told (and mailed) that the clear-out is in effect, never to re-apply.
    const told = t.effects.find((e) => e.type === "notifyUnit");
    expect(told && "message" in told ? told.message : "").toMatch(/^依据 GZ-4\.4b\.6（泄露.*），自 \d{4}年\d+月\d+日 起对你单位予以清退，且不得重新申请纳入。$/);
  });

  it("GZ-4.4b.7: improper fees are a Guangzhou ground that Dongguan's regulation does not have", () => {
    expect(codeOf(open("GZ-4.4b.7"))).toBe("ok");
    expect(codeOf(open("GZ-4.4b.7", dg))).toBe("GROUND_NOT_IN_POLICY");
  });

  it("GZ-4.4b.8: 'otherwise unfit' is a ground (also reached by escalating an overdue rectification)", () => {
    expect(codeOf(open("GZ-4.4b.8"))).toBe("ok");
    expect(codeOf(open("GZ-4.4a.2"))).toBe("GROUND_NOT_IN_POLICY");
  });

  it("GZ-4.4b.9: a Guangzhou clear-out takes effect only after the bureau meeting confirms it", () => {
    expect(codeOf(clearOutMachine.transition("proposed", { type: "takeEffect" }, co()))).toBe("BUREAU_MEETING_REQUIRED");
    expect(clearOutMachine.allowedEvents("proposed", co()).sort()).toEqual(["dismiss", "recordBureauMeeting"]);
    const m = okNext(clearOutMachine.transition("proposed", { type: "recordBureauMeeting", heldOn: "2025-06-09", minutesDocumentId: "m1", decision: "confirmed" }, co()));
    expect([m.next, m.clause]).toEqual(["confirmed", "GZ-4.4b.9"]);
    expect(okNext(clearOutMachine.transition("confirmed", { type: "takeEffect" }, co())).next).toBe("effective");
  });

  it("refuses a bureau-meeting record without minutes or dated in the future", () => {
    expect(codeOf(clearOutMachine.transition("proposed", { type: "recordBureauMeeting", heldOn: "2025-06-09", minutesDocumentId: "", decision: "confirmed" }, co()))).toBe("MEETING_RECORD_REQUIRED");
    expect(codeOf(clearOutMachine.transition("proposed", { type: "recordBureauMeeting", heldOn: "2025-06-11", minutesDocumentId: "m1", decision: "confirmed" }, co()))).toBe("MEETING_RECORD_REQUIRED");
  });

  it("a bureau meeting that rejects the proposal drops it and restores the unit", () => {
    const t = okNext(clearOutMachine.transition("proposed", { type: "recordBureauMeeting", heldOn: "2025-06-09", minutesDocumentId: "m1", decision: "rejected" }, co()));
    expect(t.next).toBe("dropped");
    expect(t.effects).toEqual([{ type: "setUnitStatus", status: "listed" }]);
  });

  it("refuses dismissing a proposal without a reason, and announcing before it is effective", () => {
    expect(codeOf(clearOutMachine.transition("proposed", { type: "dismiss", reason: "" }, co()))).toBe("REASON_REQUIRED");
    expect(okNext(clearOutMachine.transition("proposed", { type: "dismiss", reason: "经核实不属实" }, co())).next).toBe("dismissed");
    expect(codeOf(clearOutMachine.transition("proposed", { type: "announce" }, co()))).toBe("EVENT_NOT_ALLOWED");
  });

  it("GZ-4.5: when a clear-out takes effect the public announcement is created, then recorded as announced", () => {
    const t = okNext(clearOutMachine.transition("confirmed", { type: "takeEffect" }, co()));
    expect(t.effects).toContainEqual({ type: "publishAnnouncement", outcome: "clearOut", ground: "GZ-4.4b.5", reason: "伪造资料、弄虚作假" });
    const a = okNext(clearOutMachine.transition("effective", { type: "announce" }, co()));
    expect([a.next, a.clause]).toEqual(["announced", "GZ-4.5"]);
  });

  it("DG-10.1: a Dongguan unit's own exit request needs its written request", () => {
    expect(codeOf(open("DG-10.1", dg))).toBe("EVIDENCE_REQUIRED");
    expect(codeOf(open("DG-10.1", dg, [{ description: "来函", documentId: "d1" }]))).toBe("ok");
  });

  it("DG-10.2: not taking part in the evaluation is a Dongguan ground, effective without a bureau meeting", () => {
    expect(codeOf(open("DG-10.2", dg))).toBe("ok");
    const t = okNext(clearOutMachine.transition("proposed", { type: "takeEffect" }, co(dg, "DG-10.2")));
    expect([t.next, t.clause]).toEqual(["effective", "DG-10.2"]);
  });

  it("DG-10.3: two failed evaluations are a Dongguan ground; a bureau meeting may still be recorded", () => {
    expect(codeOf(open("DG-10.3", dg))).toBe("ok");
    const m = okNext(clearOutMachine.transition("proposed", { type: "recordBureauMeeting", heldOn: "2025-06-01", minutesDocumentId: "m2", decision: "confirmed" }, co(dg, "DG-10.3")));
    expect([m.next, m.clause]).toEqual(["confirmed", "DG-10.3"]);
  });

  it("DG-10.4: legal termination is a Dongguan ground", () => {
    expect(codeOf(open("DG-10.4", dg))).toBe("ok");
  });

  it("DG-10.5: forged materials need stated evidence in Dongguan too", () => {
    expect(codeOf(open("DG-10.5", dg, []))).toBe("EVIDENCE_REQUIRED");
    expect(codeOf(open("DG-10.5", dg))).toBe("ok");
  });

  it("DG-10.6: 'otherwise unfit' is the last Dongguan ground; there is no DG-10.7", () => {
    expect(codeOf(open("DG-10.6", dg))).toBe("ok");
    expect(codeOf(open("DG-10.7", dg))).toBe("GROUND_NOT_IN_POLICY");
  });

  it("DG-11: the announcement carries the unit's reason and cites DG-11", () => {
    const t = okNext(clearOutMachine.transition("proposed", { type: "takeEffect" }, { ...co(dg, "DG-10.5"), reason: "伪造业绩材料" }));
    expect(t.effects).toContainEqual({ type: "publishAnnouncement", outcome: "clearOut", ground: "DG-10.5", reason: "伪造业绩材料" });
    expect(okNext(clearOutMachine.transition("effective", { type: "announce" }, co(dg, "DG-10.5"))).clause).toBe("DG-11");
  });

});

describe("listing and bans", () => {
  const banned = makeUscc(100);
  const listed = makeUscc(101);
  const ban = (programmeId: string, uscc = banned) => ({ uscc, programmeId, ground: programmeId === "gz-2025" ? "GZ-4.4b.5" : "DG-10.5", effectiveOn: "2025-06-10" });
  const facts = (programmeId: string, over: Partial<ListingFacts> = {}): ListingFacts => ({ programmeId, sameUscc: [], bans: [], ...over });

  it("GZ-4.3a: a new unit can be added to a running programme in a later batch", () => {
    const r = checkListing(makeUscc(102), facts("gz-2025", { bans: [ban("gz-2025")] }), gz);
    expect(r.ok && [r.clause, r.unitId]).toEqual(["GZ-4.3a", `u-${makeUscc(102)}`]);
    expect(codeOf(checkListing(listed, facts("gz-2025", { sameUscc: [{ status: "criticised" }] }), gz))).toBe("ALREADY_LISTED");
  });

  it("GZ-4.4b: a unit cleared out in Guangzhou is barred from Guangzhou's list only — Dongguan may still list it (checked by USCC)", () => {
    const r = checkListing(` ${banned} `, facts("gz-2025", { bans: [ban("gz-2025")] }), gz);
    expect(codeOf(r)).toBe("USCC_BANNED");
    // The refusal names the ground and the date of the clear-out.
    expect(!r.ok && r.message).toBe(`该单位已被本专项清退，不得重新申请纳入本专项名单：${banned} 已于 2025-06-10 依据 GZ-4.4b.5（伪造资料、弄虚作假）清退`);
    // 不得重新申请纳入 that city's list: Guangzhou's ban does not reach Dongguan's programme.
    const inDg = checkListing(banned, facts("dg-2025", { bans: [ban("gz-2025")] }), dg);
    expect(inDg.ok && inDg.clause).toBe("DG-2");
    // A clear-out recorded on the programme's own unit bars as much as the ban record.
    expect(codeOf(checkListing(banned, facts("gz-2025", { sameUscc: [{ status: "clearedOut" }] }), gz))).toBe("USCC_BANNED");
    expect(codeOf(checkListing("91350100M000100Y44", facts("gz-2025"), gz))).toBe("USCC_CHECK");
  });

  it("DG-10: a unit cleared out in Dongguan is barred from Dongguan's list, not from Guangzhou's", () => {
    expect(codeOf(checkListing(banned, facts("dg-2025", { bans: [ban("dg-2025")] }), dg))).toBe("USCC_BANNED");
    const inGz = checkListing(banned, facts("gz-2025", { bans: [ban("dg-2025")] }), gz);
    expect(inGz.ok && inGz.clause).toBe("GZ-4.3a");
  });

  it("GZ-4.3b: a unit whose qualification was cancelled is not banned; listed again it gets a new record, the old one kept", () => {
    const r = checkListing(banned, facts("gz-2025", { sameUscc: [{ status: "qualificationCancelled" }] }), gz);
    expect(r.ok && r.unitId).toBe(`u-${banned}-2`);
    const again = checkListing(banned, facts("gz-2025", { sameUscc: [{ status: "qualificationCancelled" }, { status: "withdrawn" }] }), gz);
    expect(again.ok && again.unitId).toBe(`u-${banned}-3`);
  });
});

describe("partner removal (DG-16)", () => {
  const open = (ground: string, evidence: { description: string; documentId?: string }[] = ev) =>
    decideOpening({ kind: "partnerRemoval", ground, evidence }, dg);
  const pr = (ground: string) => ({ ...base(dg), ground });

  it("DG-16.1: a partner's voluntary exit needs its written request", () => {
    expect(codeOf(open("DG-16.1"))).toBe("EVIDENCE_REQUIRED");
    expect(codeOf(open("DG-16.1", [{ description: "合作伙伴来函", documentId: "d2" }]))).toBe("ok");
  });

  it("DG-16.2: an order to drop the partner follows the unresolved-complaints ground", () => {
    expect(codeOf(open("DG-16.2"))).toBe("ok");
    const o = okNext(partnerRemovalMachine.transition("proposed", { type: "order" }, pr("DG-16.2")));
    expect([o.next, o.clause]).toEqual(["ordered", "DG-16.2"]);
    expect(o.effects).toContainEqual({ type: "setPartnerStatus", status: "removalOrdered" });
  });

  it("DG-16.3: the dissatisfied-ratings ground ends with the partner removed and the published partner list changed accordingly (相应变更)", () => {
    expect(codeOf(open("DG-16.3"))).toBe("ok");
    const r = okNext(partnerRemovalMachine.transition("ordered", { type: "confirmRemoved" }, pr("DG-16.3")));
    expect([r.next, r.clause, r.effects]).toEqual(["removed", "DG-16.3", [{ type: "setPartnerStatus", status: "removed" }, { type: "publishPartnerList" }]]);
  });

  it("DG-16.4: legal termination of the partner is a ground", () => {
    expect(codeOf(open("DG-16.4"))).toBe("ok");
  });

  it("DG-16.5: forged materials need stated evidence", () => {
    expect(codeOf(open("DG-16.5", []))).toBe("EVIDENCE_REQUIRED");
    expect(codeOf(open("DG-16.5"))).toBe("ok");
  });

  it("DG-16.6: 'otherwise unfit' is a ground; staff may dismiss a proposal only with a reason", () => {
    expect(codeOf(open("DG-16.6"))).toBe("ok");
    expect(codeOf(partnerRemovalMachine.transition("proposed", { type: "dismiss", reason: "" }, pr("DG-16.6")))).toBe("REASON_REQUIRED");
    expect(codeOf(partnerRemovalMachine.transition("proposed", { type: "confirmRemoved" }, pr("DG-16.6")))).toBe("EVENT_NOT_ALLOWED");
  });
});

describe("evaluation approval", () => {
  it("GZ-3.4.2: a conclusion is final only when staff approve it, and not while judged parts are unscored", () => {
    const ctx = { ...base(gz), missingJudged: ["服务能力与履职情况"] };
    expect(codeOf(evaluationMachine.transition("draft", { type: "approve" }, ctx))).toBe("JUDGED_SCORES_MISSING");
    expect(evaluationMachine.allowedEvents("draft", ctx)).toEqual([]);
    const t = okNext(evaluationMachine.transition("draft", { type: "approve" }, { ...ctx, missingJudged: [] }));
    expect([t.next, t.clause]).toEqual(["approved", "GZ-3.4.2"]);
  });

  it("GZ-3.4.2: an approved conclusion is final — the machine declares it terminal and allows nothing from it", () => {
    const ctx = { ...base(gz), missingJudged: [] };
    expect(evaluationMachine.isTerminal("approved")).toBe(true);
    expect(evaluationMachine.isTerminal("draft")).toBe(false);
    expect(evaluationMachine.allowedEvents("approved", ctx)).toEqual([]);
    expect(codeOf(evaluationMachine.transition("approved", { type: "approve" }, ctx))).toBe("EVENT_NOT_ALLOWED");
  });
});

describe("proceedings own their final states", () => {
  // A state is final exactly when no rule of the machine leaves it: what the machine declares and
  // what its table does cannot drift apart.
  const leaves = (table: Record<string, readonly { from: readonly string[] }[]>, state: string) => Object.values(table).some((rules) => rules.some((r) => r.from.includes(state)));
  it.each([
    ["通报批评", criticismMachine, criticismStates, ["dismissed", "accepted", "qualificationCancelled", "escalated"]],
    ["清退", clearOutMachine, clearOutStates, ["dismissed", "dropped", "announced"]],
    ["取消合作伙伴", partnerRemovalMachine, partnerRemovalStates, ["dismissed", "removed"]],
  ] as const)("%s: the declared final states are the ones no event leaves", (_name, machine, states, final) => {
    expect([...machine.terminal].sort()).toEqual([...final].sort());
    for (const state of states) {
      expect(machine.isTerminal(state as never), state).toBe(!leaves(machine.table as never, state));
    }
  });

  it("a decided proceeding is asked of its own machine, and offers no further event", () => {
    const ctx = { ...base(gz), calendar };
    const p = (kind: Proceeding["kind"], state: string) => ({ kind, state, unitId: "u", ground: "GZ-4.4b.5", evidence: [], automatic: false, openedOn: "2025-06-01", openedBy: { uid: "s", role: "staff" }, extensions: [], partnerId: "p" }) as unknown as Proceeding;
    expect(proceedingMachine(p("clearOut", "announced"), ctx).isTerminal()).toBe(true);
    expect(proceedingMachine(p("clearOut", "announced"), ctx).allowedEvents()).toEqual([]);
    expect(proceedingMachine(p("criticism", "accepted"), ctx).isTerminal()).toBe(true);
    expect(proceedingMachine(p("criticism", "issued"), ctx).isTerminal()).toBe(false);
    expect(proceedingMachine(p("clearOut", "proposed"), ctx).allowedEvents().sort()).toEqual(["dismiss", "recordBureauMeeting"]);
    expect(codeOf(proceedingMachine(p("criticism", "proposed"), ctx).transition({ type: "takeEffect" }))).toBe("EVENT_NOT_ALLOWED");
  });
});
