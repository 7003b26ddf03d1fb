// Seeds the demo programmes into the emulators. Safe to run twice: every document and account
// has a fixed id and is written with set(), so a second run changes nothing. Documents go
// through the typed collections, so demo data obeys the same schemas as real data.
import { getPolicyPack } from "../../functions/src/domain/policy/index.js";
import { publicProgrammeOf } from "../../functions/src/domain/schemas/programme.js";
import { makeUscc } from "../../functions/src/domain/uscc.js";
import { auth, db } from "../../functions/src/store/admin.js";
import { collections } from "../../functions/src/store/collections.js";
import { demoAccounts, DEMO_PASSWORD } from "./accounts.js";
import { todayInShanghai } from "./demoDates.js";
import { DEMO_CALENDAR_OVERRIDES, demoSpecs, generateProgramme } from "./generate.js";
import { writeProgramme } from "./writeProgramme.js";

export const PROGRAMMES = [
  { id: "gz-2025", name: "广州市中小企业数字化转型城市试点（演示）", city: "广州", packId: "guangzhou" },
  { id: "dg-2025", name: "东莞市中小企业数字化转型城市试点（演示）", city: "东莞", packId: "dongguan" },
] as const;

export const UNITS = [
  { programmeId: "gz-2025", id: "gz-u01", name: "穗链智造科技（演示）有限公司", seq: 1 },
  { programmeId: "gz-2025", id: "gz-u02", name: "羊城云数信息（演示）有限公司", seq: 2 },
  { programmeId: "dg-2025", id: "dg-u01", name: "莞工数字服务（演示）有限公司", seq: 3 },
] as const;

function requireEmulators() {
  for (const v of ["FIRESTORE_EMULATOR_HOST", "FIREBASE_AUTH_EMULATOR_HOST"]) {
    if (!process.env[v]) throw new Error(`演示数据只写入本地模拟器：缺少环境变量 ${v}，已拒绝执行。`);
  }
}

export function adminHandles() {
  requireEmulators();
  return { db, auth };
}

export async function seedDemo({ db: firestore, auth: users }: ReturnType<typeof adminHandles>) {
  requireEmulators();
  const createdAt = new Date("2025-01-01T00:00:00+08:00");
  const batch = firestore.batch();
  for (const p of PROGRAMMES) {
    batch.set(collections.programmes().doc(p.id), { name: p.name, city: p.city, packId: p.packId, startsOn: "2025-01-01", endsOn: null, calendarOverrides: DEMO_CALENDAR_OVERRIDES, createdAt });
    batch.set(collections.publicProgrammes().doc(p.id), publicProgrammeOf(p, getPolicyPack(p.packId).workGroupName));
  }
  for (const u of UNITS) {
    batch.set(collections.units(u.programmeId).doc(u.id), { name: u.name, uscc: makeUscc(u.seq), status: "listed", listedOn: "2025-01-15", batch: "第一批" });
  }
  for (const a of demoAccounts) {
    if (a.claims.unit) {
      const { programmeId, unitId } = a.claims.unit;
      batch.set(collections.members(programmeId, unitId).doc(a.uid), { uid: a.uid, name: a.displayName, addedAt: createdAt });
    }
  }
  await batch.commit();

  for (const a of demoAccounts) {
    const props = { email: a.email, password: DEMO_PASSWORD, displayName: a.displayName, emailVerified: true };
    try {
      await users.updateUser(a.uid, props);
    } catch {
      await users.createUser({ uid: a.uid, ...props });
    }
    await users.setCustomUserClaims(a.uid, a.claims);
  }
}

/**
 * The lived-in demo for `npm start`: two programmes with units in every state, dated
 * from `today` (the first start), so its notices, periods and deadlines lie around that day.
 * Tests use the small `seedDemo` above and build what they need themselves.
 */
export async function seedLivedIn({ db: firestore }: ReturnType<typeof adminHandles>, today = todayInShanghai()): Promise<number> {
  requireEmulators();
  let n = 0;
  for (const spec of demoSpecs(today)) n += await writeProgramme(firestore, generateProgramme(spec, today));
  return n;
}

if (process.argv[1]?.endsWith("seed.ts")) {
  await seedDemo(adminHandles());
  await seedLivedIn(adminHandles());
  console.log("演示数据已写入模拟器。");
}
