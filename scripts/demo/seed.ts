// Seeds the demo programmes into the emulators. Safe to run twice: every document and account
// has a fixed id and is written with set()/update, so a second run changes nothing.
import { getApps, initializeApp } from "firebase-admin/app";
import { getAuth, type Auth } from "firebase-admin/auth";
import { getFirestore, Timestamp, type Firestore } from "firebase-admin/firestore";
import { makeUscc } from "../../functions/src/domain/uscc.js";
import { demoAccounts, DEMO_PASSWORD } from "./accounts.js";

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

export function adminHandles(): { db: Firestore; auth: Auth } {
  requireEmulators();
  const app = getApps()[0] ?? initializeApp({ projectId: process.env.GCLOUD_PROJECT ?? "demo-traction" });
  return { db: getFirestore(app), auth: getAuth(app) };
}

export async function seedDemo({ db, auth }: { db: Firestore; auth: Auth }) {
  const listedOn = "2025-01-15";
  const batch = db.batch();
  for (const p of PROGRAMMES) {
    batch.set(db.doc(`programmes/${p.id}`), { name: p.name, city: p.city, packId: p.packId, status: "active", createdAt: Timestamp.fromDate(new Date("2025-01-01T00:00:00+08:00")) });
  }
  for (const u of UNITS) {
    batch.set(db.doc(`programmes/${u.programmeId}/units/${u.id}`), {
      name: u.name,
      uscc: makeUscc(u.seq),
      status: "listed",
      listedOn,
      batch: "第一批",
    });
  }
  for (const a of demoAccounts) {
    if (a.claims.unit) {
      const { programmeId, unitId } = a.claims.unit;
      batch.set(db.doc(`programmes/${programmeId}/units/${unitId}/members/${a.uid}`), { uid: a.uid, email: a.email, displayName: a.displayName });
    }
  }
  await batch.commit();

  for (const a of demoAccounts) {
    const props = { email: a.email, password: DEMO_PASSWORD, displayName: a.displayName, emailVerified: true };
    try {
      await auth.updateUser(a.uid, props);
    } catch {
      await auth.createUser({ uid: a.uid, ...props });
    }
    await auth.setCustomUserClaims(a.uid, a.claims);
  }
}

if (process.argv[1]?.endsWith("seed.ts")) {
  await seedDemo(adminHandles());
  console.log("演示数据已写入模拟器。");
}
