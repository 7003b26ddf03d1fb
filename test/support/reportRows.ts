// Reports whose row figures (enterprises transformed, diagnoses, the level-2 share) come from
// records, as the system counts them (domain/enterpriseMetrics.ts): the pilot enterprises are put
// in the registry as served by the unit, and the report carries a progress row for each. Tests
// that used to type those figures describe them here instead.
import { makeUscc } from "../../functions/src/domain/uscc.js";
import { collections } from "../../functions/src/store/collections.js";

export interface Figures {
  enterprisesTransformed?: number;
  diagnoses?: number;
  /** Enterprises at level 2 or above among those transformed (a count, so the share is exact). */
  atLevel2?: number;
}

export interface Row {
  enterpriseId: string;
  progress: string;
  contractSigned: boolean;
  diagnosisDone: boolean;
  levelAfter?: number;
}

let serial = 7_000_000;

/** Registers enough pilot enterprises served by the unit (idempotent) and returns rows giving exactly these figures. */
export async function rowsFor(programmeId: string, unitId: string, f: Figures): Promise<Row[]> {
  const transformed = f.enterprisesTransformed ?? 0;
  const diagnosed = f.diagnoses ?? 0;
  const atLevel2 = f.atLevel2 ?? transformed;
  const n = Math.max(transformed, diagnosed);
  const ids = Array.from({ length: n }, (_, i) => `${unitId}-t${i + 1}`);
  const batch = collections.enterprises(programmeId).firestore.batch();
  for (const [i, id] of ids.entries()) {
    const ref = collections.enterprises(programmeId).doc(id);
    if ((await ref.get()).exists) continue;
    batch.set(ref, { name: `测试试点企业${unitId}-${i + 1}有限公司`, uscc: makeUscc(serial++), servedBy: unitId, contractSignedOn: "2025-03-01", diagnosisDone: false, onCloud: false, acceptance: "pending" });
  }
  await batch.commit();
  return ids.map((enterpriseId, i) => ({
    enterpriseId,
    progress: `第 ${i + 1} 家企业改造进展`,
    contractSigned: true,
    diagnosisDone: i < diagnosed,
    ...(i < transformed ? { levelAfter: i < atLevel2 ? 2 : 1 } : {}),
  }));
}

/** Splits metrics the way tests used to type them: row figures become rows, the rest stay typed. */
export async function reportContent(programmeId: string, unitId: string, metrics: Record<string, number>): Promise<{ metrics: Record<string, number>; enterprises: Row[] }> {
  const { enterprisesTransformed, diagnoses, level2Share, ...typed } = metrics;
  const atLevel2 = enterprisesTransformed === undefined || level2Share === undefined ? undefined : Math.round(enterprisesTransformed * level2Share);
  const enterprises = await rowsFor(programmeId, unitId, { enterprisesTransformed, diagnoses, atLevel2 });
  return { metrics: typed, enterprises };
}
