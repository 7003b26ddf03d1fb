// Runs the period close in a process of its own, so its peak memory is the job's and not the
// seeding's. Prints one JSON line: documents read and written (every Admin SDK operation),
// wall time, peak RSS and the job's own summary.
import { closeDuePeriods } from "../../functions/src/usecases/closeDuePeriods.js";
import { productionDeps } from "../../functions/src/usecases/deps.js";
import { countAllFirestoreIo, firestoreIo } from "../../functions/src/store/ioCounters.js";

const [programmeId, asOf] = process.argv.slice(2);
if (!programmeId || !asOf) throw new Error("usage: periodCloseChild.ts <programmeId> <asOf>");
countAllFirestoreIo();
const started = performance.now();
const result = await closeDuePeriods(productionDeps(), { asOf, programmeIds: [programmeId] });
const ms = performance.now() - started;
console.log(JSON.stringify({ ...firestoreIo, ms, maxRssKb: process.resourceUsage().maxRSS, result }));
process.exit(0);
