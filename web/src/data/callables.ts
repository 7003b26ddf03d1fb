// Every callable function by name, with the request its domain schema accepts (the functions parse
// it with exactly that schema in validatedOnCall) and the answer it gives, so
// `call("approveEvaluation", { … })` is checked by the compiler. Refusals arrive as one readable
// Chinese sentence (CallError) — the server's own, from domain/errors.ts.
import type { ImportError } from "@domain/enterpriseRegistry";
import type { SurveyLinkState } from "@domain/feedback";
import type { enterHolidayArrangementRequestSchema } from "@domain/holidayArrangement";
import type { DeadlineSweepAnswer, NoticeCycleAnswer, PeriodCloseAnswer } from "@domain/jobs";
import type { exportWhatIfRequestSchema, SettingsDiffRow, settingsProposalSchema } from "@domain/settings";
import type { ChangeKind, WhatIfRow } from "@domain/whatIf";
import type { issueCalendarFeedRequestSchema, revokeCalendarFeedRequestSchema } from "@domain/schemas/calendarFeed";
import type { setMailPreferencesRequestSchema } from "@domain/schemas/mail";
import type { MailKind } from "@domain/mailKinds";
import type { getDocumentDownloadRequestSchema, checkDocumentsRequestSchema, issueDecisionDocumentRequestSchema } from "@domain/schemas/documents";
import type { DimensionScore } from "@domain/scoring";
import type { DocumentFlag, RequirementStatus } from "@domain/requiredDocuments";
import type { DocumentKind } from "@domain/policy/schema";
import type { exportPublishedListRequestSchema, importEnterprisesRequestSchema, recordAwardRequestSchema, recordInterviewRequestSchema, registerEnterpriseRequestSchema } from "@domain/schemas/registryRequests";
import type {
  approveEvaluationRequestSchema,
  createUnitRequestSchema,
  decideObjectionRequestSchema,
  exportPeriodRequestSchema,
  fileAdvanceNoticeRequestSchema,
  recordUnfiledChangeRequestSchema,
  fileComplaintRequestSchema,
  fileObjectionRequestSchema,
  judgedScoreRequestSchema,
  notAdmitObjectionsRequestSchema,
  recordBureauMeetingRequestSchema,
  reviewChangeRequestSchema,
  reviewReportRequestSchema,
  runJobRequestSchema,
  runNoticeCycleRequestSchema,
  runPeriodCloseRequestSchema,
  submitChangeRequestSchema,
  submitRatingRequestSchema,
} from "@domain/schemas/requests";
import type { grantRoleRequestSchema } from "@domain/schemas/roles";
import type {
  closeComplaintRequestSchema,
  getSurveyRequestSchema,
  issueSurveyLinkRequestSchema,
  openProceedingCallSchema,
  proceedingAllowedEventsRequestSchema,
  proceedingEventCallSchema,
  requestWithdrawalRequestSchema,
  respondToCriticismRequestSchema,
} from "@domain/schemas/workflowRequests";
import type { ProceedingEventType } from "@domain/words";
import { httpsCallable } from "firebase/functions";
import type { z } from "zod";
import { CallError } from "../shared/errorText";
import { t } from "../shared/strings";
import { functions } from "./functions";

/** A callable: what it accepts (the schema's input: defaults may be left out) and what it answers. */
type Fn<S extends z.ZodType, R = unknown> = { request: z.input<S>; response: R };

/** An Excel workbook generated on the server, in base64, with its Chinese file name. */
export interface Workbook {
  fileName: string;
  contentBase64: string;
  rows: number;
}

/** What a proceeding step leaves: its new state and what may be done next (store/proceedingSteps.ts). */
export interface StepResult {
  state: string;
  allowedEvents: ProceedingEventType[];
  clause: string;
}

export interface ImportResult {
  rows: number;
  created: number;
  unchanged: number;
  errors: ImportError[];
}

/** A rating link: what the page needs to ask for ratings, or why it cannot. */
export type Survey =
  | { state: Exclude<SurveyLinkState, "valid">; message: string }
  | {
      state: "valid";
      periodId: string;
      expiresOn: string;
      unit: { name: string };
      enterprise: { name: string };
      partners: { id: string; name: string }[];
      choices: { value: string; label: string }[];
    };

/** What previewSettings answers: the version in force, the problems, the worded diff, and the what-if on a closed period. */
/** The reviewer's checklist of a target's files (usecases/checkDocuments.ts). */
export interface DocumentCheck {
  today: string;
  freshnessDays: number;
  requirements: RequirementStatus[];
  missing: string[];
  flags: DocumentFlag[];
  current: { documentId: string; kind: DocumentKind; version: number; fileName: string; size: number; contentType: string; stamped: boolean; issuedOn: string | null; uploadedAt: string; previousVersionId: string | null; approvedAt: string | null }[];
}

export interface SettingsPreview {
  currentVersion: number;
  problems: string[];
  diff: SettingsDiffRow[];
  whatIf: { periodId: string; rows: WhatIfRow[]; counts: Record<ChangeKind, number> } | null;
}

/**
 * Every callable of functions/src/index.ts. `unknown` answers are ones no page reads; give one a
 * type here before a page reads it.
 */
export interface Callables {
  // Registry and roles
  grantRole: Fn<typeof grantRoleRequestSchema, { uid: string; role: string }>;
  createUnit: Fn<typeof createUnitRequestSchema, { unitId: string }>;
  registerEnterprise: Fn<typeof registerEnterpriseRequestSchema, { enterpriseId: string }>;
  importEnterprises: Fn<typeof importEnterprisesRequestSchema, ImportResult>;
  exportPublishedList: Fn<typeof exportPublishedListRequestSchema, Workbook & { version: number }>;
  enterHolidayArrangement: Fn<typeof enterHolidayArrangementRequestSchema, { year: number; revision: number; programmes: number }>;
  previewSettings: Fn<typeof settingsProposalSchema, SettingsPreview>;
  adoptSettings: Fn<typeof settingsProposalSchema, { version: number; effectiveFrom: string }>;
  exportWhatIf: Fn<typeof exportWhatIfRequestSchema, Workbook>;
  // Reports, evaluations, ranking
  reviewReport: Fn<typeof reviewReportRequestSchema>;
  enterJudgedScore: Fn<typeof judgedScoreRequestSchema, { evaluationId: string; total: number; band: string; passed: boolean; missingJudged: string[]; dimensions: DimensionScore[] }>;
  approveEvaluation: Fn<typeof approveEvaluationRequestSchema, { evaluationId: string; total: number; band: string; passed: boolean }>;
  exportPeriod: Fn<typeof exportPeriodRequestSchema, Workbook>;
  // Manual job runs (programme administrators; dryRun answers what a run would do).
  runPeriodClose: Fn<typeof runPeriodCloseRequestSchema, PeriodCloseAnswer>;
  runDeadlineSweep: Fn<typeof runJobRequestSchema, DeadlineSweepAnswer>;
  recordInterview: Fn<typeof recordInterviewRequestSchema, { interviewId: string }>;
  recordAward: Fn<typeof recordAwardRequestSchema, { awardId: string }>;
  // Changes, notices, objections
  submitChange: Fn<typeof submitChangeRequestSchema, { state: string; reviewBatchId: string }>;
  reviewChange: Fn<typeof reviewChangeRequestSchema, { state: string; noticeId?: string; startsOn?: string; endsOn?: string }>;
  recordUnfiledChange: Fn<typeof recordUnfiledChangeRequestSchema, { id: string; latestOnTimeFilingDate: string; proposed: string[] }>;
  fileAdvanceNotice: Fn<typeof fileAdvanceNoticeRequestSchema, { id: string; filedOn: string; latestOnTimeFilingDate: string; workingDaysAhead: number; late: boolean }>;
  runNoticeCycle: Fn<typeof runNoticeCycleRequestSchema, NoticeCycleAnswer>;
  fileObjection: Fn<typeof fileObjectionRequestSchema>;
  decideObjection: Fn<typeof decideObjectionRequestSchema>;
  notAdmitObjections: Fn<typeof notAdmitObjectionsRequestSchema, { notAdmitted: string[]; alreadyNotAdmitted: string[] }>;
  // Proceedings and feedback
  openProceeding: Fn<typeof openProceedingCallSchema, { proceedingId: string; state: string; allowedEvents: ProceedingEventType[] }>;
  proceedingEvent: Fn<typeof proceedingEventCallSchema, StepResult>;
  proceedingAllowedEvents: Fn<typeof proceedingAllowedEventsRequestSchema, { state: string; allowedEvents: ProceedingEventType[] }>;
  recordBureauMeeting: Fn<typeof recordBureauMeetingRequestSchema, StepResult>;
  respondToCriticism: Fn<typeof respondToCriticismRequestSchema, StepResult>;
  requestWithdrawal: Fn<typeof requestWithdrawalRequestSchema>;
  fileComplaint: Fn<typeof fileComplaintRequestSchema, { complaintId: string }>;
  closeComplaint: Fn<typeof closeComplaintRequestSchema>;
  issueSurveyLink: Fn<typeof issueSurveyLinkRequestSchema, { link: string; expiresOn: string }>;
  getSurvey: Fn<typeof getSurveyRequestSchema, Survey>;
  submitRating: Fn<typeof submitRatingRequestSchema, { rated: number; proposals: number }>;
  // Documents
  getDocumentDownload: Fn<typeof getDocumentDownloadRequestSchema, { url: string; expiresAt: string }>;
  checkDocuments: Fn<typeof checkDocumentsRequestSchema, DocumentCheck>;
  issueDecisionDocument: Fn<typeof issueDecisionDocumentRequestSchema, { documentId: string; version: number; sha256: string; verificationId: string; verificationUrl: string; fileName: string; created: boolean }>;
  // The member's private deadline calendar (the link is shown once).
  issueCalendarFeed: Fn<typeof issueCalendarFeedRequestSchema, { feedId: string; url: string; createdAt: string }>;
  revokeCalendarFeed: Fn<typeof revokeCalendarFeedRequestSchema, { feedId: string; state: "revoked"; alreadyRevoked: boolean }>;
  // The member's own e-mail reminders (address and kinds; an empty list opts out).
  setMailPreferences: Fn<typeof setMailPreferencesRequestSchema, { address: string; kinds: MailKind[]; updatedAt: string }>;
}

export type CallableName = keyof Callables;
export type CallRequest<N extends CallableName> = Callables[N]["request"];
export type CallResponse<N extends CallableName> = Callables[N]["response"];

export async function call<N extends CallableName>(name: N, data: CallRequest<N>): Promise<CallResponse<N>> {
  try {
    // The callable protocol sends `undefined` as null, which the schemas rightly refuse for an
    // optional field; a JSON round trip drops undefined fields instead.
    return (await httpsCallable<unknown, CallResponse<N>>(functions, name)(JSON.parse(JSON.stringify(data ?? {})))).data;
  } catch (err) {
    const e = err as { code?: string; message?: string };
    const code = (e.code ?? "unknown").replace(/^functions\//, "");
    const readable = code === "internal" || code === "unavailable" || !e.message || /^[\x20-\x7e]+$/.test(e.message) ? t.errors.serviceUnavailable : e.message;
    throw new CallError(readable, code);
  }
}
