// The word catalogue (domain/words.ts): every state of every machine, every event, ground and kind
// has exactly one Chinese word, and the older maps that still live elsewhere in the domain say the
// same until they read words.ts.
import { describe, expect, it } from "vitest";
import { clearOutMachine } from "../../../functions/src/domain/clearOut.machine.js";
import { criticismMachine } from "../../../functions/src/domain/criticism.machine.js";
import { partnerRemovalMachine } from "../../../functions/src/domain/partnerRemoval.machine.js";
import { policyPacks } from "../../../functions/src/domain/policy/index.js";
import { changeTypeSchema, documentKindSchema, judgedMethodSchema, metricKeySchema } from "../../../functions/src/domain/policy/schema.js";
import { advanceNoticeSchema, awardSchema, interviewSchema, ratingValueSchema, roleSchema, unitInfoFieldSchema } from "../../../functions/src/domain/schemas/index.js";

import * as states from "../../../functions/src/domain/states.js";
import * as words from "../../../functions/src/domain/words.js";

const machineStates: Record<Exclude<words.StateMachineName, "complaint">, readonly string[]> = {
  unit: states.unitStates,
  report: states.reportStates,
  change: states.changeStates,
  notice: states.noticeStates,
  objection: states.objectionStates,
  criticism: states.criticismStates,
  clearOut: states.clearOutStates,
  partnerRemoval: states.partnerRemovalStates,
  evaluation: states.evaluationStates,
  period: states.periodStates,
  partner: states.partnerStates,
  catalogue: states.catalogueStates,
  acceptance: states.acceptanceStates,
  calendarFeed: states.calendarFeedStates,
};

const keys = (o: object) => Object.keys(o).sort();

describe("the word catalogue", () => {
  it.each(Object.entries(machineStates))("names every %s state, and no state that does not exist, each with its own word", (machine, list) => {
    const named = words.stateWords[machine as words.StateMachineName] as Record<string, string>;
    expect(keys(named)).toEqual([...list].sort());
    expect(new Set(Object.values(named)).size).toBe(list.length);
  });

  it("falls back to the stored value for a state it does not know", () => {
    expect(words.stateWord("clearOut", "dropped")).toBe("局务会未确认");
    expect(words.stateWord("report", "archived")).toBe("archived");
  });

  it("names every step the three proceeding machines can take", () => {
    const events = new Set([criticismMachine, clearOutMachine, partnerRemovalMachine].flatMap((m) => Object.keys(m.table)));
    expect(keys(words.proceedingEventWords)).toEqual([...events].sort());
  });

  it("names every ground of every policy pack in the regulation's words", () => {
    for (const pack of Object.values(policyPacks)) {
      for (const g of [...pack.criticismGrounds, ...pack.clearOut.grounds, ...pack.partnerRemovalGrounds]) expect(words.groundWord(g), g).not.toBe(g);
    }
    expect(words.groundWord("GZ-9.9")).toBe("GZ-9.9");
  });

  it("names every kind, type and choice the schemas allow", () => {
    expect(keys(words.documentKindWords)).toEqual([...documentKindSchema.options].sort());
    expect(keys(words.changeTypeWords)).toEqual([...changeTypeSchema.options].sort());
    expect(keys(words.metricWords)).toEqual([...metricKeySchema.options].sort());
    expect(keys(words.judgedMethodWords)).toEqual([...judgedMethodSchema.options].sort());
    expect(keys(words.unitInfoFieldWords)).toEqual([...unitInfoFieldSchema.options].sort());
    expect(keys(words.ratingWords)).toEqual([...ratingValueSchema.options].sort());
    expect(keys(words.roleWords)).toEqual([...roleSchema.options].sort());
    expect(keys(words.interviewKindWords)).toEqual([...interviewSchema.shape.kind.options].sort());
    expect(keys(words.awardKindWords)).toEqual([...awardSchema.shape.kind.options].sort());
    expect(keys(words.advanceNoticeKindWords)).toEqual([...advanceNoticeSchema.shape.kind.options].sort());
    expect(keys(words.advanceNoticeSubjectWords)).toEqual([...advanceNoticeSchema.shape.subject.options].sort());
  });
});

describe("periods and dates as people say them", () => {
  it("names quarters, halves and years in Chinese, and leaves other ids as they are", () => {
    expect(words.periodWord("2026-Q4")).toBe("2026年第四季度");
    expect(words.periodWord("2027-Q1")).toBe("2027年第一季度");
    expect(words.periodWord("2026-H1")).toBe("2026年上半年");
    expect(words.periodWord("2026-H2")).toBe("2026年下半年");
    expect(words.periodWord("2026")).toBe("2026年度");
    expect(words.periodWord("2026-Q5")).toBe("2026-Q5");
  });
  it("writes dates as 2026年11月27日", () => {
    expect(words.dateWord("2026-11-27")).toBe("2026年11月27日");
    expect(words.dateWord("2027-01-05")).toBe("2027年1月5日");
    expect(words.dateWord("soon")).toBe("soon");
  });
});
