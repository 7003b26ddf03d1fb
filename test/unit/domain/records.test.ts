import { describe, expect, it } from "vitest";
import { canReadDocument, isSensitiveKind } from "../../../functions/src/domain/access.js";
import { reportMetrics, rowFigures, typedMetrics } from "../../../functions/src/domain/enterpriseMetrics.js";
import { missingReportFields } from "../../../functions/src/domain/reportChecks.js";
import { dg, gz } from "./fixtures.js";

// Figures that come from records: the report's per-enterprise rows, for the enterprises the
// registry lists as served by the unit. A typed number for one of them is not a figure.
describe("figures counted from the report's per-enterprise rows", () => {
  const served = ["e1", "e2", "e3", "e4", "e5"];
  const rows = [
    { enterpriseId: "e1", diagnosisDone: true, levelAfter: 2 },
    { enterpriseId: "e2", diagnosisDone: true, levelAfter: 1 },
    { enterpriseId: "e3", diagnosisDone: true, levelAfter: 3 },
    { enterpriseId: "e4", diagnosisDone: false },
  ];

  it("GZ-2.2.4: diagnoses are the rows recorded as diagnosed; a typed number of diagnoses is ignored", () => {
    expect(rowFigures(rows, served).diagnoses).toBe(3);
    expect(reportMetrics({ diagnoses: 40, solutions: 2 }, rows, served)).toMatchObject({ diagnoses: 3, solutions: 2 });
    expect(reportMetrics({ diagnoses: 40 }, [], served).diagnoses).toBe(0);
    // Nothing typed for it survives into what the unit saves.
    expect(typedMetrics({ diagnoses: 40, solutions: 2 })).toEqual({ solutions: 2 });
  });

  it("GZ-2.2.5: enterprises transformed are the rows with a digital level after, and the level-2 share is those at level 2 or above among them; typed numbers are ignored", () => {
    const c = rowFigures(rows, served);
    expect([c.enterprisesTransformed, c.atLevel2OrAbove]).toEqual([3, 2]);
    expect(c.level2Share).toBeCloseTo(2 / 3);
    const m = reportMetrics({ enterprisesTransformed: 20, level2Share: 1 }, rows, served);
    expect(m.enterprisesTransformed).toBe(3);
    expect(m.level2Share).toBeCloseTo(2 / 3);
    expect(typedMetrics({ enterprisesTransformed: 20, level2Share: 1, cloudEnterprises: 4 })).toEqual({ cloudEnterprises: 4 });
  });

  it("DG-6.3: a diagnosis counts only for an enterprise the unit serves, and once per enterprise", () => {
    const withStrangers = [...rows, { enterpriseId: "other-unit-e9", diagnosisDone: true, levelAfter: 4 }, { enterpriseId: "e1", diagnosisDone: true, levelAfter: 4 }];
    const c = rowFigures(withStrangers, served);
    expect(c.diagnoses).toBe(3);
    expect(c.enterprisesTransformed).toBe(3);
    expect(c.ignored).toEqual(["other-unit-e9", "e1"]);
  });

  it("DG-6.4: with nothing transformed the level-2 share is 0, not NaN, and a report is complete on its rows alone", () => {
    expect(rowFigures([{ enterpriseId: "e1", diagnosisDone: false }], served).level2Share).toBe(0);
    // The task book asks for all three figures; the unit typed none of them and none is missing.
    const metrics = reportMetrics({}, rows, served);
    expect(missingReportFields("2025", { enterprisesTransformed: 3, diagnoses: 3, level2Share: 0.6 }, { metrics }, dg)).toEqual([]);
    expect(missingReportFields("2025-Q4", { enterprisesTransformed: 3, diagnoses: 3, level2Share: 0.6 }, { metrics }, gz)).toEqual([]);
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
