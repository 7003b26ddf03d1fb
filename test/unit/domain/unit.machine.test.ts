import { describe, expect, it } from "vitest";
import { unitMachine } from "../../../functions/src/domain/unit.machine.js";
import { unitStates } from "../../../functions/src/domain/states.js";
import { base, codeOf, dg, gz, okNext } from "./fixtures.js";

describe("unit status machine", () => {
  it("GZ-1.2: a listed unit moves through criticised and rectifying back to listed", () => {
    const c = okNext(unitMachine.transition("listed", { type: "criticise", ground: "GZ-4.4a.2" }, base()));
    expect(c.next).toBe("criticised");
    expect(c.clause).toBe("GZ-4.4a.2");
    expect(okNext(unitMachine.transition("criticised", { type: "startRectification", ground: "GZ-4.4a.2" }, base())).next).toBe("rectifying");
    expect(okNext(unitMachine.transition("rectifying", { type: "rectificationAccepted", ground: "GZ-4.4a.2" }, base())).next).toBe("listed");
  });

  it("DG-2: a cleared-out unit is terminal (ban and announcement belong to the proceeding, not repeated here)", () => {
    const t = okNext(unitMachine.transition("clearOutProposed", { type: "clearOutEffective", ground: "DG-10.5" }, base(dg)));
    expect([t.next, t.clause]).toEqual(["clearedOut", "DG-10.5"]);
    expect(t.effects).toEqual([]);
    expect(unitMachine.allowedEvents("clearedOut", base(dg))).toEqual([]);
  });

  it("refuses criticism in a pack without that procedure (Dongguan)", () => {
    expect(codeOf(unitMachine.transition("listed", { type: "criticise", ground: "GZ-4.4a.2" }, base(dg)))).toBe("PROCEDURE_NOT_IN_POLICY");
  });

  it("refuses a criticism ground the pack does not list", () => {
    expect(codeOf(unitMachine.transition("listed", { type: "criticise", ground: "GZ-4.4b.3" }, base(gz)))).toBe("GROUND_NOT_IN_POLICY");
  });

  it("refuses a clear-out ground from the other city's regulation", () => {
    expect(codeOf(unitMachine.transition("listed", { type: "proposeClearOut", ground: "DG-10.3" }, base(gz)))).toBe("GROUND_NOT_IN_POLICY");
    expect(okNext(unitMachine.transition("listed", { type: "proposeClearOut", ground: "GZ-4.4b.3" }, base(gz))).next).toBe("clearOutProposed");
  });

  it("refuses events from the wrong state", () => {
    expect(codeOf(unitMachine.transition("listed", { type: "startRectification", ground: "GZ-4.4a.2" }, base()))).toBe("EVENT_NOT_ALLOWED");
    expect(codeOf(unitMachine.transition("withdrawn", { type: "criticise", ground: "GZ-4.4a.2" }, base()))).toBe("EVENT_NOT_ALLOWED");
    expect(codeOf(unitMachine.transition("listed", { type: "clearOutDropped", ground: "GZ-4.4b.3" }, base()))).toBe("EVENT_NOT_ALLOWED");
  });

  it("GZ-4.3b: an unrectified criticism ends in a cancelled qualification, final, under GZ-4.3b — Dongguan has no such outcome", () => {
    const t = okNext(unitMachine.transition("criticised", { type: "cancelQualification", ground: "GZ-4.3b" }, base(gz)));
    expect([t.next, t.clause]).toEqual(["qualificationCancelled", "GZ-4.3b"]);
    expect(unitMachine.allowedEvents("qualificationCancelled", base(gz))).toEqual([]);
    // Not from a listed unit (nothing to rectify), not under a clear-out ground, not in Dongguan.
    expect(codeOf(unitMachine.transition("listed", { type: "cancelQualification", ground: "GZ-4.3b" }, base(gz)))).toBe("EVENT_NOT_ALLOWED");
    expect(codeOf(unitMachine.transition("criticised", { type: "cancelQualification", ground: "GZ-4.4b.8" }, base(gz)))).toBe("PROCEDURE_NOT_IN_POLICY");
    expect(codeOf(unitMachine.transition("criticised", { type: "cancelQualification", ground: "GZ-4.3b" }, base(dg)))).toBe("PROCEDURE_NOT_IN_POLICY");
  });

  it("GZ-4.3a: annulling a listing needs a reason and cites dynamic adjustment", () => {
    expect(codeOf(unitMachine.transition("listed", { type: "withdraw", reason: " " }, base()))).toBe("REASON_REQUIRED");
    expect(okNext(unitMachine.transition("listed", { type: "withdraw", reason: "名单录入错误" }, base())).clause).toBe("GZ-4.3a");
  });

  it("a dropped clear-out returns the unit to listed", () => {
    expect(okNext(unitMachine.transition("clearOutProposed", { type: "clearOutDropped", ground: "GZ-4.4b.8" }, base())).next).toBe("listed");
  });

  it("GZ-5.2: after the pilot's acceptance the programme is read-only", () => {
    const ctx = { ...base(gz, "2026-03-02"), programmeEndsOn: "2026-02-27" };
    const t = unitMachine.transition("listed", { type: "criticise", ground: "GZ-4.4a.2" }, ctx);
    expect(codeOf(t)).toBe("PROGRAMME_CLOSED");
    expect(t.ok ? "" : t.message).toContain("GZ-5.2");
    expect(unitMachine.allowedEvents("listed", ctx)).toEqual([]);
    // on the acceptance day itself it is still open
    expect(codeOf(unitMachine.transition("listed", { type: "criticise", ground: "GZ-4.4a.2" }, { ...ctx, today: "2026-02-27" }))).toBe("ok");
  });

  it("DG-18: the Dongguan programme is likewise read-only after acceptance", () => {
    const ctx = { ...base(dg, "2026-03-02"), programmeEndsOn: "2026-02-27" };
    const t = unitMachine.transition("listed", { type: "proposeClearOut", ground: "DG-10.2" }, ctx);
    expect(t.ok ? "" : t.message).toContain("DG-18");
  });

  it("lists the allowed events of a listed Guangzhou unit", () => {
    expect(unitMachine.allowedEvents("listed", base()).sort()).toEqual(["criticise", "proposeClearOut", "withdraw"]);
  });
});

describe("final states", () => {
  it("GZ-4.4b / DG-10 / GZ-4.3b / GZ-4.3a: a cleared-out, cancelled or withdrawn unit is final: the machine declares it and no event leaves it", () => {
    const left = (state: string) => Object.values(unitMachine.table).some((rules) => rules.some((r) => (r.from as readonly string[]).includes(state)));
    expect(unitStates.filter((s) => unitMachine.isTerminal(s))).toEqual(["clearedOut", "qualificationCancelled", "withdrawn"]);
    expect(unitStates.filter((s) => !left(s))).toEqual(["clearedOut", "qualificationCancelled", "withdrawn"]);
  });
});
