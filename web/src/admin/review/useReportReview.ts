// What the review of one report stands on, read through the typed references: the report and its
// evaluation draft (followed live, so a decision or a rescoring shows at once), and — once the
// report says whose and which period — the period, that year's task book and the attached
// documents' metadata (read once).
import type { MetricValues } from "@domain/scoring";
import { doc, getDoc } from "firebase/firestore";
import { useEffect, useState } from "react";
import { collections, ids, rowOf, watchDoc, type Stored } from "../../data/collections";
import { useLiveDoc } from "../../data/useLiveDoc";
import { errorText } from "../../shared/errorText";

export type ReviewedReport = Stored<"reports">;

export interface ReviewSources {
  period: Stored<"periods"> | null;
  /** The year's task-book targets; null when the unit has no task book for the year. */
  targets: MetricValues | null;
  documents: Stored<"documents">[];
}

/** The report, live: undefined while loading, null when it does not exist. */
export function useReport(programmeId: string, reportId: string) {
  const ref = doc(collections.reports(programmeId), reportId);
  const { row: report, error } = useLiveDoc(ref, ref.path);
  return { report, error };
}

/** The period, targets and documents of a report (undefined until read). */
export function useReviewSources(programmeId: string, report: ReviewedReport | null | undefined) {
  const [sources, setSources] = useState<ReviewSources | undefined>(undefined);
  const [error, setError] = useState<string | null>(null);
  const unitId = report?.unitId;
  const periodId = report?.periodId;
  const documentKey = report?.documentIds.join(",") ?? "";
  useEffect(() => {
    if (!unitId || !periodId) return;
    let live = true;
    const documentIds = documentKey ? documentKey.split(",") : [];
    Promise.all([
      getDoc(doc(collections.periods(programmeId), periodId)),
      getDoc(doc(collections.taskBooks(programmeId), ids.taskBook(unitId, periodId.slice(0, 4)))),
      Promise.all(documentIds.map((id) => getDoc(doc(collections.documents(programmeId), id)))),
    ])
      .then(([period, taskBook, documents]) => {
        if (!live) return;
        setSources({
          period: rowOf(period),
          targets: taskBook.data()?.targets ?? null,
          documents: documents.map(rowOf).filter((d): d is Stored<"documents"> => d !== null),
        });
      })
      .catch((e: unknown) => live && setError(errorText(e)));
    return () => {
      live = false;
    };
  }, [programmeId, unitId, periodId, documentKey]);
  return { sources, error };
}

/** The report's evaluation (draft or approved), live; null while there is none. */
export function useEvaluation(programmeId: string, report: ReviewedReport | null | undefined) {
  const [evaluation, setEvaluation] = useState<Stored<"evaluations"> | null>(null);
  const unitId = report?.unitId;
  const periodId = report?.periodId;
  useEffect(() => {
    setEvaluation(null);
    if (!unitId || !periodId) return;
    return watchDoc(doc(collections.evaluations(programmeId), ids.evaluation(unitId, periodId)), setEvaluation, () => setEvaluation(null));
  }, [programmeId, unitId, periodId]);
  return evaluation;
}
