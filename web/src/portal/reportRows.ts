// The enterprise rows of a report as the portal writes them (GZ-2.2.11): what reportSchema
// stores, in writes firestore.rules accepts.

export interface EnterpriseProgress {
  enterpriseId: string;
  progress: string;
  contractSigned: boolean;
  diagnosisDone: boolean;
  levelAfter?: number;
}

/**
 * firestore.rules checks the enterprise rows a write adds or changes one by one, at most three
 * per write (rules cannot loop over a list; stored rows were checked when they arrived). A save
 * that brings more is written in steps.
 */
export const ROWS_PER_WRITE = 3;

/** A row as reportSchema stores it: a digital level only once one is chosen. */
export function storedRow({ levelAfter, ...row }: EnterpriseProgress): EnterpriseProgress {
  return levelAfter === undefined || levelAfter === null ? row : { ...row, levelAfter };
}

/** Equal rows as the rules compare them: same keys and values, in any order. */
const rowKey = (row: EnterpriseProgress) => JSON.stringify(Object.entries(row).sort(([a], [b]) => (a < b ? -1 : 1)));

/**
 * The enterprise lists to write, in order, so that each brings at most ROWS_PER_WRITE rows the
 * list before it lacks; the last is `rows`. Until its turn, a changed row keeps its stored version
 * and a new row waits.
 */
export function rowSteps(rows: EnterpriseProgress[], stored: EnterpriseProgress[]): EnterpriseProgress[][] {
  const storedKeys = new Set(stored.map(rowKey));
  const storedById = new Map(stored.map((r) => [r.enterpriseId, r]));
  const arriving = rows.filter((r) => !storedKeys.has(rowKey(r)));
  const steps: EnterpriseProgress[][] = [];
  for (let done = ROWS_PER_WRITE; done < arriving.length; done += ROWS_PER_WRITE) {
    const waiting = new Set(arriving.slice(done));
    steps.push(rows.flatMap((r) => (!waiting.has(r) ? [r] : storedById.has(r.enterpriseId) ? [storedById.get(r.enterpriseId)!] : [])));
  }
  return [...steps, rows];
}
