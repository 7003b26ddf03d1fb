// Every collection as a typed, validating reference. No string paths anywhere else in the code.
// Everything a programme owns lives under programmes/{programmeId}, so rules and exports scope
// by programme. Records that belong to a unit carry `unitId` and sit at programme level
// (not under the unit) so staff can query across units with one index and rules check one field.
import type { CollectionReference, DocumentReference } from "firebase-admin/firestore";
import type { z } from "zod";
import {
  announcementSchema,
  auditEntrySchema,
  awardSchema,
  banSchema,
  catalogueItemSchema,
  changeApplicationSchema,
  circularSchema,
  complaintSchema,
  documentMetaSchema,
  downloadLinkSchema,
  evaluationSchema,
  interviewSchema,
  memberSchema,
  noticeSchema,
  notificationSchema,
  objectionSchema,
  partnerSchema,
  periodSchema,
  pilotEnterpriseSchema,
  proceedingSchema,
  programmeSchema,
  publicCircularSchema,
  publicProgrammeSchema,
  storedHolidayArrangementSchema,
  rankingSummarySchema,
  ratingSchema,
  reportSchema,
  surveyTokenSchema,
  taskBookSchema,
  unitSchema,
  advanceNoticeSchema,
  partnerStatsSchema,
  partnerListSchema,
  catalogueListSchema,
  unitChangeListSchema,
  rateLimitSchema,
  jobRunSchema,
  jobProblemSchema,
  calendarFeedSchema,
  mailPreferenceSchema,
  mailSchema,
  verificationSchema,
} from "../domain/schemas/index.js";
import { tokenRevocationSchema } from "../domain/schemas/roles.js";
import { settingsVersionSchema } from "../domain/settings.js";
import { db } from "./admin.js";
import { converter } from "./converter.js";

type Typed<S extends z.ZodType> = CollectionReference<z.output<S>>;

function typed<S extends z.ZodType<FirebaseFirestore.DocumentData>>(ref: CollectionReference, schema: S): Typed<S> {
  return ref.withConverter(converter(schema));
}

const programmeDoc = (programmeId: string) => db.collection("programmes").doc(programmeId);

/** A sub-collection of a programme, typed by its schema. */
const under =
  <S extends z.ZodType<FirebaseFirestore.DocumentData>>(name: string, schema: S) =>
  (programmeId: string) =>
    typed(programmeDoc(programmeId).collection(name), schema);

export const collections = {
  programmes: () => typed(db.collection("programmes"), programmeSchema),
  /** The public projection of each programme (name and city), same id: written with the programme. */
  publicProgrammes: () => typed(db.collection("publicProgrammes"), publicProgrammeSchema),
  units: under("units", unitSchema),
  members: (programmeId: string, unitId: string) => typed(programmeDoc(programmeId).collection("units").doc(unitId).collection("members"), memberSchema),
  partners: under("partners", partnerSchema),
  catalogue: under("catalogue", catalogueItemSchema),
  enterprises: under("enterprises", pilotEnterpriseSchema),
  taskBooks: under("taskBooks", taskBookSchema),
  periods: under("periods", periodSchema),
  reports: under("reports", reportSchema),
  evaluations: under("evaluations", evaluationSchema),
  rankings: under("rankings", rankingSummarySchema),
  interviews: under("interviews", interviewSchema),
  awards: under("awards", awardSchema),
  changes: under("changes", changeApplicationSchema),
  advanceNotices: under("advanceNotices", advanceNoticeSchema),
  complaints: under("complaints", complaintSchema),
  ratings: under("ratings", ratingSchema),
  surveyTokens: under("surveyTokens", surveyTokenSchema),
  proceedings: under("proceedings", proceedingSchema),
  notices: under("notices", noticeSchema),
  objections: (programmeId: string, noticeId: string) => typed(programmeDoc(programmeId).collection("notices").doc(noticeId).collection("objections"), objectionSchema),
  announcements: under("announcements", announcementSchema),
  /** GZ-4.4a.0: issued criticisms circulated (通报) to the programme's units and staff; id = the proceeding's. */
  circulars: under("circulars", circularSchema),
  /** The same 通报 as the public page shows it (no unit or proceeding id); written beside each circular. */
  publicCirculars: under("publicCirculars", publicCircularSchema),
  documents: under("documents", documentMetaSchema),
  notifications: under("notifications", notificationSchema),
  audit: under("audit", auditEntrySchema),
  /** Units cleared out of this programme, by USCC: never listed in it again (GZ-4.4b, DG-10). */
  bans: under("bans", banSchema),
  /** DG-16.2 / DG-16.3 counts per partner, id = partnerId. */
  partnerStats: under("partnerStats", partnerStatsSchema),
  /** Every programme's rating links: a link names no programme, so it is found by its hash. */
  allSurveyTokens: () => db.collectionGroup("surveyTokens").withConverter(converter(surveyTokenSchema)),
  /** Published, numbered versions (GZ-4.6.3, DG-14); public; never rewritten. Id = version. */
  partnerLists: under("partnerLists", partnerListSchema),
  catalogueLists: under("catalogueLists", catalogueListSchema),
  /** DG-13 published unit change list, versioned like the partner list. */
  unitChangeLists: under("unitChangeLists", unitChangeListSchema),
  /** Fixed-window counters for public callables; no client may read or write them. */
  rateLimits: () => typed(db.collection("rateLimits"), rateLimitSchema),
  /** The State Council's yearly holiday arrangements entered as data (id = year), for every programme. */
  holidayArrangements: () => typed(db.collection("holidayArrangements"), storedHolidayArrangementSchema),
  /** GZ-3.4.2: the programme's settings versions (id = version number); never rewritten. */
  settingsVersions: under("settingsVersions", settingsVersionSchema),
  /** When a person's sessions were last revoked (a role change); read by firestore.rules (16.5). */
  tokenRevocations: () => typed(db.collection("tokenRevocations"), tokenRevocationSchema),
  /** GZ-2.2.13: each download link, used once (id = the link's random id); functions only. */
  downloadLinks: under("downloadLinks", downloadLinkSchema),
  /** Progress of batched jobs (period close, deadline sweep), so they stop and resume. */
  jobRuns: under("jobRuns", jobRunSchema),
  /** Documents a job or trigger could not read and skipped, for staff. */
  jobProblems: under("jobProblems", jobProblemSchema),
  /** A unit member's private deadline calendar links, the token stored as its SHA-256 only; functions write. */
  calendarFeeds: under("calendarFeeds", calendarFeedSchema),
  /** Every programme's calendar links: a link names no programme, so it is found by its hash. */
  allCalendarFeeds: () => db.collectionGroup("calendarFeeds").withConverter(converter(calendarFeedSchema)),
  /** A unit member's e-mail choices (id = the member's uid); setMailPreferences writes, the member reads. */
  mailPreferences: under("mailPreferences", mailPreferenceSchema),
  /** Outgoing mail in the format of Firebase's Trigger Email extension (top level, as it expects); no client access. */
  mail: () => typed(db.collection("mail"), mailSchema),
  /** The public verification record of each generated decision document (id from its QR code); anyone reads one by id, functions write. */
  verifications: () => typed(db.collection("verifications"), verificationSchema),
} as const;

export type CollectionName = keyof typeof collections;

/** Deterministic ids for records that exist once per unit and period. */
export const ids = {
  report: (unitId: string, periodId: string) => `${unitId}_${periodId}`,
  evaluation: (unitId: string, periodId: string) => `${unitId}_${periodId}`,
  taskBook: (unitId: string, year: number) => `${unitId}_${year}`,
};

export type Ref<T> = DocumentReference<T>;
