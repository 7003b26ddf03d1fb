// GZ-5.2 / DG-18: after the pilot's acceptance the programme is read-only for every function
// that writes, not only for the state machines: listing a unit, complaints, rating links and
// ratings, advance notices, uploads, the pilot-enterprise list, interviews, awards — and the
// period close leaves the programme's periods as they are. Reads and exports still work.
import { doc, getDoc } from "firebase/firestore";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeUscc } from "../../functions/src/domain/uscc.js";
import { collections } from "../../functions/src/store/collections.js";
import { closeDuePeriods } from "../../functions/src/usecases/closeDuePeriods.js";
import { productionDeps } from "../../functions/src/usecases/deps.js";
import { account, DEMO_PASSWORD } from "../../scripts/demo/accounts.js";
import { seedDemo } from "../../scripts/demo/seed.js";
import { admin, anonymousCall, clearFirestore, closeClients, signedInClient } from "../support/emulators.js";
import { settledDocuments, allDocuments } from "../support/snapshot.js";
import { idToken, minimalPdf, upload } from "../support/uploads.js";
import { seedEnterprise } from "../support/workflowFixtures.js";
import { auditClauseOffenders } from "../support/auditClauses.js";

const GZ = "gz-2025";
const DG = "dg-2025";
type Client = Awaited<ReturnType<typeof signedInClient>>;
let gzStaff: Client;
let dgStaff: Client;
let member: Client;
let complaintId: string;
let surveyToken: string;

describe("programme ended", () => {
  beforeAll(async () => {
    await clearFirestore();
    await seedDemo(admin());
    await seedEnterprise(GZ, "gz-u01", "gz-e1", 330, "广州试点企业（演示）");
    gzStaff = await signedInClient(account("staff-gz").email, DEMO_PASSWORD);
    dgStaff = await signedInClient(account("staff-dg").email, DEMO_PASSWORD);
    member = await signedInClient(account("member-gz-01").email, DEMO_PASSWORD);
    // Made while the programme runs: a complaint to close and a rating link to use afterwards.
    ({ complaintId } = await gzStaff.call<{ complaintId: string }>("fileComplaint", { programmeId: GZ, unitId: "gz-u01", receivedOn: "2025-11-03", summary: "上门服务多次爽约" }));
    const { link } = await gzStaff.call<{ link: string }>("issueSurveyLink", { programmeId: GZ, enterpriseId: "gz-e1", periodId: "2025-Q3" });
    surveyToken = link.replace(/^.*\/survey\//, "");
    await collections.periods(GZ).doc("2025-Q3").set({ id: "2025-Q3", cadence: "quarterly", start: "2025-07-01", end: "2025-09-30", reportDeadline: "2025-10-20", state: "open" });
    await admin().db.doc(`programmes/${GZ}`).update({ endsOn: "2025-12-31" });
  });
  afterAll(closeClients);

  it("GZ-5.2: every writing function refuses after acceptance with the clause named, and the database is unchanged", async () => {
    const before = await settledDocuments();
    const closed = { message: expect.stringContaining("GZ-5.2") };
    await expect(gzStaff.call("createUnit", { programmeId: GZ, name: "新单位（演示）有限公司", uscc: makeUscc(99_001), listedOn: "2026-01-05", batch: "第三批" })).rejects.toMatchObject(closed);
    await expect(gzStaff.call("fileComplaint", { programmeId: GZ, unitId: "gz-u01", receivedOn: "2026-01-05", summary: "投诉" })).rejects.toMatchObject(closed);
    await expect(gzStaff.call("closeComplaint", { programmeId: GZ, complaintId, effectivelyResolved: false, resolution: "未解决" })).rejects.toMatchObject(closed);
    await expect(gzStaff.call("issueSurveyLink", { programmeId: GZ, enterpriseId: "gz-e1", periodId: "2025-Q4" })).rejects.toMatchObject(closed);
    await expect(anonymousCall("submitRating", { token: surveyToken, ratings: [{ value: "satisfied" }] })).rejects.toMatchObject(closed);
    await expect(member.call("fileAdvanceNotice", { programmeId: GZ, subject: "unit", kind: "rename", description: "拟更名", plannedOn: "2026-03-02" })).rejects.toMatchObject(closed);
    await expect(gzStaff.call("registerEnterprise", { programmeId: GZ, name: "新企业", uscc: makeUscc(99_002), servedBy: "gz-u01" })).rejects.toMatchObject(closed);
    const up = await upload(await idToken(account("member-gz-01").email), { programmeId: GZ, targetType: "unit", targetId: "gz-u01", kind: "unitExitRequest" }, { name: "申请.pdf", bytes: minimalPdf() });
    expect(up.status).toBe(409);
    expect(up.json.error?.message).toContain("GZ-5.2");
    expect(await allDocuments()).toEqual(before);
    // Nine functions each start cold here; on a busy machine that alone outlasts 30 s.
  }, 120_000);

  it("GZ-5.2: the period close leaves an ended programme's periods open as they were; a running programme (DG-18 not reached) is still closed", async () => {
    await collections.periods(DG).doc("2025").set({ id: "2025", cadence: "annual", start: "2025-01-01", end: "2025-12-31", reportDeadline: "2026-01-20", state: "open" });
    const r = await closeDuePeriods(productionDeps(), { asOf: "2026-02-06", programmeIds: [GZ, DG] });
    expect(r.runs.map((x) => `${x.programmeId}/${x.periodId}`)).toEqual([`${DG}/2025`]);
    expect((await collections.periods(GZ).doc("2025-Q3").get()).data()!.state).toBe("open");
  });

  it("DG-18: reads and exports still work after acceptance: staff read the registry, the unit reads its own record", async () => {
    await admin().db.doc(`programmes/${DG}`).update({ endsOn: "2025-06-30" });
    expect((await getDoc(doc(dgStaff.db, `programmes/${DG}/units/dg-u01`))).exists()).toBe(true);
    expect((await getDoc(doc(member.db, `programmes/${GZ}/units/gz-u01`))).exists()).toBe(true);
    await expect(dgStaff.call("recordAward", { programmeId: DG, year: 2025, kind: "excellentUnit", subjectId: "dg-u01", decidedOn: "2025-12-01" })).rejects.toMatchObject({ message: expect.stringContaining("DG-18") });
  });
});

describe("audit entries cite the programme's own regulation (issue 14 item 10)", () => {
  it("GZ-2.1 / DG-5.3: every audit entry the flows above wrote cites a clause of its own programme's pack and names no other city's clause", async () => {
    const { offenders, audited } = await auditClauseOffenders();
    expect(offenders).toEqual([]);
    expect(Object.values(audited).reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
  });
});
