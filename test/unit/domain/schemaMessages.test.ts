// Every refusal a caller can get from a request schema is Chinese, including zod's own messages
// for shapes the fields do not describe (found by the bad-input tests: a list sent as nothing).
import { describe, expect, it } from "vitest";
import { judgedScoreRequestSchema, openProceedingCallSchema, reviewReportRequestSchema, submitRatingRequestSchema } from "../../../functions/src/domain/schemas/index.js";

const messages = (r: { success: boolean; error?: { issues: { message: string }[] } }) => (r.success ? [] : r.error!.issues.map((i) => i.message));

describe("request schema messages", () => {
  it.each([
    ["a rating without its list of ratings", submitRatingRequestSchema, { token: "x".repeat(43) }],
    ["a review whose reasons are null", reviewReportRequestSchema, { programmeId: "gz-2025", reportId: "gz-u01_2025-Q3", decision: "return", reasons: null }],
    ["a score without methods", judgedScoreRequestSchema, { programmeId: "gz-2025", evaluationId: "gz-u01_2025-Q3", partId: "satisfaction", score: 3 }],
    ["complaint ids sent as an object", openProceedingCallSchema, { programmeId: "gz-2025", kind: "criticism", unitId: "gz-u01", ground: "GZ-4.4a.1", complaintIds: {} }],
    ["a request that is not an object", submitRatingRequestSchema, 42],
  ])("%s is refused in Chinese", (_what, schema, data) => {
    const all = messages(schema.safeParse(data));
    expect(all.length).toBeGreaterThan(0);
    for (const m of all) {
      expect(m).toMatch(/[\u4e00-\u9fff]/);
      expect(m).not.toMatch(/Invalid input|expected \w+, received/);
    }
  });
});
