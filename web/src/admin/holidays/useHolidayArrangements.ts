// The national holiday arrangements entered so far (holidayArrangements/{year}), newest year
// first, kept live: the calendar page lists them and the admin page's warning about next year
// disappears the moment the arrangement is saved.
import { orderBy, query } from "firebase/firestore";
import { useEffect, useState } from "react";
import { collections, watchQuery, type Stored } from "../../data/collections";
import { errorText } from "../../shared/errorText";

export type EnteredArrangement = Stored<"holidayArrangements">;

export function useHolidayArrangements() {
  const [rows, setRows] = useState<EnteredArrangement[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => watchQuery(query(collections.holidayArrangements(), orderBy("year", "desc")), setRows, (e) => setError(errorText(e))), []);
  return { rows, error };
}
