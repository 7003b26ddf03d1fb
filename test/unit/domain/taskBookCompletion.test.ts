import { describe, expect, it } from "vitest";
import { dongguan } from "../../../functions/src/domain/policy/index.js";
import { taskBookCompletion } from "../../../functions/src/domain/taskBookCompletion.js";

describe("DG-9.2: ranking by task-book completion", () => {
  it("DG-9.2: completion is the mean of each task-book target's completion, capped at 100 % per item, with its workings", () => {
    const c = taskBookCompletion("2025", { enterprisesTransformed: 20, solutions: 4, diagnoses: 10 }, { enterprisesTransformed: 10, solutions: 8, diagnoses: 10 }, dongguan.scoring);
    // 50 %, 100 % (8/4 capped), 100 % → 83.33 %
    expect(c.percent).toBe(83.33);
    expect(c.explanation).toContain("完成改造企业 50%");
  });

  it("DG-9.2: conduct (reporting, complaints) is not a task-book target, and no target means no completion", () => {
    expect(taskBookCompletion("2025", {}, { enterprisesTransformed: 3 }, dongguan.scoring).percent).toBeNull();
  });
});
