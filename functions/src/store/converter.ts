// One generic converter: every typed document is validated by its domain zod schema when it is
// written and when it is read. A malformed stored document is reported with its path instead
// of being passed on. Reads and writes through converters are counted (store/ioCounters.ts) so
// benchmarks measure document I/O instead of estimating it.
import { Timestamp, type DocumentData, type FirestoreDataConverter, type QueryDocumentSnapshot } from "firebase-admin/firestore";
import type { z } from "zod";
import { ioCounters } from "./ioCounters.js";
import { StoredDocumentInvalid } from "../domain/errors.js";


/** Firestore hands back Timestamps; the domain schemas speak Date. */
function fromStored(value: unknown): unknown {
  if (value instanceof Timestamp) return value.toDate();
  if (Array.isArray(value)) return value.map(fromStored);
  if (value && typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, fromStored(v)]));
  }
  return value;
}

function describe(error: z.ZodError): string[] {
  return error.issues.map((i) => (i.path.length ? `${i.path.join(".")}: ${i.message}` : i.message));
}

export function converter<S extends z.ZodType<DocumentData>>(schema: S): FirestoreDataConverter<z.output<S>> {
  return {
    toFirestore(model) {
      ioCounters.writes++;
      const parsed = schema.safeParse(model);
      if (!parsed.success) throw new StoredDocumentInvalid("(待写入)", describe(parsed.error));
      return parsed.data as DocumentData;
    },
    fromFirestore(snapshot: QueryDocumentSnapshot) {
      ioCounters.reads++;
      const parsed = schema.safeParse(fromStored(snapshot.data()));
      if (!parsed.success) throw new StoredDocumentInvalid(snapshot.ref.path, describe(parsed.error));
      return parsed.data;
    },
  };
}
