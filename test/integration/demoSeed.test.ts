// The lived-in demo `npm start` seeds lives in the present (issue 16.9): seeded today, its notice is
// open today and the public can object to it through the real callable; the notice cycle leaves it
// open until its end and closes it the day after; the open periods are the current ones. Issue 14:
// it shows a late-but-accepted Guangzhou report (to staff and to the unit), a 通报 the units and the
// public read, and a Dongguan ranking still provisional (暂定) because one evaluation awaits approval.
import { initializeApp } from "firebase/app";
import { collection, connectFirestoreEmulator, doc, getDoc, getDocs, getFirestore, query, where } from "firebase/firestore";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDays, shanghaiDate } from "../../functions/src/domain/dates.js";
import { periodOf } from "../../functions/src/domain/periods.js";
import { collections } from "../../functions/src/store/collections.js";
import { productionDeps } from "../../functions/src/usecases/deps.js";
import { runNoticeCycle } from "../../functions/src/usecases/runNoticeCycle.js";
import { setTriggers } from "../../scripts/bench/fixtures.js";
import { seedDemo, seedLivedIn } from "../../scripts/demo/seed.js";
import { account, DEMO_PASSWORD } from "../../scripts/demo/accounts.js";
import { admin, anonymousCall, clearFirestore, closeClients, hostPort, PROJECT_ID, signedInClient } from "../support/emulators.js";

const today = shanghaiDate(new Date());
const NOTICE = "demo-notice-open";

beforeAll(async () => {
  await clearFirestore();
  await seedDemo(admin());
  // The demo's reports and evaluations are generated consistent; with triggers on, their ~70
  // report writes would keep functions busy into the next test file's fresh database.
  await setTriggers(false);
  try {
    await seedLivedIn(admin(), today);
  } finally {
    await setTriggers(true);
  }
}, 180_000);
afterAll(closeClients);

/** A browser with no account: what the public page can read. */
function publicDb() {
  const db = getFirestore(initializeApp({ apiKey: "demo-api-key", projectId: PROJECT_ID }, "demo-seed-public"));
  const f = hostPort("FIRESTORE_EMULATOR_HOST");
  connectFirestoreEmulator(db, f.host, f.port);
  return db;
}

describe("the lived-in demo, seeded today", () => {
  it("GZ-4.6.3 / DG-14: each programme's notice is open today, around today's date", async () => {
    for (const p of ["gz-2025", "dg-2025"]) {
      const n = (await collections.notices(p).doc(NOTICE).get()).data()!;
      expect(n.state).toBe("open");
      expect(n.startsOn <= today && today <= n.endsOn, `${p}: ${n.startsOn}…${n.endsOn}, today ${today}`).toBe(true);
    }
  });

  it("the public files an objection to the seeded notice through the callable", async () => {
    const r = await anonymousCall<{ objectionId: string }>("fileObjection", { programmeId: "gz-2025", noticeId: NOTICE, name: "演示市民", contact: "020-83331234", text: "请核查该合作伙伴的服务记录。" });
    expect(r.objectionId).toBeTruthy();
    expect((await collections.objections("gz-2025", NOTICE).doc(r.objectionId).get()).data()).toMatchObject({ state: "pending" });
  });

  it("the notice cycle leaves the notice open through its end and closes it the day after", async () => {
    const n = (await collections.notices("dg-2025").doc(NOTICE).get()).data()!;
    const cycle = (asOf: string) => runNoticeCycle(productionDeps(), { programmeId: "dg-2025", asOf });
    expect(await cycle(today)).toEqual([]);
    expect(await cycle(n.endsOn)).toEqual([]);
    expect(await cycle(addDays(n.endsOn, 1))).toEqual([expect.objectContaining({ noticeId: NOTICE, outcome: "closed" })]);
  });

  it("the open periods are this quarter in Guangzhou and this year in Dongguan", async () => {
    const open = async (p: string) => (await collections.periods(p).where("state", "==", "open").get()).docs.map((d) => d.id);
    expect(await open("gz-2025")).toEqual([periodOf(today, "quarterly")]);
    expect(await open("dg-2025")).toEqual([periodOf(today, "annual")]);
  });

  it("GZ-3.4.1 / GZ-4.4a.2: a Guangzhou report submitted after the report deadline and before the evaluation close is accepted, recorded late and scored as late — and the unit reads it so", async () => {
    const late = (await collections.reports("gz-2025").where("late", "==", true).get()).docs.map((d) => d.data());
    expect(late).toHaveLength(1);
    const r = late[0]!;
    const period = (await collections.periods("gz-2025").doc(r.periodId).get()).data()!;
    expect(r).toMatchObject({ unitId: "gz-u02", state: "accepted" });
    expect(period.state).toBe("closed");
    const deadline = period.reportDeadline!;
    expect(r.submittedOn! > deadline && r.submittedOn! <= period.evaluationCloseOn!, `${r.submittedOn} after ${deadline}, by ${period.evaluationCloseOn}`).toBe(true);
    expect(r.submittedOn! < today).toBe(true);
    // Staff see it on the evaluation: reported late (资料报送不及时), took part, not missing.
    expect((await collections.evaluations("gz-2025").doc(`gz-u02_${r.periodId}`).get()).data()).toMatchObject({ reporting: "late", participated: true, state: "approved" });
    // The unit's own member reads its report with the late mark (the portal's 往期报告).
    const member = await signedInClient(account("member-gz-02").email, DEMO_PASSWORD);
    const own = await getDocs(query(collection(member.db, "programmes/gz-2025/reports"), where("unitId", "==", "gz-u02")));
    expect(own.docs.map((d) => d.data()).filter((x) => x.late)).toEqual([expect.objectContaining({ periodId: r.periodId, state: "accepted", submittedOn: r.submittedOn })]);
  });

  it("GZ-4.4a.0: an issued criticism is circulated as a 通报 that another unit reads in its portal and the public reads on the public page", async () => {
    const circulars = (await collections.circulars("gz-2025").get()).docs;
    expect(circulars.length).toBeGreaterThan(0);
    const [first] = circulars;
    const member = await signedInClient(account("member-gz-01").email, DEMO_PASSWORD);
    const seen = (await getDoc(doc(member.db, `programmes/gz-2025/circulars/${first!.id}`))).data();
    expect(seen).toMatchObject({ unitName: expect.any(String), rectificationDeadline: expect.any(String) });
    expect(seen!.unitId).not.toBe("gz-u01");
    const pub = await getDocs(collection(publicDb(), "programmes/gz-2025/publicCirculars"));
    expect(pub.docs.map((d) => d.id).sort()).toEqual(circulars.map((d) => d.id).sort());
    expect(pub.docs[0]!.data()).toMatchObject({ unitName: expect.any(String), rectificationDeadline: expect.any(String) });
  });

  it("DG-8 / DG-9.2: last year's Dongguan ranking is provisional (暂定) while an evaluation awaits approval, and nobody is listed for interview yet", async () => {
    const closed = (await collections.periods("dg-2025").where("state", "==", "closed").get()).docs.map((d) => d.id);
    expect(closed).toHaveLength(1);
    const periodId = closed[0]!;
    expect((await collections.rankings("dg-2025").doc(periodId).get()).data()).not.toHaveProperty("finalAt");
    const drafts = await collections.evaluations("dg-2025").where("periodId", "==", periodId).where("state", "==", "draft").get();
    expect(drafts.size).toBeGreaterThan(0);
    expect((await collections.interviews("dg-2025").get()).size).toBe(0);
    expect((await collections.notifications("dg-2025").get()).docs.filter((d) => d.id.includes(periodId))).toEqual([]);
    // Guangzhou's closed quarters, all approved, are final.
    for (const d of (await collections.periods("gz-2025").where("state", "==", "closed").get()).docs) {
      expect((await collections.rankings("gz-2025").doc(d.id).get()).data()).toHaveProperty("finalAt");
    }
  });
});
