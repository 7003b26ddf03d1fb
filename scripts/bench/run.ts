// `npm run bench` (inside firebase emulators:exec, after the build): measures what the project asks
// at city scale and writes the figures between the bench markers of docs/benchmarks.md, leaving
// any other section (e.g. Uploads) as it is. Every count is measured: the Admin SDK's reads and
// writes are counted in store/ioCounters.ts (countAllFirestoreIo), the client's from snapshots.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { cpus, loadavg, totalmem } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { collection, doc, getCountFromServer, getDocs, limit, orderBy, query, serverTimestamp, setDoc, where, getDoc } from "firebase/firestore";
import { collections } from "../../functions/src/store/collections.js";
import { countAllFirestoreIo, firestoreIo, ioCounters, resetFirestoreIo, resetIoCounters } from "../../functions/src/store/ioCounters.js";
import { receiveReportSubmission } from "../../functions/src/usecases/receiveReportSubmission.js";
import { productionDeps } from "../../functions/src/usecases/deps.js";
import { exportWhatIf, previewSettings } from "../../functions/src/usecases/settingsProposal.js";
import { admin, closeClients, signedInClient } from "../../test/support/emulators.js";
import { BENCH_PASSWORD, benchProposal, benchSpec, createMembers, openPeriods, reportMetrics, seedBenchProgramme, setTriggers } from "./fixtures.js";
import { webSizes } from "./webSizes.mjs";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");
const started = Date.now();
// The machine may be shared (other emulator sets, builds): its load when the run starts is part of the figures.
const loadAtStart = loadavg()[0]!;
const { db, auth } = admin();
const log = (s: string) => console.log(`▶ ${s}（${Math.round((Date.now() - started) / 1000)} 秒）`);
const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!;
};
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
const SIZES = [50, 500, 2000];
const BIG = `bench-${SIZES[SIZES.length - 1]}`;
const SUBMISSIONS_PER_SIZE = 5;

countAllFirestoreIo();
await setTriggers(false);

// ---- 1. cost per submitted report ----
const cost: { units: number; seedSeconds: number; documents: number; samples: { reads: number; writes: number; typedReads: number; typedWrites: number; queries: number }[]; summaryTotal: number }[] = [];
for (const [k, units] of SIZES.entries()) {
  const id = `bench-${units}`;
  const t0 = Date.now();
  const { g, documents } = await seedBenchProgramme(db, benchSpec(id, units, 100_000 * (k + 1)), { q3Open: id === BIG, q4Fresh: SUBMISSIONS_PER_SIZE });
  const seedSeconds = (Date.now() - t0) / 1000;
  log(`${units} 家单位的专项已写入：${documents} 个文档，${seedSeconds.toFixed(1)} 秒`);
  const unitIds = Object.keys(g.units);
  const samples = [];
  for (let i = 0; i < SUBMISSIONS_PER_SIZE; i++) {
    const unitId = unitIds[i]!;
    const reportId = `${unitId}_2026-Q4`;
    const after = { unitId, periodId: "2026-Q4", state: "submitted", metrics: reportMetrics(i), lagExplanation: "压测：进度说明", updatedBy: `m-${id}-${unitId}`, updatedAt: new Date("2026-11-20T10:00:00+08:00") };
    await db.doc(`programmes/${id}/reports/${reportId}`).set(after);
    resetFirestoreIo();
    resetIoCounters();
    const outcome = await receiveReportSubmission(productionDeps(), { eventId: `bench-${id}-${i}`, eventTime: new Date(), programmeId: id, reportId, before: { state: "draft" }, after });
    if (outcome !== "evaluated") throw new Error(`submission ${reportId} was ${outcome}, not evaluated`);
    samples.push({ reads: firestoreIo.reads, writes: firestoreIo.writes, queries: firestoreIo.queries, typedReads: ioCounters.reads, typedWrites: ioCounters.writes });
  }
  const counts = (await collections.rankings(id).doc("2026-Q4").get()).data()!.counts;
  cost.push({ units, seedSeconds, documents, samples, summaryTotal: Object.values(counts).reduce((a, b) => a + b, 0) });
}

// ---- 2. period close at the largest size, in its own process ----
log(`${BIG} 关账开始`);
const asOf = "2026-11-01";
const child = spawnSync("npx", ["tsx", "scripts/bench/periodCloseChild.ts", BIG, asOf], { cwd: ROOT, encoding: "utf8", env: process.env, maxBuffer: 64 << 20 });
if (child.status !== 0) throw new Error(`period close failed: ${child.stderr}`);
const close = JSON.parse(child.stdout.trim().split("\n").pop()!) as { reads: number; writes: number; queries: number; ms: number; maxRssKb: number; result: { runs: { processed: number; proposed: number; batches: number; state: string }[] } };
const run = close.result.runs.find((r) => r.state === "done")!;
const count = async (q: FirebaseFirestore.Query) => (await q.count().get()).data().count;
const N = run.processed;
const ranked = await count(db.collection(`programmes/${BIG}/evaluations`).where("periodId", "==", "2026-Q3"));
const failedApprovedElsewhere = await count(db.collection(`programmes/${BIG}/evaluations`).where("passed", "==", false).where("state", "==", "approved").where("periodId", "!=", "2026-Q3"));
const failedAcceptances = await count(db.collection(`programmes/${BIG}/enterprises`).where("acceptance", "==", "failed"));
const interviews = await count(db.collection(`programmes/${BIG}/notifications`).where("kind", "==", "interviewCandidate"));
const minReads = 4 * N + failedApprovedElsewhere + failedAcceptances + run.proposed + 3;
const minWrites = N + ranked + 2 * run.proposed + interviews + 4;
log(`关账完成：${N} 家，${(close.ms / 1000).toFixed(1)} 秒`);

// ---- 2b. settings what-if on the closed 2,000-unit period, through the real use case ----
// After the close, 2026-Q3 is closed with every unit's approved evaluation and its stored inputs.
const proposal = { programmeId: BIG, values: benchProposal(), effectiveFrom: "2027-Q1", reason: "压测：提高合格线", whatIfPeriodId: "2026-Q3" };
const failedAnywhere = await count(db.collection(`programmes/${BIG}/evaluations`).where("passed", "==", false));
const withInputs = await count(db.collection(`programmes/${BIG}/evaluations`).where("periodId", "==", "2026-Q3").where("inputs.complaints.received", ">=", 0));
resetFirestoreIo();
const t2 = performance.now();
const preview = await previewSettings(productionDeps(), proposal);
const whatIfRun = { ms: performance.now() - t2, reads: firestoreIo.reads, writes: firestoreIo.writes, queries: firestoreIo.queries, units: preview.whatIf!.rows.length, changed: preview.whatIf!.rows.filter((r) => r.changed.length > 0).length, counts: preview.whatIf!.counts };
resetFirestoreIo();
const t3 = performance.now();
const exported = await exportWhatIf(productionDeps(), proposal, { uid: "bench-staff", role: "staff", name: "压测" });
const exportRun = { ms: performance.now() - t3, reads: firestoreIo.reads, writes: firestoreIo.writes, bytes: Buffer.from(exported.contentBase64, "base64").length };
log(`试算完成：${whatIfRun.units} 家，${(whatIfRun.ms / 1000).toFixed(1)} 秒，读取 ${whatIfRun.reads}`);

// ---- 3. admin page: first page of the ranking, as web/src/admin/Evaluations.tsx asks for it ----
await auth.updateUser("bench-staff", { email: "bench-staff@bench.example.com", password: BENCH_PASSWORD }).catch(() => auth.createUser({ uid: "bench-staff", email: "bench-staff@bench.example.com", password: BENCH_PASSWORD }));
await auth.setCustomUserClaims("bench-staff", { staff: { [BIG]: "admin" } });
const staff = await signedInClient("bench-staff@bench.example.com", BENCH_PASSWORD);
const PAGE = 20;
const base = query(collection(staff.db, "programmes", BIG, "evaluations"), where("periodId", "==", "2026-Q3"), orderBy("total", "desc"));
const t1 = performance.now();
const [page, total, summaryDoc] = await Promise.all([getDocs(query(base, limit(PAGE + 1))), getCountFromServer(base), getDoc(doc(staff.db, "programmes", BIG, "rankings", "2026-Q3"))]);
const adminMs = performance.now() - t1;
const adminPage = { returned: page.size, count: total.data().count, summaryDocs: summaryDoc.exists() ? 1 : 0, aggregateReads: Math.max(1, Math.ceil(total.data().count / 1000)), ms: adminMs };

// ---- 4. latency through the real trigger: 200 client submissions ----
const LANES = ["2025-Q3", "2025-Q4", "2026-Q1", "2026-Q2"] as const;
const latencyUnits = Object.keys((await collections.units(BIG).orderBy("__name__").limit(50).get()).docs.reduce<Record<string, true>>((a, d) => ({ ...a, [d.id]: true }), {}));
await openPeriods(db, BIG, [...LANES], latencyUnits);
const members = await createMembers(auth, BIG, latencyUnits);
const clients: ({ unitId: string } & Awaited<ReturnType<typeof signedInClient>>)[] = [];
for (const m of members) clients.push({ unitId: m.unitId, ...(await signedInClient(m.email, BENCH_PASSWORD)) });
await setTriggers(true);
log("触发器已恢复，开始 200 次提交");
const seen = new Map<string, number>();
const waiters = new Map<string, () => void>();
const unsubscribe = db.collection(`programmes/${BIG}/evaluations`).where("periodId", "in", [...LANES]).onSnapshot((snap) => {
  for (const ch of snap.docChanges()) {
    if (!seen.has(ch.doc.id)) seen.set(ch.doc.id, performance.now());
    waiters.get(ch.doc.id)?.();
  }
});
const latencies: number[] = [];
await Promise.all(
  LANES.map(async (periodId, lane) => {
    for (const [i, c] of clients.entries()) {
      const id = `${c.unitId}_${periodId}`;
      const visible = new Promise<void>((res) => {
        waiters.set(id, res);
        if (seen.has(id)) res();
      });
      const t = performance.now();
      await setDoc(doc(c.db, "programmes", BIG, "reports", id), { unitId: c.unitId, periodId, state: "submitted", metrics: reportMetrics(i + lane), lagExplanation: "压测：进度说明", updatedBy: c.uid, updatedAt: serverTimestamp() });
      await Promise.race([visible, new Promise((_, rej) => setTimeout(() => rej(new Error(`evaluation ${id} not visible within 60 s`)), 60_000))]);
      latencies.push(seen.get(id)! - t);
    }
  }),
);
unsubscribe();
await closeClients();
log("延迟测量完成");

// ---- 5. web entry sizes ----
const dist = join(ROOT, "web", "dist");
const web = existsSync(join(dist, ".vite", "manifest.json")) ? webSizes(dist) : null;

// ---- write docs/benchmarks.md ----
const cpu = cpus()[0]?.model ?? "unknown";
const date = new Intl.DateTimeFormat("zh-CN", { timeZone: "Asia/Shanghai", dateStyle: "medium", timeStyle: "short" }).format(new Date());
const avg = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const distinct = (xs: number[]) => [...new Set(xs)].join(" / ");
const timeLimit = 540;
const lines = [
  "<!-- bench:start -->",
  "## Workflows at city scale",
  "",
  `Measured by \`npm run bench\` on ${date} (Asia/Shanghai): ${cpus().length} CPU cores (\`nproc\`), ${(totalmem() / 2 ** 30).toFixed(1)} GiB memory, ${cpu}, Node ${process.version}, the Firebase emulators (firebase-tools 13.35.1). Wall time of the whole run: ${Math.round((Date.now() - started) / 1000)} s. Load average (1 min) when the run started: ${loadAtStart.toFixed(2)}.`,
  "",
  "Reads and writes are every Admin SDK document operation of the code under test, counted in `functions/src/store/ioCounters.ts` (`countAllFirestoreIo`) as Firestore bills them: each document a get asks for (also one that does not exist, such as the `processedEvents` marker), each document a query returns (at least one per query), each set/create/update. “Typed” is the subset that passed through the typed converters (existing documents only).",
  "",
  "### Cost per submitted report (score + ranking recompute)",
  "",
  `Each size is a generated Guangzhou programme in which every other unit already has a 2026-Q4 evaluation in the ranking summary; ${SUBMISSIONS_PER_SIZE} first submissions are then handled by \`receiveReportSubmission\` in-process with a synthetic event.`,
  "",
  "| units | documents seeded (s) | reads / submission | writes / submission | queries | typed reads / writes | ranking summary counts |",
  "|---:|---:|---:|---:|---:|---:|---:|",
  ...cost.map((c) => `| ${c.units.toLocaleString("en")} | ${c.documents.toLocaleString("en")} (${c.seedSeconds.toFixed(1)} s) | ${distinct(c.samples.map((s) => s.reads))} | ${distinct(c.samples.map((s) => s.writes))} | ${distinct(c.samples.map((s) => s.queries))} | ${distinct(c.samples.map((s) => s.typedReads))} / ${distinct(c.samples.map((s) => s.typedWrites))} | ${c.summaryTotal.toLocaleString("en")} |`),
  "",
  `Flat: ${new Set(cost.flatMap((c) => c.samples.map((s) => `${s.reads}/${s.writes}`))).size === 1 ? "yes — the same reads and writes at every size" : "NO — the counts differ between sizes"}. A submission reads the programme, the report, the period, the task book, the existing evaluation, the period's ranking summary (one document, however many units), the unit's complaints, the national holiday arrangements and the programme's settings versions (three queries; each one billed read when empty) and the marker; it writes the report, the evaluation, the summary, two audit entries and the marker.`,
  "",
  `### Period close at ${N.toLocaleString("en")} units`,
  "",
  "| measure | value |",
  "|---|---:|",
  `| documents read | ${close.reads.toLocaleString("en")} (${close.queries} queries) |`,
  `| minimum reads | ${minReads.toLocaleString("en")} |`,
  `| reads / minimum | **${(close.reads / minReads).toFixed(2)}×** |`,
  `| documents written | ${close.writes.toLocaleString("en")} |`,
  `| minimum writes | ${minWrites.toLocaleString("en")} |`,
  `| writes / minimum | **${(close.writes / minWrites).toFixed(2)}×** |`,
  `| batches (100 units each) | ${run.batches} |`,
  `| candidates proposed | ${run.proposed} |`,
  `| wall time | ${(close.ms / 1000).toFixed(1)} s |`,
  `| units per second | ${Math.round(N / (close.ms / 1000)).toLocaleString("en")} |`,
  `| share of a ${timeLimit} s invocation | ${((close.ms / 1000 / timeLimit) * 100).toFixed(1)} % |`,
  `| peak RSS of the process running the job | ${(close.maxRssKb / 1024).toFixed(0)} MiB |`,
  "",
  `Minimum the job must touch: per unit its unit, report, evaluation and task-book documents (4 × ${N}), every approved failed evaluation of another period (${failedApprovedElsewhere}) and failed acceptance (${failedAcceptances}) that GZ-4.4b.3 / GZ-4.4a.6 must see, one existence check per candidate (${run.proposed}), and the programme, period and ranking summary (3) → ${minReads.toLocaleString("en")} reads. Writes: one audit entry per unit (${N}), the frozen rank of each evaluation (${ranked}), each candidate and its audit entry (2 × ${run.proposed}), interview notices (${interviews}), the period twice and its start/done audit entries (4) → ${minWrites.toLocaleString("en")}. Above the minimum: the job's cursor document per batch, the \`in\`-queries per 30 units (each bills at least one read even when empty) and the failed evaluations of this period that those queries return.`,
  "",
  `Time limit assumed: **${timeLimit} s**, which \`periodClose\` sets as its \`timeoutSeconds\` — the maximum Google documents for an event-driven 2nd-gen Cloud Function (3,600 s for HTTP functions; a v2 \`onSchedule\` function is invoked over HTTP by Cloud Scheduler, so 540 s is the conservative reading). Without the setting the default would be 60 s, and two runs on this machine took 33 s and 53 s. This is an assumption about production, not measured here; the emulator's Firestore is local, so production latency per transaction is higher. The job is resumable: if an invocation stops, the next one continues at its cursor.`,
  "",
  `### Settings what-if at ${whatIfRun.units.toLocaleString("en")} units`,
  "",
  `\`previewSettings\` (usecases/settingsProposal.ts) in-process on the closed 2026-Q3 of the ${N.toLocaleString("en")}-unit programme right after its close: every approved evaluation (${withInputs.toLocaleString("en")} of them with their stored inputs) scored again with the settings in force and with a proposal (pass mark 75, 5 points moved from 产品和解决方案 to 改造成效), ranked both ways, and compared; then \`exportWhatIf\`, the same what-if as an Excel workbook with every unit by name.`,
  "",
  "| measure | preview | Excel export |",
  "|---|---:|---:|",
  `| wall time | **${(whatIfRun.ms / 1000).toFixed(2)} s** | ${(exportRun.ms / 1000).toFixed(2)} s |`,
  `| documents read | **${whatIfRun.reads.toLocaleString("en")}** (${whatIfRun.queries} queries) | ${exportRun.reads.toLocaleString("en")} |`,
  `| documents written | ${whatIfRun.writes} | ${exportRun.writes} (the audit entry) |`,
  `| units with a change | ${whatIfRun.changed.toLocaleString("en")} (total ${whatIfRun.counts.total}, band ${whatIfRun.counts.band}, rank ${whatIfRun.counts.rank}, pass/fail ${whatIfRun.counts.passed}, clear-out ${whatIfRun.counts.clearOut}, interview ${whatIfRun.counts.interview}) | workbook ${kb(exportRun.bytes)} |`,
  "",
  `Reads of the preview: the ${whatIfRun.units.toLocaleString("en")} evaluations, the programme, the period, the settings versions (a query: one billed read when none was adopted) and the approved failed evaluations of other periods that GZ-4.4b.3's cumulative ground needs (${failedApprovedElsewhere}; a query, one billed read when empty) → ${whatIfRun.units.toLocaleString("en")} + 4 + ${failedApprovedElsewhere} = ${(whatIfRun.units + 4 + failedApprovedElsewhere).toLocaleString("en")}, which is what was measured${whatIfRun.reads === whatIfRun.units + 4 + failedApprovedElsewhere ? "" : " — NO, it differs"}. Before this was measured the preview also read the holiday arrangements (a query; the what-if counts no working days) and every failed evaluation of the programme in any state and period — here ${failedAnywhere.toLocaleString("en")}, the 2026-Q3 ones a second time and the 2026-Q4 drafts for nothing. The export reads the same plus one unit document per row for the names.`,
  "",
  "### Latency: report written → evaluation draft visible",
  "",
  `${latencies.length} client submissions (50 units × 4 periods, each unit a real member account; a client \`setDoc\` of the report with state \`submitted\`, four submissions in flight at a time, one per period) through the real \`onReportWritten\` trigger in the Functions emulator; “visible” is when an Admin SDK listener on the evaluations sees the draft, in a ${N.toLocaleString("en")}-unit programme.`,
  "",
  "| p50 | p95 | max | mean |",
  "|---:|---:|---:|---:|",
  `| ${pct(latencies, 50).toFixed(0)} ms | ${pct(latencies, 95).toFixed(0)} ms | ${Math.max(...latencies).toFixed(0)} ms | ${avg(latencies).toFixed(0)} ms |`,
  "",
  `### Admin page: first page of a ${adminPage.count.toLocaleString("en")}-unit ranking`,
  "",
  "The query of `web/src/admin/Evaluations.tsx` (`usePagedQuery`): evaluations where `periodId == 2026-Q3` ordered by `total` desc, `limit(20 + 1)`, plus `getCountFromServer` on the same query and the ranking summary the distribution chart reads — as a signed-in staff client through the rules.",
  "",
  "| documents returned | aggregate count | summary documents | billed reads | time |",
  "|---:|---:|---:|---:|---:|",
  `| ${adminPage.returned} | ${adminPage.count.toLocaleString("en")} (billed ${adminPage.aggregateReads}: one per 1,000 index entries) | ${adminPage.summaryDocs} | ${adminPage.returned + adminPage.aggregateReads + adminPage.summaryDocs} | ${adminPage.ms.toFixed(0)} ms |`,
  "",
  "### Web entry sizes",
  "",
  ...(web
    ? [
        "Initial load = the entry chunk and everything it imports statically (JS + CSS), from Vite's manifest: for the portal and the admin page that is the frame and the sign-in form. Lazy parts load on demand (the signed-in page after sign-in); each figure is what that part adds to the first load, its shared chunks included.",
        "",
        "| entry | initial raw | initial gzip | files | lazy parts, added on demand (gzip) |",
        "|---|---:|---:|---:|---|",
        ...Object.entries(web).map(
          ([name, w]) => `| ${name} | ${kb(w.initial.raw)} | ${kb(w.initial.gzip)} | ${w.files} | ${w.lazy.map((l) => `${l.name} ${kb(l.gzip)}`).join(", ") || "—"} |`,
        ),
      ]
    : ["(web/dist has no build manifest: run `npm run build` first.)"]),
  "<!-- bench:end -->",
];

const file = join(ROOT, "docs", "benchmarks.md");
const block = lines.join("\n");
const existing = existsSync(file) ? readFileSync(file, "utf8") : "# Benchmarks\n\nWritten by `npm run bench`; each section between its markers is replaced on the next run.\n";
const updated = /<!-- bench:start -->[\s\S]*<!-- bench:end -->/.test(existing) ? existing.replace(/<!-- bench:start -->[\s\S]*<!-- bench:end -->/, block) : `${existing.trimEnd()}\n\n${block}\n`;
writeFileSync(file, updated);
console.log(block);
log("已写入 docs/benchmarks.md");
process.exit(0);
