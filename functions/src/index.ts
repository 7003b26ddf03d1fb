// Exports only. Each function lives in its own file, named after it.
import "./globalOptions.js";

export { onReportCreated } from "./triggers/onReportCreated.js";
export { grantRole } from "./api/grantRole.js";
export { createUnit } from "./api/createUnit.js";
export { fileComplaint } from "./api/fileComplaint.js";
export { closeComplaint } from "./api/closeComplaint.js";
export { issueSurveyLink } from "./api/issueSurveyLink.js";
export { getSurvey } from "./api/getSurvey.js";
export { submitRating } from "./api/submitRating.js";
export { openProceeding } from "./api/openProceeding.js";
export { proceedingEvent } from "./api/proceedingEvent.js";
export { proceedingAllowedEvents } from "./api/proceedingAllowedEvents.js";
export { respondToCriticism } from "./api/respondToCriticism.js";
export { recordBureauMeeting } from "./api/recordBureauMeeting.js";
export { requestWithdrawal } from "./api/requestWithdrawal.js";
export { submitChange } from "./api/submitChange.js";
export { reviewChange } from "./api/reviewChange.js";
export { fileObjection } from "./api/fileObjection.js";
export { decideObjection } from "./api/decideObjection.js";
export { runNoticeCycle } from "./api/runNoticeCycle.js";
export { noticeCycle } from "./jobs/noticeCycle.js";
