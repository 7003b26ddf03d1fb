// One document followed live, as review screens read what they decide on: undefined while
// loading, null when it does not exist, with the read error in words.
import type { DocumentReference } from "firebase/firestore";
import { useEffect, useState } from "react";
import { errorText } from "../shared/errorText";
import { watchDoc, type WithId } from "./collections";

export function useLiveDoc<T>(ref: DocumentReference<T>, key: string) {
  const [row, setRow] = useState<WithId<T> | null | undefined>(undefined);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    setRow(undefined);
    setError(null);
    return watchDoc(ref, setRow, (e) => setError(errorText(e)));
    // The reference is rebuilt on each render; its path (key) says when it really changed.
  }, [key]);
  return { row, error };
}
