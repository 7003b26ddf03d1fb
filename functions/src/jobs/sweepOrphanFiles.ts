// Scheduled adapter: hourly, stored objects without metadata are removed (use case:
// usecases/removeOrphanFiles), as of the scheduled time.
import { logger } from "firebase-functions";
import { onSchedule } from "firebase-functions/v2/scheduler";
import { productionDeps } from "../usecases/deps.js";
import { removeOrphanFiles } from "../usecases/removeOrphanFiles.js";

export const sweepOrphanFiles = onSchedule({ schedule: "every 60 minutes", timeZone: "Asia/Shanghai" }, async (event) => {
  const r = await removeOrphanFiles({ ...productionDeps(), clock: () => new Date(event.scheduleTime) });
  logger.info("sweepOrphanFiles: done", r);
});
