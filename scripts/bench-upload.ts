// Upload throughput of a 20 MiB file through the uploadDocument HTTPS function on the emulators.
// Run: npm run build -w functions && EMULATOR_PORT_OFFSET=<n> node scripts/emulators.mjs exec "npx tsx scripts/bench-upload.ts"
// Seeds the demo data and one draft application, then uploads RUNS times as the unit member and
// prints MB/s per run (wall time from request start to the 201 answer, metadata committed).
import { makeUscc } from "../functions/src/domain/uscc.js";
import { collections } from "../functions/src/store/collections.js";
import { account } from "./demo/accounts.js";
import { adminHandles, seedDemo } from "./demo/seed.js";
import { idToken, pdfOfSize, sha256, upload } from "../test/support/uploads.js";

const RUNS = Number(process.env.RUNS ?? 5);
const SIZE = 20 * 1024 * 1024;

await seedDemo(adminHandles());
await collections.changes("gz-2025").doc("bench-change").set({ unitId: "gz-u01", type: "partnerAdd", state: "draft", payload: { type: "partnerAdd", name: "基准测试伙伴", uscc: makeUscc(41) }, documents: [] });
const token = await idToken(account("member-gz-01").email);
const bytes = pdfOfSize(SIZE);
const results: number[] = [];
for (let i = 1; i <= RUNS; i++) {
  const t0 = performance.now();
  const r = await upload(token, { programmeId: "gz-2025", targetType: "change", targetId: "bench-change", kind: "auditReport" }, { name: `审计报告-${i}.pdf`, bytes });
  const secs = (performance.now() - t0) / 1000;
  if (r.status !== 201 || r.json.sha256 !== sha256(bytes)) throw new Error(`run ${i} failed: ${r.status} ${JSON.stringify(r.json)}`);
  const mbps = SIZE / 1e6 / secs;
  results.push(mbps);
  console.log(`run ${i}: ${secs.toFixed(2)} s, ${mbps.toFixed(1)} MB/s (version ${r.json.version})`);
}
const sorted = [...results].sort((a, b) => a - b);
console.log(`20 MiB upload, ${RUNS} runs: median ${sorted[Math.floor(RUNS / 2)]!.toFixed(1)} MB/s, min ${sorted[0]!.toFixed(1)}, max ${sorted[RUNS - 1]!.toFixed(1)}`);
process.exit(0);
