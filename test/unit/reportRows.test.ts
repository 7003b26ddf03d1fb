// The portal writes a report's enterprise rows so that firestore.rules, which checks at most
// three arriving rows per write (issue 16.1), takes every save.
import { describe, expect, it } from "vitest";
import { ROWS_PER_WRITE, rowSteps, storedRow, type EnterpriseProgress } from "../../web/src/portal/reportRows.js";

const row = (n: number, progress = `进展 ${n}`): EnterpriseProgress => ({ enterpriseId: `e${n}`, progress, contractSigned: false, diagnosisDone: false });
/** The rows of `after` not among `before`, compared as the rules compare maps. */
const arriving = (after: EnterpriseProgress[], before: EnterpriseProgress[]) => after.filter((a) => !before.some((b) => JSON.stringify(Object.entries(a).sort()) === JSON.stringify(Object.entries(b).sort())));

describe("report rows in writes the rules take", () => {
  it("issue 16.1: up to three new or changed rows go in one write", () => {
    const stored = [row(1), row(2)];
    expect(rowSteps([row(1, "改"), row(2), row(3), row(4)], stored)).toEqual([[row(1, "改"), row(2), row(3), row(4)]]);
    expect(rowSteps([], stored)).toEqual([[]]);
  });
  it("issue 16.1: ten changed rows go in four writes, each bringing at most three, the last being the list itself", () => {
    const stored = Array.from({ length: 8 }, (_, i) => row(i));
    const rows = [...stored.map((r, i) => (i % 2 === 0 ? { ...r, contractSigned: true } : r)), ...Array.from({ length: 6 }, (_, i) => row(20 + i))];
    const steps = rowSteps(rows, stored);
    expect(steps).toHaveLength(4);
    expect(steps.at(-1)).toEqual(rows);
    let before = stored;
    for (const step of steps) {
      expect(arriving(step, before).length).toBeLessThanOrEqual(ROWS_PER_WRITE);
      before = step;
    }
  });
  it("issue 16.1: a row keeps no empty digital level (reportSchema wants 1–4 or nothing)", () => {
    expect(storedRow({ ...row(1), levelAfter: undefined })).toEqual(row(1));
    expect(storedRow({ ...row(1), levelAfter: 3 })).toEqual({ ...row(1), levelAfter: 3 });
  });
});
