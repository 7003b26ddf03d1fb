// Daily notice job (GZ-4.6.3, DG-14), Asia/Shanghai: opens scheduled batches whose start day
// has come and closes expired ones. The logic is runNoticeCycleAll(asOf, now), also run by
// staff through runNoticeCycle and by the tests for a given date.
import { logger } from "firebase-functions";
import { onSchedule } from "firebase-functions/v2/scheduler";
import { shanghaiDate } from "../domain/dates.js";
import { runNoticeCycleAll } from "../store/notices.js";

export const noticeCycle = onSchedule({ schedule: "every day 00:15", timeZone: "Asia/Shanghai" }, async (event) => {
  const scheduled = new Date(event.scheduleTime);
  const now = Number.isNaN(scheduled.getTime()) ? new Date() : scheduled;
  const outcomes = await runNoticeCycleAll(shanghaiDate(now), now);
  for (const [programmeId, list] of Object.entries(outcomes)) {
    for (const o of list) if (o.outcome !== "nothing") logger.info("noticeCycle", { programmeId, ...o });
  }
});
