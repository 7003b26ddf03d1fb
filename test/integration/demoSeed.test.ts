// The lived-in demo `npm start` seeds lives in the present (issue 16.9): seeded today, its notice is
// open today and the public can object to it through the real callable; the notice cycle leaves it
// open until its end and closes it the day after; the open periods are the current ones.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDays, shanghaiDate } from "../../functions/src/domain/dates.js";
import { periodOf } from "../../functions/src/domain/periods.js";
import { collections } from "../../functions/src/store/collections.js";
import { productionDeps } from "../../functions/src/usecases/deps.js";
import { runNoticeCycle } from "../../functions/src/usecases/runNoticeCycle.js";
import { setTriggers } from "../../scripts/bench/fixtures.js";
import { seedDemo, seedLivedIn } from "../../scripts/demo/seed.js";
import { admin, anonymousCall, clearFirestore, closeClients } from "../support/emulators.js";

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
});
