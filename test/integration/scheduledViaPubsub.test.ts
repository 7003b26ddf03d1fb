// The scheduled path end to end, as `npm start` drives it (scripts/local/scheduler.ts): a message
// on a function's firebase-schedule-* topic in the Pub/Sub emulator runs that onSchedule function
// on the Functions emulator — the handler is never called from here — with the scheduled time as
// its event time; and a run missed while stopped is published once on the next start.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDays, shanghaiDate } from "../../functions/src/domain/dates.js";
import { makeUscc } from "../../functions/src/domain/uscc.js";
import { collections } from "../../functions/src/store/collections.js";
import { seedDemo } from "../../scripts/demo/seed.js";
import { latestSlot } from "../../scripts/local/schedule.js";
import { LocalScheduler, publishRun, scheduledFunctions, topicOf, wireSchedules, type Emulators, type ScheduledFunction } from "../../scripts/local/scheduler.js";
import { admin, clearFirestore, closeClients, eventually, hostPort, PROJECT_ID } from "../support/emulators.js";

const GZ = "gz-2025";
let e: Emulators;
let jobs: ScheduledFunction[];
const job = (name: string) => jobs.find((j) => j.name === name)!;

/** A partner addition in an open notice whose end was three days ago; written without `nextDeadlineOn`. */
async function noticePastItsEnd(id: string, seq: number) {
  const today = shanghaiDate(new Date());
  await collections.changes(GZ).doc(`${id}-change`).set({ unitId: "gz-u01", type: "partnerAdd", state: "inNotice", payload: { type: "partnerAdd", name: `定时公示伙伴${seq}（演示）有限公司`, uscc: makeUscc(77_000 + seq) }, documents: [], noticeId: id, clause: "GZ-4.6.2" });
  await collections.notices(GZ).doc(id).set({ title: `定时任务公示 ${seq}`, items: [{ changeId: `${id}-change`, unitName: "穗链智造科技（演示）有限公司", summary: "新增合作伙伴" }], startsOn: addDays(today, -10), endsOn: addDays(today, -3), length: 5, unit: "workingDays", state: "open", clause: "GZ-4.6.3" });
}

const closedBy = async (id: string) => {
  const notice = (await collections.notices(GZ).doc(id).get()).data();
  if (notice?.state !== "closed") return undefined;
  const audit = (await collections.audit(GZ).where("entity", "==", `programmes/${GZ}/notices/${id}`).get()).docs.map((d) => d.data());
  return { notice, closed: audit.find((a) => a.action === "notice.closed") };
};

beforeAll(async () => {
  await clearFirestore();
  await seedDemo(admin());
  const hub = hostPort("FIREBASE_EMULATOR_HUB");
  const f = ((await (await fetch(`http://${hub.host}:${hub.port}/emulators`)).json()) as Record<string, { host: string; port: number }>).functions!;
  e = { projectId: PROJECT_ID, pubsub: process.env.PUBSUB_EMULATOR_HOST!, functions: `http://${f.host}:${f.port}` };
  jobs = await scheduledFunctions(e);
  await wireSchedules(e, jobs);
});
afterAll(closeClients);

describe("scheduled functions through the Pub/Sub emulator", () => {
  it("every onSchedule function is found with its schedule, and its topic delivers to its own trigger", async () => {
    expect(jobs.map((j) => [j.name, j.schedule, j.timeZone]).sort()).toEqual([
      ["deadlineSweep", "every day 07:00", "Asia/Shanghai"],
      ["noticeCycle", "every day 00:15", "Asia/Shanghai"],
      ["periodClose", "every day 01:00", "Asia/Shanghai"],
      ["sweepOrphanFiles", "every 60 minutes", "Asia/Shanghai"],
    ]);
    for (const j of jobs) expect(j.parsed).toBeDefined();
    const { subscriptions } = (await (await fetch(`http://${e.pubsub}/v1/projects/${PROJECT_ID}/subscriptions`)).json()) as { subscriptions: { name: string; topic: string; pushConfig: { pushEndpoint?: string } }[] };
    for (const j of jobs) {
      const pushed = subscriptions.filter((s) => s.topic.endsWith(`/topics/${topicOf(j.name)}`) && s.pushConfig.pushEndpoint);
      expect(pushed.map((s) => s.pushConfig.pushEndpoint)).toEqual([expect.stringMatching(new RegExp(`/triggers/${j.id}-\\d+$`))]);
    }
  });

  it("GZ-4.6.3: noticeCycle, published to its topic, closes a notice past its end (one without nextDeadlineOn) as of the scheduled time", async () => {
    await noticePastItsEnd("sched-notice-1", 1);
    const scheduleTime = new Date(Math.floor(Date.now() / 1000) * 1000);
    await publishRun(e, job("noticeCycle"), scheduleTime);
    const { notice, closed } = await eventually(() => closedBy("sched-notice-1"), "noticeCycle run through Pub/Sub", 90_000);
    expect(notice).toMatchObject({ state: "closed", closedOn: shanghaiDate(scheduleTime), items: [{ outcome: "published" }] });
    // The event time the function saw is the one in the message: it came through the topic.
    expect(closed).toMatchObject({ actor: { uid: "system", role: "system", name: "noticeCycle" }, at: scheduleTime, clause: "GZ-4.6.3" });
    expect((await collections.changes(GZ).doc("sched-notice-1-change").get()).data()?.state).toBe("published");
  });

  it("a run missed while stopped is published once, for the latest slot, and runs", async () => {
    await noticePastItsEnd("sched-notice-2", 2);
    const now = new Date();
    const fn = job("noticeCycle");
    const log: string[] = [];
    const scheduler = new LocalScheduler(e, [fn], { noticeCycle: addHours(now, -72).toISOString() }, (l) => log.push(l));
    const runs = await scheduler.tick(now);
    const slot = latestSlot(fn.parsed!, fn.timeZone, now);
    expect(runs).toEqual([{ name: "noticeCycle", scheduleTime: slot, catchUp: now.getTime() - slot.getTime() > 120_000 }]);
    expect(await scheduler.tick(now)).toEqual([]);
    expect(scheduler.state.noticeCycle).toBe(slot.toISOString());
    expect(log.join("\n")).toContain("firebase-schedule-noticeCycle");
    const { closed } = await eventually(() => closedBy("sched-notice-2"), "the caught-up noticeCycle run", 90_000);
    expect(closed).toMatchObject({ actor: { name: "noticeCycle" }, at: slot });
  });
});

function addHours(d: Date, h: number) {
  return new Date(d.getTime() + h * 3_600_000);
}
