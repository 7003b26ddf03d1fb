// Exports only. Each function lives in its own file, named after it.
import "./globalOptions.js";

export { onReportCreated } from "./triggers/onReportCreated.js";
export { grantRole } from "./api/grantRole.js";
export { uploadDocument } from "./api/uploadDocument.js";
export { getDocumentDownload } from "./api/getDocumentDownload.js";
export { downloadDocument } from "./api/downloadDocument.js";
export { checkDocuments } from "./api/checkDocuments.js";
export { sweepOrphanFiles } from "./jobs/sweepOrphanFiles.js";
