import { describe, expect, it } from "vitest";
import { changeMachine } from "../../../functions/src/domain/change.machine.js";
import { clearOutMachine } from "../../../functions/src/domain/clearOut.machine.js";
import { criticismMachine } from "../../../functions/src/domain/criticism.machine.js";
import { shanghaiDate } from "../../../functions/src/domain/dates.js";
import { evaluationMachine } from "../../../functions/src/domain/evaluation.machine.js";
import { noticeMachine } from "../../../functions/src/domain/notice.machine.js";
import { partnerRemovalMachine } from "../../../functions/src/domain/partnerRemoval.machine.js";
import { periodOf } from "../../../functions/src/domain/periods.js";
import { reportMachine } from "../../../functions/src/domain/report.machine.js";
import { unitMachine } from "../../../functions/src/domain/unit.machine.js";
import { calendar, codeOf, gz } from "./fixtures.js";

// One step of each machine that would succeed while the programme runs.
const closed = { pack: gz, today: "2026-03-02", programmeEndsOn: "2026-02-27" };
const steps: [string, () => { ok: boolean }][] = [
  ["unit", () => unitMachine.transition("listed", { type: "withdraw", reason: "录入错误" }, closed)],
  ["report", () => reportMachine.transition("draft", { type: "submit" }, { ...closed, deadline: "2026-04-01", periodClosed: false, missingFields: [] })],
  ["change", () => changeMachine.transition("submitted", { type: "approve" }, { ...closed, changeType: "partnerAdd", missingDocuments: [] })],
  ["notice", () => noticeMachine.transition("scheduled", { type: "open" }, { ...closed, startsOn: "2026-03-01", endsOn: "2026-03-09", pendingObjectionIds: [] })],
  ["criticism", () => criticismMachine.transition("proposed", { type: "dismiss", reason: "不成立" }, { ...closed, ground: "GZ-4.4a.5", calendar })],
  ["clearOut", () => clearOutMachine.transition("confirmed", { type: "takeEffect" }, { ...closed, ground: "GZ-4.4b.5", reason: "伪造资料" })],
  ["partnerRemoval", () => partnerRemovalMachine.transition("proposed", { type: "order" }, { ...closed, pack: gz, ground: "DG-16.2" })],
  ["evaluation", () => evaluationMachine.transition("draft", { type: "approve" }, { ...closed, missingJudged: [] })],
];

describe("every machine", () => {
  it.each(steps)("GZ-5.2: the %s machine refuses every step after the pilot's acceptance", (_name, step) => {
    expect(codeOf(step() as never)).toBe("PROGRAMME_CLOSED");
  });

  it("evaluation: refuses approving an approved evaluation", () => {
    expect(codeOf(evaluationMachine.transition("approved", { type: "approve" }, { pack: gz, today: "2025-06-10", missingJudged: [] }))).toBe("EVENT_NOT_ALLOWED");
  });

  it("criticism: refuses marking overdue when no deadline was set", () => {
    expect(codeOf(criticismMachine.transition("issued", { type: "markOverdue" }, { pack: gz, today: "2025-06-10", ground: "GZ-4.4a.2", calendar }))).toBe("DEADLINE_NOT_PASSED");
  });
});

describe("business dates from instants", () => {
  it("an instant late on 30 June UTC is already 1 July (2025-Q3) in Shanghai", () => {
    const d = shanghaiDate(new Date("2025-06-30T16:30:00Z")); // 2025-07-01 00:30 +08:00
    expect(d).toBe("2025-07-01");
    expect(periodOf(d, "quarterly")).toBe("2025-Q3");
    expect(shanghaiDate(new Date("2025-06-30T15:59:59Z"))).toBe("2025-06-30");
  });
});
