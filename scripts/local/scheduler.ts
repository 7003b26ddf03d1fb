// Runs the scheduled functions locally, each on its own schedule, through the Pub/Sub emulator.
//
// Why a push subscription of our own: with a Pub/Sub emulator running, the Functions emulator of
// firebase-tools 13.35.1 creates the topic `firebase-schedule-<name>` for each onSchedule function
// and subscribes to it, but its message handler (lib/emulator/pubsubEmulator.js, onMessage) calls
// only "event" and "cloudevent" functions, while a v2 scheduled function has the "http" signature
// (functionsEmulatorShared.js, getSignatureType): it logs "Unsupported trigger signature" at debug
// level and acks. That is why a message published to the topic never ran the function; and nothing
// in the emulators publishes on a schedule anyway.
//
// So each scheduled function gets a push subscription on that same topic that delivers to the
// function's trigger on the Functions emulator, unwrapped and with metadata: the message attribute
// `X-CloudScheduler-ScheduleTime` arrives as the header onSchedule takes its event time from, as
// Cloud Scheduler sends it in production. Any publish to the topic then runs the function. This
// scheduler publishes on each function's schedule (schedule.ts) and catches up a run missed while
// stopped. A failing run is delivered again with backoff, five times at most, then dropped.
import { DateTime } from "luxon";
import { dueRun, latestSlot, parseSchedule, type Schedule } from "./schedule.js";

export interface Emulators {
  projectId: string;
  /** host:port of the Pub/Sub emulator. */
  pubsub: string;
  /** http://host:port of the Functions emulator. */
  functions: string;
}

export interface ScheduledFunction {
  name: string;
  /** `<region>-<name>`, the Functions emulator's id. */
  id: string;
  schedule: string;
  timeZone: string;
  parsed: Schedule | undefined;
}

export const topicOf = (name: string) => `firebase-schedule-${name}`;
const subscriptionOf = (name: string) => `local-scheduler-${name}`;
const DEAD_LETTER = "local-scheduler-dropped";

/**
 * The scheduled functions the Functions emulator has loaded, with their schedules. Once per name:
 * after a trigger reload (hub enable/disableBackgroundTriggers) it lists the old records too.
 */
export async function scheduledFunctions(e: Emulators): Promise<ScheduledFunction[]> {
  const res = await fetch(`${e.functions}/backends`);
  const { backends } = (await res.json()) as { backends: { functionTriggers: { name: string; id: string; schedule?: { schedule: string; timeZone?: string } }[] }[] };
  const byName = new Map<string, ScheduledFunction>();
  for (const t of backends.flatMap((b) => b.functionTriggers)) {
    if (t.schedule) byName.set(t.name, { name: t.name, id: t.id, schedule: t.schedule.schedule, timeZone: t.schedule.timeZone ?? "UTC", parsed: parseSchedule(t.schedule.schedule) });
  }
  return [...byName.values()];
}

async function pubsub(e: Emulators, method: "PUT" | "POST", path: string, body: unknown): Promise<Response> {
  return fetch(`http://${e.pubsub}/v1/projects/${e.projectId}/${path}`, { method, headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
}

async function expectOk(res: Response, what: string, alsoOk: number[] = []) {
  if (!res.ok && !alsoOk.includes(res.status)) throw new Error(`${what}失败（HTTP ${res.status}）：${(await res.text()).slice(0, 300)}`);
}

/**
 * The emulator's trigger key, `<id>-<generation>` (the generation grows when the emulator reloads
 * its triggers). It lists the keys only in its 404 answer for an unknown trigger, so we ask for
 * one that cannot exist and read them from there.
 */
async function triggerKey(e: Emulators, fn: ScheduledFunction): Promise<string> {
  const res = await fetch(`${e.functions}/functions/projects/${e.projectId}/triggers/-`, { method: "POST" });
  const keys = (await res.text()).match(new RegExp(`\\b${fn.id}-\\d+\\b`, "g")) ?? [];
  const generation = (k: string) => Number(k.slice(k.lastIndexOf("-") + 1));
  return keys.sort((a, b) => generation(a) - generation(b)).at(-1) ?? `${fn.id}-0`;
}

/** Subscribes each function's trigger to its schedule topic (idempotent; endpoints refreshed). */
export async function wireSchedules(e: Emulators, fns: ScheduledFunction[]): Promise<void> {
  await expectOk(await pubsub(e, "PUT", `topics/${DEAD_LETTER}`, {}), "创建 Pub/Sub 主题", [409]);
  for (const fn of fns) {
    await expectOk(await pubsub(e, "PUT", `topics/${topicOf(fn.name)}`, {}), "创建 Pub/Sub 主题", [409]);
    const pushConfig = { pushEndpoint: `${e.functions}/functions/projects/${e.projectId}/triggers/${await triggerKey(e, fn)}`, noWrapper: { writeMetadata: true } };
    const sub = `subscriptions/${subscriptionOf(fn.name)}`;
    const created = await pubsub(e, "PUT", sub, {
      topic: `projects/${e.projectId}/topics/${topicOf(fn.name)}`,
      // periodClose may run 540 s; a shorter deadline would deliver the run again meanwhile.
      ackDeadlineSeconds: 600,
      pushConfig,
      retryPolicy: { minimumBackoff: "10s", maximumBackoff: "60s" },
      deadLetterPolicy: { deadLetterTopic: `projects/${e.projectId}/topics/${DEAD_LETTER}`, maxDeliveryAttempts: 5 },
    });
    if (created.status === 409) await expectOk(await pubsub(e, "POST", `${sub}:modifyPushConfig`, { pushConfig }), "更新 Pub/Sub 推送地址");
    else await expectOk(created, "创建 Pub/Sub 订阅");
  }
}

/** Publishes one run of `fn` for `scheduleTime` to its schedule topic, as Cloud Scheduler would. */
export async function publishRun(e: Emulators, fn: Pick<ScheduledFunction, "name" | "id">, scheduleTime: Date): Promise<string> {
  const attributes = { "X-CloudScheduler-ScheduleTime": scheduleTime.toISOString(), "X-CloudScheduler-JobName": `local-${fn.id}` };
  const data = Buffer.from(JSON.stringify({ scheduleTime: scheduleTime.toISOString() })).toString("base64");
  const res = await pubsub(e, "POST", `topics/${topicOf(fn.name)}:publish`, { messages: [{ data, attributes }] });
  await expectOk(res, `发布定时任务 ${fn.name}`);
  return ((await res.json()) as { messageIds: string[] }).messageIds[0]!;
}

/** Function name → the last scheduled instant run (ISO). Saved inside each snapshot. */
export type SchedulerState = Record<string, string>;

export interface Run {
  name: string;
  scheduleTime: Date;
  catchUp: boolean;
}

export class LocalScheduler {
  private timer: NodeJS.Timeout | undefined;
  private busy = false;

  constructor(
    private readonly e: Emulators,
    private readonly fns: ScheduledFunction[],
    readonly state: SchedulerState,
    private readonly log: (line: string) => void = console.log,
  ) {
    // A function never run here starts from its latest slot: nothing is owed for the time before.
    const now = new Date();
    for (const fn of fns) if (fn.parsed && !state[fn.name]) state[fn.name] = latestSlot(fn.parsed, fn.timeZone, now).toISOString();
    for (const fn of fns) if (!fn.parsed) log(`⚠ 定时任务 ${fn.name} 的计划“${fn.schedule}”本地无法解析，本地不会自动运行。`);
  }

  /** Publishes every run due at `now`: on schedule, or the one missed while stopped. */
  async tick(now = new Date()): Promise<Run[]> {
    if (this.busy) return [];
    this.busy = true;
    try {
      const runs: Run[] = [];
      for (const fn of this.fns) {
        const last = this.state[fn.name];
        const slot = fn.parsed && dueRun(fn.parsed, fn.timeZone, last ? new Date(last) : undefined, now);
        if (!slot) continue;
        // Wired again first: the trigger key changes when the emulator reloads its triggers.
        await wireSchedules(this.e, [fn]);
        await publishRun(this.e, fn, slot);
        this.state[fn.name] = slot.toISOString();
        // Due for more than two minutes: this run was missed while nothing ran, not just reached.
        const run = { name: fn.name, scheduleTime: slot, catchUp: now.getTime() - slot.getTime() > 120_000 };
        runs.push(run);
        const when = DateTime.fromJSDate(slot, { zone: fn.timeZone }).toFormat("yyyy-MM-dd HH:mm");
        this.log(`▶ 定时任务 ${fn.name}：${run.catchUp ? "补运行停机期间错过的一次" : "按计划运行"}（计划时间 ${when}，经 Pub/Sub 主题 ${topicOf(fn.name)}）`);
      }
      return runs;
    } finally {
      this.busy = false;
    }
  }

  start(everyMs = 20_000) {
    const beat = () => this.tick().catch((err) => this.log(`✖ 定时任务发布失败：${err instanceof Error ? err.message : err}`));
    void beat();
    this.timer = setInterval(beat, everyMs);
  }

  stop() {
    clearInterval(this.timer);
  }
}
