// `npm run check:backup`: proves that the local data of `npm start` survives its save/import.
// npm start saves through this run's own hub (scripts/local/snapshot.ts) and starts with --import
// (scripts/start.mjs); this does the same in two separate emulator runs — seed, record a digest
// and save a snapshot; start again from the snapshot and compare every document and account.
// It needs two emulator starts of its own, so it cannot run inside npm test's single
// emulators:exec; it is a separate script.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runFirebase } from "../emulators.mjs";

const dir = mkdtempSync(join(tmpdir(), "traction-backup-"));
const data = join(dir, "data");
const digest = join(dir, "digest.json");
const run = async (args, title) => {
  console.log(`▶ ${title}`);
  const code = await runFirebase(["emulators:exec", "--only", "auth,firestore", "--log-verbosity", "QUIET", ...args]).done;
  if (code !== 0) {
    console.error(`✖ ${title} 失败（退出码 ${code}）`);
    process.exit(1);
  }
};
try {
  await run([`npx tsx scripts/backup/snapshot.ts write ${digest} ${data}`], "写入演示数据并保存快照");
  await run(["--import", join(data, "emulators"), `npx tsx scripts/backup/snapshot.ts verify ${digest}`], "从快照启动并逐个比较文档与账号");
} finally {
  rmSync(dir, { recursive: true, force: true });
}
