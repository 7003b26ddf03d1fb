// Inside one emulator run: `write <file> <dataDir>` seeds the lived-in demo and a few edge values,
// records a digest of every document and account and saves a snapshot as npm start does;
// `verify <file>` (in a later run started with --import) computes the digest again and compares.
// Used by scripts/backup/check.mjs.
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { Timestamp } from "firebase-admin/firestore";
import { adminHandles, seedDemo, seedLivedIn } from "../demo/seed.js";
import { dataPaths } from "../local/localData.js";
import { saveSnapshot } from "../local/snapshot.js";

const { db, auth } = adminHandles();

/** Field order is not part of a Firestore document: compare with keys sorted. */
const canonical = (v: unknown): unknown =>
  v instanceof Timestamp ? `ts:${v.seconds}.${v.nanoseconds}` : Array.isArray(v) ? v.map(canonical) : v && typeof v === "object" ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, canonical((v as Record<string, unknown>)[k])])) : v;

async function digest() {
  const docs: string[] = [];
  const walk = async (cols: FirebaseFirestore.CollectionReference[]) => {
    for (const col of cols) {
      for (const ref of await col.listDocuments()) {
        const snap = await ref.get();
        if (snap.exists) docs.push(`${ref.path} ${JSON.stringify(canonical(snap.data()))}`);
        await walk(await ref.listCollections());
      }
    }
  };
  await walk(await db.listCollections());
  docs.sort();
  const users = (await auth.listUsers(1000)).users.map((u) => JSON.stringify({ uid: u.uid, email: u.email, displayName: u.displayName, claims: u.customClaims ?? null, passwordHash: u.passwordHash ?? null })).sort();
  const hash = createHash("sha256").update(docs.join("\n")).update("\n--\n").update(users.join("\n")).digest("hex");
  return { documents: docs.length, users: users.length, hash, lines: [...docs, ...users] };
}

const [mode, file, dataDir] = process.argv.slice(2);
if (mode === "write" && file && dataDir) {
  await seedDemo(adminHandles());
  await seedLivedIn(adminHandles());
  // Values an export could mangle: an instant with nanoseconds, nested maps, Chinese text, empty arrays.
  await db.doc("backupCheck/edge").set({ at: new Timestamp(1_764_000_000, 123_456_789), nested: { a: [1, "二", { b: null }] }, empty: [], text: "备份与恢复检查" });
  writeFileSync(file, JSON.stringify(await digest()));
  await saveSnapshot(`http://${process.env.FIREBASE_EMULATOR_HUB}`, dataPaths(dataDir), {}, "check:backup");
} else if (mode === "verify" && file) {
  const before = JSON.parse(readFileSync(file, "utf8")) as Awaited<ReturnType<typeof digest>>;
  const after = await digest();
  if (after.hash !== before.hash) {
    const changed = before.lines.filter((l) => !after.lines.includes(l));
    console.error(`✖ 导入后的数据与导出前不一致：导出前 ${before.documents} 个文档、${before.users} 个账号，导入后 ${after.documents} 个文档、${after.users} 个账号。不同或缺失的前几项：\n${changed.slice(0, 3).map((l) => l.slice(0, 400)).join("\n")}\n导入后对应：\n${after.lines.filter((l) => !before.lines.includes(l)).slice(0, 3).map((l) => l.slice(0, 400)).join("\n")}`);
    process.exit(1);
  }
  console.log(`✔ 导出/导入往返一致：${after.documents} 个文档、${after.users} 个账号，摘要 ${after.hash.slice(0, 16)}…`);
} else {
  console.error("usage: snapshot.ts write <file> <dataDir> | verify <file>");
  process.exit(2);
}
process.exit(0);
