// Exports only. Each function lives in its own file, named after it.
import "./globalOptions.js";

export { onReportCreated } from "./triggers/onReportCreated.js";
export { grantRole } from "./api/grantRole.js";
export { submitChange } from "./api/submitChange.js";
export { reviewChange } from "./api/reviewChange.js";
export { fileObjection } from "./api/fileObjection.js";
export { decideObjection } from "./api/decideObjection.js";
export { runNoticeCycle } from "./api/runNoticeCycle.js";
export { noticeCycle } from "./jobs/noticeCycle.js";
