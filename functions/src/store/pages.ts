// Bounded pages of a programme's units in document-id order, for jobs that walk every unit a
// batch at a time and remember where they stopped (the cursor is the last unit id done).
import { FieldPath, type Query } from "firebase-admin/firestore";
import type { Unit } from "../domain/schemas/index.js";
import { collections } from "./collections.js";

export function unitsPage(programmeId: string, after: string | undefined, limit: number): Query<Unit> {
  const q = collections.units(programmeId).orderBy(FieldPath.documentId()).limit(limit);
  return after ? q.startAfter(after) : q;
}

/** Splits ids for `in` queries (Firestore allows 30 values per `in`). */
export function chunks<T>(items: readonly T[], size = 30): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
