// Callable adapter: a unit member reports a major change ahead of the procedure (GZ-4.8;
// use case: usecases/fileAdvanceNotice).
import { fileAdvanceNoticeRequestSchema } from "../domain/schemas/requests.js";
import { productionDeps } from "../usecases/deps.js";
import { fileAdvanceNotice as file } from "../usecases/fileAdvanceNotice.js";
import { memberActor, requireMember } from "./caller.js";
import { validatedOnCall } from "./validatedOnCall.js";

export const fileAdvanceNotice = validatedOnCall("fileAdvanceNotice", fileAdvanceNoticeRequestSchema, async (req, request) => {
  const caller = requireMember(request.auth, req.programmeId);
  return file(productionDeps(), req, { ...memberActor(caller), unitId: caller.unitId });
});
