// The thin slice that proves the harness is real: Auth emulator sign-ins with role claims,
// a client write that passes firestore.rules, and a Firestore trigger in the Functions
// emulator writing the audit entry.
import { doc, getDoc, serverTimestamp, setDoc } from "firebase/firestore";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { account, DEMO_PASSWORD } from "../../scripts/demo/accounts.js";
import { seedDemo } from "../../scripts/demo/seed.js";
import { makeCalendar } from "../../functions/src/domain/calendar.js";
import { guangzhou } from "../../functions/src/domain/policy/index.js";
import { newPeriod } from "../../functions/src/domain/reportSchedule.js";
import { appendAuditOnce, systemActor } from "../../functions/src/store/audit.js";
import { collections } from "../../functions/src/store/collections.js";
import { admin, clearFirestore, closeClients, eventually, signedInClient } from "../support/emulators.js";

describe("harness: auth, rules, trigger and audit on the emulators", () => {
  beforeAll(async () => {
    await clearFirestore();
    await seedDemo(admin());
    // A report is for an open period of the programme (issue 16.2): open 2025-Q3 as the system does.
    await collections.periods("gz-2025").doc("2025-Q3").set(newPeriod("2025-Q3", guangzhou, makeCalendar()));
  });
  afterAll(closeClients);

  it("GZ-2.1: a unit member's new report draft is recorded in the audit log by the onReportCreated trigger", async () => {
    const member = account("member-gz-01");
    const { db: client, uid } = await signedInClient(member.email, DEMO_PASSWORD);
    await setDoc(doc(client, "programmes/gz-2025/reports/gz-u01_2025-Q3"), {
      unitId: "gz-u01",
      periodId: "2025-Q3",
      state: "draft",
      metrics: {},
      updatedBy: uid,
      updatedAt: serverTimestamp(),
    });

    const { db } = admin();
    const audit = db.collection("programmes/gz-2025/audit").where("entity", "==", "programmes/gz-2025/reports/gz-u01_2025-Q3");
    const entries = await eventually(async () => {
      const snap = await audit.get();
      return snap.empty ? undefined : snap.docs;
    }, "the audit entry written by onReportCreated");
    expect(entries).toHaveLength(1);
    expect(entries[0]!.data()).toMatchObject({ action: "report.created", actor: { uid: "member-gz-01", role: "unitMember" }, clause: "GZ-2.1", after: { state: "draft", periodId: "2025-Q3", unitId: "gz-u01" } });
    expect(entries[0]!.data().at.toDate()).toBeInstanceOf(Date);
  });

  it("GZ-2.1: staff sign in with the staff claim and read their programme and its audit log", async () => {
    const staff = account("staff-gz");
    const { db: client } = await signedInClient(staff.email, DEMO_PASSWORD);
    const programme = await getDoc(doc(client, "programmes/gz-2025"));
    expect(programme.data()?.name).toBe("广州市中小企业数字化转型城市试点（演示）");
    await expect(getDoc(doc(client, "programmes/dg-2025"))).rejects.toMatchObject({ code: "permission-denied" });
  });

  it("an audit entry recorded twice under the same id is stored once (replay-safe)", async () => {
    const entry = { at: new Date(), actor: systemActor("test"), action: "test.replay", entity: "programmes/gz-2025" };
    expect(await appendAuditOnce("gz-2025", "replay-1", entry)).toBe(true);
    expect(await appendAuditOnce("gz-2025", "replay-1", entry)).toBe(false);
    const snap = await admin().db.collection("programmes/gz-2025/audit").where("action", "==", "test.replay").get();
    expect(snap.size).toBe(1);
  });
});
