// What the review of one change application stands on: the application (live, so a decision by
// another reviewer shows at once) and its documents as the reviewer's checklist (the same one that
// blocked or allowed submission, GZ-4.6.1 / DG-13), read again after an upload.
import { doc } from "firebase/firestore";
import { useCallback, useEffect, useState } from "react";
import { call, type DocumentCheck } from "../../../data/callables";
import { collections, type Stored } from "../../../data/collections";
import { useLiveDoc } from "../../../data/useLiveDoc";
import { errorText } from "../../../shared/errorText";

export type ReviewedChange = Stored<"changes">;

export function useChange(programmeId: string, changeId: string) {
  const ref = doc(collections.changes(programmeId), changeId);
  const { row: change, error } = useLiveDoc(ref, ref.path);
  return { change, error };
}

export function useDocumentCheck(programmeId: string, changeId: string) {
  const [check, setCheck] = useState<DocumentCheck | undefined>(undefined);
  const [error, setError] = useState<string | null>(null);
  const [round, setRound] = useState(0);
  useEffect(() => {
    let live = true;
    call("checkDocuments", { programmeId, targetType: "change", targetId: changeId })
      .then((c) => live && setCheck(c))
      .catch((e: unknown) => live && setError(errorText(e)));
    return () => {
      live = false;
    };
  }, [programmeId, changeId, round]);
  const reload = useCallback(() => setRound((n) => n + 1), []);
  return { check, error, reload };
}
