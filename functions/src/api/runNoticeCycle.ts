// Callable adapter: staff run the notice cycle for their programme now, or for a given date
// (use case: usecases/runNoticeCycle).
import { runNoticeCycleRequestSchema } from "../domain/schemas/index.js";
import { productionDeps } from "../usecases/deps.js";
import { runNoticeCycle as run } from "../usecases/runNoticeCycle.js";
import { requireStaff, staffActor } from "./caller.js";
import { validatedOnCall } from "./validatedOnCall.js";

export const runNoticeCycle = validatedOnCall("runNoticeCycle", runNoticeCycleRequestSchema, async (req, request) => {
  const actor = staffActor(requireStaff(request.auth, req.programmeId));
  return { outcomes: await run(productionDeps(), req, actor) };
});
