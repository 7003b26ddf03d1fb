// Callable adapter: the platform calendar administrator enters a year's national holiday
// arrangement (use case: usecases/enterHolidayArrangement).
import { enterHolidayArrangementRequestSchema } from "../domain/holidayArrangement.js";
import { enterHolidayArrangement as enter } from "../usecases/enterHolidayArrangement.js";
import { productionDeps } from "../usecases/deps.js";
import { requireCalendarAdmin, staffActor } from "./caller.js";
import { validatedOnCall } from "./validatedOnCall.js";

export const enterHolidayArrangement = validatedOnCall("enterHolidayArrangement", enterHolidayArrangementRequestSchema, async (req, request) =>
  enter(productionDeps(), req, staffActor(requireCalendarAdmin(request.auth))),
);
