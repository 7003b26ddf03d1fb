// The only documents the web writes itself: a unit's own drafts (the periodic report and change
// applications). firestore.rules decide what a unit may store — its own fields only, its uid
// and the request time — and the functions decide everything else when it is submitted.
import type { ChangeApplication, Report } from "@domain/schemas/index";
import { doc, serverTimestamp, setDoc, updateDoc } from "firebase/firestore";
import { auth } from "../shared/firebase";
import { collections } from "./collections";

/** Who saved, and when (the rules pin both to the request). */
const stamp = () => ({ updatedBy: auth.currentUser!.uid, updatedAt: serverTimestamp() });

export type ReportDraft = Pick<Report, "unitId" | "periodId" | "metrics" | "lagExplanation" | "dutyNotes" | "documentIds"> & {
  state: "draft" | "submitted";
  enterprises: { enterpriseId: string; progress: string; contractSigned: boolean; diagnosisDone: boolean; levelAfter?: number }[];
};

/** The report fields the unit writes; each is replaced as a whole (a cleared metric goes away). */
const REPORT_OWN_FIELDS = ["unitId", "periodId", "state", "metrics", "enterprises", "lagExplanation", "dutyNotes", "documentIds", "updatedBy", "updatedAt"];

/** Saves the unit's own report fields; what the trigger and reviewers recorded (late, reasons…) stays. */
export async function saveReport(programmeId: string, reportId: string, report: ReportDraft): Promise<void> {
  await setDoc(doc(collections.reports(programmeId), reportId).withConverter(null), { ...report, ...stamp() }, { mergeFields: REPORT_OWN_FIELDS });
}

/** Creates a draft change application and returns its id; documents are attached next. */
export async function createChangeDraft(programmeId: string, change: Pick<ChangeApplication, "unitId" | "type" | "payload">): Promise<string> {
  const ref = doc(collections.changes(programmeId)).withConverter(null);
  // The callable protocol's lesson applies to Firestore too: drop undefined optional fields.
  await setDoc(ref, { ...change, payload: JSON.parse(JSON.stringify(change.payload)), state: "draft", documents: [], ...stamp() });
  return ref.id;
}

/**
 * Attaches the documents to the unit's application. Editing a returned application makes it a
 * draft again; submitChange re-checks it. What the functions recorded (the reviewer's comment,
 * the review batch) stays: the rules refuse to let the unit change it.
 */
export async function attachChangeDocuments(programmeId: string, changeId: string, documents: ChangeApplication["documents"]): Promise<void> {
  await updateDoc(doc(collections.changes(programmeId), changeId).withConverter(null), { state: "draft", documents, ...stamp() });
}
