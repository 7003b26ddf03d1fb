// Exports only. Each function lives in its own file, named after it.
import "./globalOptions.js";

export { onReportCreated } from "./triggers/onReportCreated.js";
export { grantRole } from "./api/grantRole.js";
