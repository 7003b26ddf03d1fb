// Exports only. Each function lives in its own file, named after it.
import "./globalOptions.js";

export { onReportCreated } from "./triggers/onReportCreated.js";
export { grantRole } from "./api/grantRole.js";
export { onReportWritten } from "./triggers/onReportWritten.js";
export { reviewReport } from "./api/reviewReport.js";
export { enterJudgedScore } from "./api/enterJudgedScore.js";
export { approveEvaluation } from "./api/approveEvaluation.js";
export { fileAdvanceNotice } from "./api/fileAdvanceNotice.js";
export { exportPeriod } from "./api/exportPeriod.js";
export { runPeriodClose } from "./api/runPeriodClose.js";
export { runDeadlineSweep } from "./api/runDeadlineSweep.js";
export { periodClose } from "./jobs/periodClose.js";
export { deadlineSweep } from "./jobs/deadlineSweep.js";
