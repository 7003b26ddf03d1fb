// Daily notice job (GZ-4.6.3, DG-14), Asia/Shanghai: opens scheduled batches whose start day has
// come and closes expired ones, in every programme (use case: usecases/runNoticeCycle).
import { logger } from "firebase-functions";
import { onSchedule } from "firebase-functions/v2/scheduler";
import { productionDeps } from "../usecases/deps.js";
import { runNoticeCycleForAll } from "../usecases/runNoticeCycle.js";

export const noticeCycle = onSchedule({ schedule: "every day 00:15", timeZone: "Asia/Shanghai" }, async (event) => {
  const scheduled = new Date(event.scheduleTime);
  const now = Number.isNaN(scheduled.getTime()) ? new Date() : scheduled;
  const outcomes = await runNoticeCycleForAll({ ...productionDeps(), clock: () => now });
  for (const [programmeId, list] of Object.entries(outcomes)) {
    for (const o of list) if (o.outcome !== "nothing") logger.info("noticeCycle", { programmeId, ...o });
  }
});
