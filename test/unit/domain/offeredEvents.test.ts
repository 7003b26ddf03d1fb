// What a page offers on a record comes from the record's machine (eventsFrom), not from a list of
// states written in the page: a reviewer is offered 通过/退回 only on a report the table lets staff
// decide, approval only on a draft evaluation, and nothing on a record already decided.
import { describe, expect, it } from "vitest";
import { changeMachine } from "../../../functions/src/domain/change.machine.js";
import { evaluationMachine } from "../../../functions/src/domain/evaluation.machine.js";
import { reportMachine } from "../../../functions/src/domain/report.machine.js";

describe("the events a page offers, read from the machines' tables", () => {
  it("a submitted report offers accept and return; a returned one waits for the unit; an accepted one offers nothing", () => {
    expect(reportMachine.eventsFrom("submitted").sort()).toEqual(["accept", "return"]);
    expect(reportMachine.eventsFrom("returned")).toEqual(["resubmit"]);
    expect(reportMachine.eventsFrom("accepted")).toEqual([]);
  });

  it("a submitted change offers approve, return and reject; one in notice only what the notice decides; a final one nothing", () => {
    expect(changeMachine.eventsFrom("submitted").sort()).toEqual(["approve", "reject", "return"]);
    expect(changeMachine.eventsFrom("inNotice").sort()).toEqual(["noticeConcluded", "objectionUpheld"]);
    for (const state of changeMachine.terminal) expect(changeMachine.eventsFrom(state)).toEqual([]);
  });

  it("a draft evaluation offers approval; an approved one nothing", () => {
    expect(evaluationMachine.eventsFrom("draft")).toEqual(["approve"]);
    expect(evaluationMachine.eventsFrom("approved")).toEqual([]);
  });
});
