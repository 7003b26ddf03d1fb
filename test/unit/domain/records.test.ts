import { describe, expect, it } from "vitest";
import { canReadDocument, isSensitiveKind } from "../../../functions/src/domain/access.js";
import { countEnterprises } from "../../../functions/src/domain/enterpriseMetrics.js";

describe("per-enterprise project records", () => {
  const records = [
    { diagnosisDone: true, levelBefore: 1, levelAfter: 2, onCloud: true, acceptance: "passed" as const },
    { diagnosisDone: true, levelBefore: 1, levelAfter: 1, acceptance: "failed" as const },
    { diagnosisDone: true, levelBefore: 2, levelAfter: 3, acceptance: "pending" as const },
    { diagnosisDone: false, acceptance: "pending" as const },
  ];

  it("GZ-2.2.5: counts enterprises reaching digital level 2 or higher among those transformed", () => {
    const c = countEnterprises(records);
    expect(c.enterprisesTransformed).toBe(3);
    expect(c.atLevel2OrAbove).toBe(2);
    expect(c.level2Share).toBeCloseTo(2 / 3);
  });

  it("DG-6.4: with nothing transformed the level-2 share is 0, not NaN", () => {
    expect(countEnterprises([{ diagnosisDone: false, acceptance: "pending" }]).level2Share).toBe(0);
  });

  it("DG-6.3: diagnoses are counted from the project records", () => {
    expect(countEnterprises(records).diagnoses).toBe(3);
  });

  it("GZ-2.2.4: a diagnosis counts only when recorded as done", () => {
    expect(countEnterprises(records.slice(3)).diagnoses).toBe(0);
  });

  it("GZ-2.2.12: acceptance outcomes are counted per enterprise", () => {
    const c = countEnterprises(records);
    expect([c.acceptancePassed, c.acceptanceFailed]).toEqual([1, 1]);
  });
});

describe("document access", () => {
  const doc = { programmeId: "gz-2025", ownerUnitId: "u1", sensitive: true };

  it("GZ-2.2.13: sensitive files are readable only by the owning unit and the programme's staff", () => {
    expect(canReadDocument(doc, { role: "staff", programmeId: "gz-2025" })).toBe(true);
    expect(canReadDocument(doc, { role: "unitMember", programmeId: "gz-2025", unitId: "u1" })).toBe(true);
    expect(canReadDocument(doc, { role: "unitMember", programmeId: "gz-2025", unitId: "u2" })).toBe(false);
    expect(canReadDocument(doc, { role: "staff", programmeId: "dg-2025" })).toBe(false);
    expect(canReadDocument(doc, { role: "public" })).toBe(false);
    expect(canReadDocument({ ...doc, sensitive: false }, { role: "enterprise" })).toBe(false);
  });

  it("GZ-2.2.13: ID copies and financial statements are classed as sensitive, a business licence is not", () => {
    expect(isSensitiveKind("legalRepIdCopy")).toBe(true);
    expect(isSensitiveKind("auditReport")).toBe(true);
    expect(isSensitiveKind("businessLicence")).toBe(false);
  });
});
