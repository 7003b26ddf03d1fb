// One generic converter, as in functions/src/store/converter.ts: every document the web reads is
// parsed by its domain zod schema, so a page works with the domain's types (Date for instants,
// defaults filled in) and a malformed document is reported with its path instead of shown half.
// Writes do not go through converters: the few the web makes (drafts) are in writes.ts.
import { onSnapshot, Timestamp, type DocumentData, type DocumentReference, type DocumentSnapshot, type FirestoreDataConverter, type Query, type QuerySnapshot, type Unsubscribe } from "firebase/firestore";
import type { z } from "zod";
// .js: test/unit/webConverter.test.ts loads this file under NodeNext resolution too.
import { t } from "../shared/strings.js";

export class StoredDocumentInvalid extends Error {
  constructor(
    readonly path: string,
    readonly issues: string[],
  ) {
    super(t.errors.storedInvalid(path, issues));
    this.name = "StoredDocumentInvalid";
  }
}

/** Firestore hands back Timestamps; the domain schemas speak Date. */
function fromStored(value: unknown): unknown {
  if (value instanceof Timestamp) return value.toDate();
  if (Array.isArray(value)) return value.map(fromStored);
  if (value && typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, fromStored(v)]));
  }
  return value;
}

export function converter<S extends z.ZodType>(schema: S): FirestoreDataConverter<z.output<S>, DocumentData> {
  return {
    toFirestore() {
      throw new Error("typed references are read-only: the web writes through data/writes.ts");
    },
    fromFirestore(snapshot, options) {
      // A local write's server timestamp is still pending: read its estimate, never null.
      const parsed = schema.safeParse(fromStored(snapshot.data({ ...options, serverTimestamps: "estimate" })));
      if (!parsed.success) throw new StoredDocumentInvalid(snapshot.ref.path, parsed.error.issues.map((i) => (i.path.length ? `${i.path.join(".")}：${i.message}` : i.message)));
      return parsed.data;
    },
  };
}

export type WithId<T> = T & { id: string };

/** The parsed documents of a query, each with its id. */
export const rowsOf = <T>(snap: QuerySnapshot<T>): WithId<T>[] => snap.docs.map((d) => ({ ...d.data(), id: d.id }));

/** The parsed document with its id, or null when it does not exist. */
export function rowOf<T>(snap: DocumentSnapshot<T>): WithId<T> | null {
  const data = snap.data();
  return data === undefined ? null : { ...data, id: snap.id };
}

/** A snapshot listener that parses first: a malformed document goes to `fail`, like a refused read. */
const parsing =
  <S, R>(read: (snap: S) => R, next: (value: R) => void, fail: (err: unknown) => void) =>
  (snap: S) => {
    let value: R;
    try {
      value = read(snap);
    } catch (err) {
      return fail(err);
    }
    next(value);
  };

/** Follows one document as it changes. */
export const watchDoc = <T>(ref: DocumentReference<T>, next: (row: WithId<T> | null) => void, fail: (err: unknown) => void): Unsubscribe =>
  onSnapshot(ref, parsing((snap: DocumentSnapshot<T>) => rowOf(snap), next, fail), fail);

/** Follows a query's documents as they change. */
export const watchQuery = <T>(q: Query<T>, next: (rows: WithId<T>[]) => void, fail: (err: unknown) => void = () => {}): Unsubscribe =>
  onSnapshot(q, parsing((snap: QuerySnapshot<T>) => rowsOf(snap), next, fail), fail);
