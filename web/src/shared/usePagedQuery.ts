// A page of a Firestore query at a time, with cursors and the total from an aggregate count —
// never the whole collection in the browser. `key` names the query: when it changes, paging
// starts again from the first page.
import { getCountFromServer, getDocs, limit, query, startAfter, type DocumentSnapshot, type Query } from "firebase/firestore";
import { useEffect, useState } from "react";
import { rowsOf, type WithId } from "../data/converter";
import { errorText } from "./errorText";

export interface Page<T> {
  rows: WithId<T>[];
  total: number | null;
  /** Rows per page, for the page count (第 2 页，共 5 页). */
  pageSize: number;
  loading: boolean;
  error: string | null;
  pageIndex: number;
  hasNext: boolean;
  next(): void;
  prev(): void;
  reload(): void;
}

export function usePagedQuery<T>(base: Query<T> | null, key: string, pageSize = 20): Page<T> {
  const [state, setState] = useState({ key, cursors: [null] as (DocumentSnapshot<T> | null)[], tick: 0 });
  const [rows, setRows] = useState<WithId<T>[]>([]);
  const [last, setLast] = useState<DocumentSnapshot<T> | null>(null);
  const [total, setTotal] = useState<number | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);

  // A new query starts from its first page.
  const current = state.key === key ? state : { key, cursors: [null], tick: state.tick };
  if (current !== state) setState(current);
  const cursor = current.cursors[current.cursors.length - 1] ?? null;
  const first = current.cursors.length === 1;

  useEffect(() => {
    if (!base) {
      // Nothing to ask yet (e.g. no period chosen): an empty table, not an endless spinner.
      setRows([]);
      setLast(null);
      setTotal(null);
      setLoading(false);
      return;
    }
    let live = true;
    setLoading(true);
    const page = cursor ? query(base, startAfter(cursor), limit(pageSize + 1)) : query(base, limit(pageSize + 1));
    Promise.all([getDocs(page), first ? getCountFromServer(base) : Promise.resolve(null)])
      .then(([snap, count]) => {
        if (!live) return;
        // Parsing happens here (the converter): a malformed document is this page's error.
        const all = rowsOf(snap);
        setRows(all.slice(0, pageSize));
        setLast(snap.docs.length > pageSize ? (snap.docs[pageSize - 1] ?? null) : null);
        if (count) setTotal(count.data().count);
        setError(null);
        setLoading(false);
      })
      .catch((err: unknown) => {
        if (live) {
          setError(errorText(err));
          setLoading(false);
        }
      });
    return () => {
      live = false;
    };
    // The query is identified by `key`; `base` is rebuilt on every render by callers.
  }, [current.key, cursor, current.tick, first, pageSize]);

  return {
    rows,
    total,
    pageSize,
    loading,
    error,
    pageIndex: current.cursors.length - 1,
    hasNext: last !== null,
    next: () => last && setState((s) => ({ ...s, cursors: [...s.cursors, last] })),
    prev: () => setState((s) => ({ ...s, cursors: s.cursors.length > 1 ? s.cursors.slice(0, -1) : s.cursors })),
    reload: () => setState((s) => ({ ...s, tick: s.tick + 1 })),
  };
}
