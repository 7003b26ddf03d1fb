// Scheduled adapter: the nightly period close (Asia/Shanghai) for every programme
// (use case: usecases/closeDuePeriods).
import { onSchedule } from "firebase-functions/v2/scheduler";
import { logger } from "firebase-functions";
import { shanghaiDate } from "../domain/dates.js";
import { closeDuePeriods } from "../usecases/closeDuePeriods.js";
import { productionDeps } from "../usecases/deps.js";

// 540 s, not the 60 s default: `npm run bench` measured 33–53 s for 2,000 units on the emulator
// (docs/benchmarks.md), too close to 60 s; a run that is still cut short resumes at its cursor.
export const periodClose = onSchedule({ schedule: "every day 01:00", timeZone: "Asia/Shanghai", timeoutSeconds: 540 }, async (event) => {
  const deps = productionDeps();
  const asOf = shanghaiDate(new Date(event.scheduleTime));
  const result = await closeDuePeriods(deps, { asOf, now: deps.clock() });
  logger.info("periodClose", { asOf, ...result });
});
