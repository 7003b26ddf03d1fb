// Writes a generated programme through the typed collections (so demo data obeys the same schemas
// as real data), in batches of 400 documents. Fixed ids: running it twice changes nothing.
import type { Firestore } from "firebase-admin/firestore";
import { publicCircularOf } from "../../functions/src/domain/schemas/proceeding.js";
import { getPolicyPack } from "../../functions/src/domain/policy/index.js";
import { publicProgrammeOf } from "../../functions/src/domain/schemas/programme.js";
import { collections } from "../../functions/src/store/collections.js";
import type { GeneratedProgramme } from "./generate.js";

export async function writeProgramme(db: Firestore, g: GeneratedProgramme): Promise<number> {
  const p = g.spec.id;
  const writes: [FirebaseFirestore.DocumentReference<never>, unknown][] = [];
  const add = <T>(col: FirebaseFirestore.CollectionReference<T>, docs: Record<string, T>) => {
    for (const [id, data] of Object.entries(docs)) writes.push([col.doc(id) as FirebaseFirestore.DocumentReference<never>, data]);
  };
  writes.push([collections.programmes().doc(p) as FirebaseFirestore.DocumentReference<never>, g.programme]);
  writes.push([collections.publicProgrammes().doc(p) as FirebaseFirestore.DocumentReference<never>, publicProgrammeOf(g.programme, getPolicyPack(g.programme.packId).workGroupName)]);
  add(collections.units(p), g.units);
  add(collections.partners(p), g.partners);
  add(collections.enterprises(p), g.enterprises);
  add(collections.taskBooks(p), g.taskBooks);
  add(collections.periods(p), g.periods);
  add(collections.reports(p), g.reports);
  add(collections.evaluations(p), g.evaluations);
  add(collections.rankings(p), g.rankings);
  add(collections.proceedings(p), g.proceedings);
  // GZ-4.4a.0: each 通报 beside its public projection, as the issue step writes them.
  add(collections.circulars(p), g.circulars);
  add(collections.publicCirculars(p), Object.fromEntries(Object.entries(g.circulars).map(([id, c]) => [id, publicCircularOf(c)])));
  add(collections.changes(p), g.changes);
  add(collections.notices(p), g.notices);
  add(collections.ratings(p), g.ratings);
  add(collections.surveyTokens(p), g.surveyTokens);
  add(collections.catalogue(p), g.catalogue);
  add(collections.partnerLists(p), g.partnerLists);
  add(collections.catalogueLists(p), g.catalogueLists);
  add(collections.notifications(p), g.notifications);
  add(collections.interviews(p), g.interviews);
  add(collections.awards(p), g.awards);
  for (let i = 0; i < writes.length; i += 400) {
    const batch = db.batch();
    for (const [ref, data] of writes.slice(i, i + 400)) batch.set(ref, data as never);
    await batch.commit();
  }
  return writes.length;
}
