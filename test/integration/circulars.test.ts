// GZ-4.4a.0 通报批评 on the emulators: a criticism issued through the proceedingEvent callable is
// circulated in the same transaction — every unit of the programme reads the 通报 (a unit of
// another programme does not), the public reads its projection — and each decision on the
// rectification (继续整改, 整改完成, 取消牵引单位资格) is added to it, audited under GZ-4.4a.0.
import { deleteApp, initializeApp } from "firebase/app";
import { collection, connectFirestoreEmulator, doc, getDoc, getDocs, getFirestore } from "firebase/firestore";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { account, DEMO_PASSWORD } from "../../scripts/demo/accounts.js";
import { seedDemo } from "../../scripts/demo/seed.js";
import { addDays, shanghaiDate } from "../../functions/src/domain/dates.js";
import { collections } from "../../functions/src/store/collections.js";
import { admin, clearFirestore, closeClients, hostPort, PROJECT_ID, signedInClient } from "../support/emulators.js";
import { auditOf, seedDocument, seedUnit } from "../support/workflowFixtures.js";
import { auditClauseOffenders } from "../support/auditClauses.js";

const GZ = "gz-2025";
type Client = Awaited<ReturnType<typeof signedInClient>>;
let staff: Client;
let otherUnit: Client;
let dgUnit: Client;
const today = () => shanghaiDate(new Date());

const step = (programmeId: string, proceedingId: string, event: Record<string, unknown>) => staff.call("proceedingEvent", { programmeId, proceedingId, event });
const circular = async (id: string) => (await collections.circulars(GZ).doc(id).get()).data();

/** Opens and issues a Guangzhou criticism on `unitId`. */
async function issue(unitId: string, ground: string, facts: string[]) {
  const { proceedingId } = await staff.call<{ proceedingId: string }>("openProceeding", { programmeId: GZ, kind: "criticism", unitId, ground, evidence: facts.map((description) => ({ description })) });
  await step(GZ, proceedingId, { type: "issue" });
  return proceedingId;
}

/** The rectification deadline passes, as it would over time; staff mark the criticism overdue. */
async function makeOverdue(proceedingId: string) {
  const ref = collections.proceedings(GZ).doc(proceedingId);
  const p = (await ref.get()).data()!;
  await ref.set({ ...p, rectificationDeadline: addDays(today(), -1) } as typeof p);
  await step(GZ, proceedingId, { type: "markOverdue" });
}

/** Anonymous public reader (no account), as the public notices page. */
async function publicCirculars(programmeId: string) {
  const app = initializeApp({ apiKey: "demo-api-key", projectId: PROJECT_ID }, `public-circulars-${Date.now()}`);
  const db = getFirestore(app);
  const f = hostPort("FIRESTORE_EMULATOR_HOST");
  connectFirestoreEmulator(db, f.host, f.port);
  try {
    return (await getDocs(collection(db, `programmes/${programmeId}/publicCirculars`))).docs.map((d) => ({ id: d.id, ...d.data() }) as Record<string, unknown> & { id: string });
  } finally {
    await deleteApp(app);
  }
}

describe("通报批评 is circulated (GZ-4.4a.0)", () => {
  beforeAll(async () => {
    await clearFirestore();
    await seedDemo(admin());
    staff = await signedInClient(account("staff-gz").email, DEMO_PASSWORD);
    otherUnit = await signedInClient(account("member-gz-02").email, DEMO_PASSWORD);
    dgUnit = await signedInClient(account("member-dg-01").email, DEMO_PASSWORD);
  });
  afterAll(closeClients);

  it("GZ-4.4a.0: an issued criticism is read by another unit of the programme and by the public, with ground, facts and deadline; a Dongguan unit cannot read it; the extension and then the accepted rectification are added", async () => {
    const proceedingId = await issue("gz-u01", "GZ-4.4a.5", ["未履行绩效任务书约定的诊断职责", "多次未按约定上门服务"]);
    const deadline = (await collections.proceedings(GZ).doc(proceedingId).get()).data()!;
    const expected = { unitName: "穗链智造科技（演示）有限公司", ground: "GZ-4.4a.5", groundWord: "违背诚信原则，不履行职责", facts: ["未履行绩效任务书约定的诊断职责", "多次未按约定上门服务"], issuedOn: today(), outcomes: [], clause: "GZ-4.4a.0" };
    expect(await circular(proceedingId)).toMatchObject({ ...expected, unitId: "gz-u01", proceedingId, rectificationDeadline: deadline.kind === "criticism" ? deadline.rectificationDeadline : "" });

    // Another unit of the programme reads it (the portal lists every circular, not only its own).
    const seen = (await getDocs(collection(otherUnit.db, `programmes/${GZ}/circulars`))).docs.find((d) => d.id === proceedingId);
    expect(seen?.data()).toMatchObject(expected);
    // A unit of another programme does not.
    await expect(getDoc(doc(dgUnit.db, `programmes/${GZ}/circulars/${proceedingId}`))).rejects.toMatchObject({ code: "permission-denied" });
    await expect(getDocs(collection(dgUnit.db, `programmes/${GZ}/circulars`))).rejects.toMatchObject({ code: "permission-denied" });
    // The public page reads the projection: the same 通报, without the internal ids.
    const published = (await publicCirculars(GZ)).find((c) => c.id === proceedingId);
    expect(published).toMatchObject(expected);
    expect(published).not.toHaveProperty("unitId");
    expect(published).not.toHaveProperty("proceedingId");

    // 继续整改: the new deadline is added to the 通报.
    await makeOverdue(proceedingId);
    const extendedTo = addDays(today(), 15);
    await step(GZ, proceedingId, { type: "extend", deadline: extendedTo });
    expect((await circular(proceedingId))?.outcomes).toEqual([{ kind: "extended", decidedOn: today(), extendedTo }]);

    // The unit rectifies and staff accept: 整改完成 is added, for the programme and the public.
    const member = await signedInClient(account("member-gz-01").email, DEMO_PASSWORD);
    await seedDocument(GZ, "circ-rect-1", "rectificationReport", "gz-u01");
    await member.call("respondToCriticism", { programmeId: GZ, proceedingId, documentId: "circ-rect-1" });
    await step(GZ, proceedingId, { type: "acceptResponse" });
    const outcomes = [{ kind: "extended", decidedOn: today(), extendedTo }, { kind: "rectified", decidedOn: today() }];
    expect((await circular(proceedingId))?.outcomes).toEqual(outcomes);
    expect((await getDoc(doc(otherUnit.db, `programmes/${GZ}/circulars/${proceedingId}`))).data()?.outcomes).toEqual(outcomes);
    expect((await publicCirculars(GZ)).find((c) => c.id === proceedingId)?.outcomes).toEqual(outcomes);

    const audit = await auditOf(GZ, `programmes/${GZ}/circulars/${proceedingId}`);
    expect(audit.map((a) => [a.action, a.clause])).toEqual(expect.arrayContaining([["circular.published", "GZ-4.4a.0"], ["circular.outcome", "GZ-4.4a.0"]]));
    expect(audit).toHaveLength(3);
  });

  it("GZ-4.4a.0: a cancelled qualification is added to the 通报 as its outcome", async () => {
    await seedUnit(GZ, "gz-circ-1", 880, "通报测试单位（演示）有限公司");
    const proceedingId = await issue("gz-circ-1", "GZ-4.4a.3", ["季度进度滞后且未作说明"]);
    await makeOverdue(proceedingId);
    await step(GZ, proceedingId, { type: "cancelQualification", reason: "逾期仍未提交整改报告" });
    expect((await circular(proceedingId))?.outcomes).toEqual([{ kind: "qualificationCancelled", decidedOn: today() }]);
    expect((await publicCirculars(GZ)).find((c) => c.id === proceedingId)).toMatchObject({ unitName: "通报测试单位（演示）有限公司", outcomes: [{ kind: "qualificationCancelled" }] });
  });

  it("GZ-4.4a.0: Dongguan has no 通报批评, so nothing is circulated there", async () => {
    expect((await collections.circulars("dg-2025").get()).size).toBe(0);
    expect((await collections.publicCirculars("dg-2025").get()).size).toBe(0);
  });
});

describe("audit entries cite the programme's own regulation (issue 14 item 10)", () => {
  it("GZ-2.1 / DG-5.3: every audit entry the flows above wrote cites a clause of its own programme's pack and names no other city's clause", async () => {
    const { offenders, audited } = await auditClauseOffenders();
    expect(offenders).toEqual([]);
    expect(Object.values(audited).reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
  });
});
