// Callable adapter: a unit asks to leave the programme (use case: usecases/requestWithdrawal).
import { requestWithdrawalRequestSchema } from "../domain/schemas/index.js";
import { productionDeps } from "../usecases/deps.js";
import { requestWithdrawal as withdraw } from "../usecases/requestWithdrawal.js";
import { memberActor, requireMember } from "./caller.js";
import { validatedOnCall } from "./validatedOnCall.js";

export const requestWithdrawal = validatedOnCall("requestWithdrawal", requestWithdrawalRequestSchema, async (req, request) => {
  const caller = requireMember(request.auth, req.programmeId);
  return withdraw(productionDeps(), req, { ...memberActor(caller), unitId: caller.unitId });
});
