// Figures come from records (GZ-2.2.4/2.2.5, DG-6.3/6.4): the report trigger counts enterprises
// transformed, the level-2 share and diagnoses from the report's per-enterprise rows, for the
// enterprises the registry lists as served by the unit, whatever number is stored for them. And
// the lag rule (GZ-4.4a.3) reads the threshold of the settings in force for the period.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemo } from "../../scripts/demo/seed.js";
import { makeCalendar } from "../../functions/src/domain/calendar.js";
import { guangzhou } from "../../functions/src/domain/policy/index.js";
import { newPeriod } from "../../functions/src/domain/reportSchedule.js";
import { initialSettingsVersion, settingsFromPack } from "../../functions/src/domain/settings.js";
import { collections } from "../../functions/src/store/collections.js";
import { admin, clearFirestore, closeClients, eventually } from "../support/emulators.js";
import { rowsFor } from "../support/reportRows.js";
import { auditClauseOffenders } from "../support/auditClauses.js";

const P = "gz-2025";
const at = (isoDateTime: string) => new Date(`${isoDateTime}+08:00`);
const evaluation = (id: string) => eventually(async () => (await collections.evaluations(P).doc(id).get()).data(), `evaluation ${id}`);
const submittedReport = (id: string) => eventually(async () => {
  const r = (await collections.reports(P).doc(id).get()).data();
  return r?.submittedOn ? r : undefined;
}, `report ${id} received`);

describe("report figures counted from the enterprise rows, and the lag threshold from the settings", () => {
  beforeAll(async () => {
    await clearFirestore();
    await seedDemo(admin());
    await collections.periods(P).doc("2025-Q3").set(newPeriod("2025-Q3", guangzhou, makeCalendar()));
    for (const unitId of ["gz-u05", "gz-u07", "gz-u08", "gz-u09"]) {
      await collections.taskBooks(P).doc(`${unitId}_2025`).set({ unitId, year: 2025, targets: { enterprisesTransformed: 20, diagnoses: 20, level2Share: 0.8 }, otherTargets: [], signedOn: "2025-02-01" });
    }
    // The work group's version 2, in force from 2025-Q3: lagging means below 80 % of what is due.
    const v1 = initialSettingsVersion(guangzhou, "2025-01-01");
    await collections.settingsVersions(P).doc("1").set(v1);
    await collections.settingsVersions(P).doc("2").set({ ...v1, version: 2, values: { ...settingsFromPack(guangzhou), progressLagFraction: 0.8 }, effectiveFrom: "2025-Q3", reason: "滞后判定线调整为按期目标的 80%" });
  });
  afterAll(closeClients);

  it("GZ-2.2.5: the submission counts enterprises transformed and the level-2 share from the rows; typed numbers for them are replaced, and a row for an enterprise the unit does not serve is not counted (DG-6.4)", async () => {
    const rows = await rowsFor(P, "gz-u05", { enterprisesTransformed: 4, diagnoses: 5, atLevel2: 3 });
    const stranger = { enterpriseId: "gz-u06-e1", progress: "别家单位服务的企业", contractSigned: true, diagnosisDone: true, levelAfter: 4 };
    await admin().db.doc(`programmes/${P}/reports/gz-u05_2025-Q3`).set({
      unitId: "gz-u05", periodId: "2025-Q3", state: "submitted",
      // Typed by hand (written past the rules, which refuse these keys from a unit): ignored.
      metrics: { enterprisesTransformed: 20, diagnoses: 40, level2Share: 1, cloudEnterprises: 2 },
      enterprises: [...rows, stranger], lagExplanation: "三家企业合同延期", updatedBy: "member-gz-u05", updatedAt: at("2025-10-15T10:00:00"),
    });
    const report = await submittedReport("gz-u05_2025-Q3");
    expect(report.metrics).toEqual({ enterprisesTransformed: 4, diagnoses: 5, level2Share: 0.75, cloudEnterprises: 2 });
    const e = await evaluation("gz-u05_2025-Q3");
    expect(e.inputs?.actuals).toEqual(report.metrics);
    expect(e.dimensions[0]!.explanation).toContain("完成改造企业 4/15");
    expect(e.dimensions[1]!.explanation).toContain("达到数字化二级及以上比例 75%/目标 80%");
    const audit = (await collections.audit(P).where("entity", "==", `programmes/${P}/reports/gz-u05_2025-Q3`).where("action", "==", "report.submitted").get()).docs.map((d) => d.data());
    expect(audit[0]!.note).toContain("未计入统计（gz-u06-e1）");
  });

  it("GZ-2.2.4: diagnoses are the rows marked diagnosed (DG-6.3: counted, never typed); no rows means 0, not a missing figure", async () => {
    await admin().db.doc(`programmes/${P}/reports/gz-u07_2025-Q3`).set({
      unitId: "gz-u07", periodId: "2025-Q3", state: "submitted", metrics: { diagnoses: 30 }, enterprises: [], lagExplanation: "尚未开展", updatedBy: "member-gz-u07", updatedAt: at("2025-10-15T10:00:00"),
    });
    const report = await submittedReport("gz-u07_2025-Q3");
    expect(report.metrics).toMatchObject({ diagnoses: 0, enterprisesTransformed: 0, level2Share: 0 });
    expect(report.missingFields).toEqual([]);
  });

  it("GZ-4.4a.3: under the settings' 80 % threshold a report at 13 of 15 due needs no explanation, one at 11 is incomplete without it (the same rule the form and the review apply)", async () => {
    // Q3 is ¾ of the year: 15 of 20 due, 80 % of that is 12. Diagnoses are as many as transformed,
    // and all at level 2 (a share is not pro-rated: 100 % against 80 %).
    const write = async (unitId: string, n: number) => {
      const enterprises = await rowsFor(P, unitId, { enterprisesTransformed: n, diagnoses: n });
      await admin().db.doc(`programmes/${P}/reports/${unitId}_2025-Q3`).set({ unitId, periodId: "2025-Q3", state: "submitted", metrics: {}, enterprises, updatedBy: `member-${unitId}`, updatedAt: at("2025-10-15T10:00:00") });
    };
    await write("gz-u08", 13);
    const onTrack = await submittedReport("gz-u08_2025-Q3");
    expect(onTrack).toMatchObject({ incomplete: false, missingFields: [] });
    await write("gz-u09", 11);
    const behind = await submittedReport("gz-u09_2025-Q3");
    expect(behind).toMatchObject({ incomplete: true, missingFields: ["进度滞后说明及补救措施"] });
  });
});

describe("audit entries cite the programme's own regulation (issue 14 item 10)", () => {
  it("GZ-2.1 / DG-5.3: every audit entry the flows above wrote cites a clause of its own programme's pack and names no other city's clause", async () => {
    const { offenders, audited } = await auditClauseOffenders();
    expect(offenders).toEqual([]);
    expect(Object.values(audited).reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
  });
});
