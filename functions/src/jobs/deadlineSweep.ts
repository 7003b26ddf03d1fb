// Scheduled adapter: the daily deadline sweep (Asia/Shanghai) for every programme
// (use case: usecases/sweepDeadlines).
import { onSchedule } from "firebase-functions/v2/scheduler";
import { logger } from "firebase-functions";
import { shanghaiDate } from "../domain/dates.js";
import { productionDeps } from "../usecases/deps.js";
import { sweepDeadlines } from "../usecases/sweepDeadlines.js";

export const deadlineSweep = onSchedule({ schedule: "every day 07:00", timeZone: "Asia/Shanghai" }, async (event) => {
  const deps = productionDeps();
  const asOf = shanghaiDate(new Date(event.scheduleTime));
  const results = await sweepDeadlines(deps, { asOf, now: deps.clock() });
  logger.info("deadlineSweep", { asOf, results });
});
