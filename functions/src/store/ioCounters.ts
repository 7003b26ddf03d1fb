// Document reads and writes that went through the typed converters in this process.
// Benchmarks reset and read these; nothing decides on them.
import { Firestore, Query, QuerySnapshot, Transaction, WriteBatch } from "firebase-admin/firestore";
import { db } from "./admin.js";

export const ioCounters = { reads: 0, writes: 0 };

export function resetIoCounters() {
  ioCounters.reads = 0;
  ioCounters.writes = 0;
}

/**
 * Every document operation of the Admin SDK in this process, typed or not, counted the way
 * Firestore bills them: each document requested by a get (including one that does not exist,
 * such as an idempotency marker looked up for the first time), each document a query returns
 * with a minimum of one per query, one per 1,000 index entries of an aggregation, and each
 * set/create/update/delete. The converter counters above miss missing-document lookups and
 * raw paths (`processedEvents`); benchmarks report these.
 */
export const firestoreIo = { reads: 0, writes: 0, queries: 0 };

export function resetFirestoreIo() {
  firestoreIo.reads = 0;
  firestoreIo.writes = 0;
  firestoreIo.queries = 0;
}

let installed = false;

function countResult(result: unknown) {
  if (Array.isArray(result)) firestoreIo.reads += result.length;
  else if (result instanceof QuerySnapshot) {
    firestoreIo.queries++;
    firestoreIo.reads += Math.max(1, result.size);
  } else if (result?.constructor?.name === "AggregateQuerySnapshot") {
    // firebase-admin does not export the aggregate classes at run time, hence the name check.
    firestoreIo.queries++;
    const count = Number(Object.values((result as { data(): Record<string, unknown> }).data())[0] ?? 0);
    firestoreIo.reads += Math.max(1, Math.ceil(count / 1000));
  } else if (result) firestoreIo.reads += 1;
}

function wrapRead<T extends object>(proto: T, name: keyof T) {
  const original = proto[name] as unknown as (...a: unknown[]) => Promise<unknown>;
  (proto as Record<string, unknown>)[name as string] = async function (this: unknown, ...args: unknown[]) {
    const result = await original.apply(this, args);
    countResult(result);
    return result;
  };
}

/** Starts counting every Admin SDK read and write in this process (idempotent; for benchmarks). */
export function countAllFirestoreIo() {
  if (installed) return;
  installed = true;
  // Transaction reads and Firestore.getAll (which DocumentReference.get uses) do not go through
  // Query.get, and a transaction's writes go through its WriteBatch: nothing is counted twice.
  wrapRead(Transaction.prototype, "get");
  wrapRead(Transaction.prototype, "getAll");
  wrapRead(Firestore.prototype, "getAll");
  wrapRead(Query.prototype, "get");
  wrapRead(Object.getPrototypeOf(db.collection("ioCounters").count()) as { get(): unknown }, "get");
  for (const name of ["set", "create", "update", "delete"] as const) {
    const original = WriteBatch.prototype[name] as (...a: unknown[]) => WriteBatch;
    (WriteBatch.prototype as unknown as Record<string, unknown>)[name] = function (this: WriteBatch, ...args: unknown[]) {
      firestoreIo.writes++;
      return original.apply(this, args);
    };
  }
}
