// Every collection the web reads, as a typed reference parsed by its domain schema — the web's
// counterpart of functions/src/store/collections.ts, and the only place in web/src that names a
// path. Pages build their queries from these (query(collections.proceedings(p), where(…))).
import { changeApplicationSchema, advanceNoticeSchema, noticeSchema, objectionSchema } from "@domain/schemas/change";
import { enterpriseProgressSchema, evaluationSchema, interviewSchema, awardSchema, periodSchema, rankingSummarySchema, reportSchema, taskBookSchema } from "@domain/schemas/evaluation";
import { calendarFeedSchema } from "@domain/schemas/calendarFeed";
import { mailPreferenceSchema } from "@domain/schemas/mail";
import { complaintSchema, ratingSchema, surveyTokenSchema } from "@domain/schemas/feedback";
import { catalogueListSchema, partnerListSchema, unitChangeListSchema, type CatalogueList, type PartnerList, type UnitChangeList } from "@domain/schemas/lists";
import { announcementSchema, circularSchema, proceedingSchema, publicCircularSchema } from "@domain/schemas/proceeding";
import { programmeSchema, publicProgrammeSchema, storedHolidayArrangementSchema } from "@domain/schemas/programme";
import { settingsVersionSchema } from "@domain/settings";
import { auditEntrySchema, documentMetaSchema, jobProblemSchema, notificationSchema } from "@domain/schemas/records";
import { verificationSchema } from "@domain/schemas/documents";
import { catalogueItemSchema, partnerSchema, pilotEnterpriseSchema, unitSchema } from "@domain/schemas/unit";
import type { PublishedListKind } from "@domain/listDiff";
import { collection, type CollectionReference } from "firebase/firestore";
import { z } from "zod";
import { converter } from "./converter";
import { db } from "./db";

const typed = <S extends z.ZodType>(schema: S, path: string, ...segments: string[]): CollectionReference<z.output<S>> =>
  collection(db, path, ...segments).withConverter(converter(schema));

/** A sub-collection of a programme, typed by its schema. */
const under =
  <S extends z.ZodType>(name: string, schema: S) =>
  (programmeId: string) =>
    typed(schema, "programmes", programmeId, name);

/**
 * A report as the unit's own drafts hold it: the portal saves as the person types, so a progress
 * line may still be empty (the rules allow it; submitting checks the report as a whole).
 */
const storedReportSchema = reportSchema.extend({ enterprises: z.array(enterpriseProgressSchema.extend({ progress: z.string() })).default([]) });

export const collections = {
  programmes: () => typed(programmeSchema, "programmes"),
  publicProgrammes: () => typed(publicProgrammeSchema, "publicProgrammes"),
  /** The public verification record of a decision document; read one by its id (no listing). */
  verifications: () => typed(verificationSchema, "verifications"),
  units: under("units", unitSchema),
  partners: under("partners", partnerSchema),
  catalogue: under("catalogue", catalogueItemSchema),
  enterprises: under("enterprises", pilotEnterpriseSchema),
  taskBooks: under("taskBooks", taskBookSchema),
  periods: under("periods", periodSchema),
  reports: under("reports", storedReportSchema),
  evaluations: under("evaluations", evaluationSchema),
  rankings: under("rankings", rankingSummarySchema),
  interviews: under("interviews", interviewSchema),
  awards: under("awards", awardSchema),
  changes: under("changes", changeApplicationSchema),
  advanceNotices: under("advanceNotices", advanceNoticeSchema),
  complaints: under("complaints", complaintSchema),
  /** Pilot enterprises' satisfaction ratings (GZ-3.3, DG-16.3); staff only. */
  ratings: under("ratings", ratingSchema),
  /** Rating links issued (id = the SHA-256 of the token; the token itself is never stored). */
  surveyTokens: under("surveyTokens", surveyTokenSchema),
  proceedings: under("proceedings", proceedingSchema),
  notices: under("notices", noticeSchema),
  objections: (programmeId: string, noticeId: string) => typed(objectionSchema, "programmes", programmeId, "notices", noticeId, "objections"),
  announcements: under("announcements", announcementSchema),
  /** GZ-4.4a.0: criticisms circulated to the programme's units (portal) and their public projection (notices page). */
  circulars: under("circulars", circularSchema),
  publicCirculars: under("publicCirculars", publicCircularSchema),
  notifications: under("notifications", notificationSchema),
  audit: under("audit", auditEntrySchema),
  /** Documents a job or trigger could not read and skipped (issue 16.1), for staff to fix; staff only. */
  jobProblems: under("jobProblems", jobProblemSchema),
  /** Uploaded files' metadata (the bytes only through the audited download). */
  documents: under("documents", documentMetaSchema),
  partnerLists: under("partnerLists", partnerListSchema),
  catalogueLists: under("catalogueLists", catalogueListSchema),
  unitChangeLists: under("unitChangeLists", unitChangeListSchema),
  /** GZ-3.4.2: the settings versions the work group adopted (none stored: the pack is version 1). */
  settingsVersions: under("settingsVersions", settingsVersionSchema),
  /** The national holiday arrangements entered for years the bundled data lacks (id = the year). */
  holidayArrangements: () => typed(storedHolidayArrangementSchema, "holidayArrangements"),
  /** A member's own private deadline calendar links (the token is never stored, only its hash). */
  calendarFeeds: under("calendarFeeds", calendarFeedSchema),
  /** A member's own e-mail choices (id = the member's uid; only they read it). */
  mailPreferences: under("mailPreferences", mailPreferenceSchema),
} as const;

export type PublishedListVersion = PartnerList | CatalogueList | UnitChangeList;

/** The published versions of a list kind (GZ-4.6.3, DG-13, DG-14). */
export const publishedLists = (programmeId: string, kind: PublishedListKind): CollectionReference<PublishedListVersion> =>
  kind === "partners" ? collections.partnerLists(programmeId) : kind === "catalogue" ? collections.catalogueLists(programmeId) : collections.unitChangeLists(programmeId);

/** Records staff pick and read by name. */
export type NamedCollection = "units" | "partners" | "catalogue" | "enterprises";
export const named = (programmeId: string, kind: NamedCollection): CollectionReference<{ name: string }> => collections[kind](programmeId);

/** Ids of the records that exist once per unit and period (as functions/src/store/collections.ts `ids`). */
export const ids = {
  report: (unitId: string, periodId: string) => `${unitId}_${periodId}`,
  evaluation: (unitId: string, periodId: string) => `${unitId}_${periodId}`,
  taskBook: (unitId: string, year: number | string) => `${unitId}_${year}`,
};

export { rowOf, rowsOf, watchDoc, watchQuery, type WithId } from "./converter";
export type Stored<K extends keyof typeof collections> = ReturnType<(typeof collections)[K]> extends CollectionReference<infer T> ? T & { id: string } : never;
