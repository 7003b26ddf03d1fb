// `npm run check:backup`: proves that the local data of `npm start` survives its export/import.
// npm start stops with --export-on-exit and starts with --import (scripts/start.mjs); this runs
// the same two firebase-tools options in two separate emulator runs — seed and record a digest,
// stop (export), start again from the export and compare every document and account.
// It needs two emulator starts of its own, so it cannot run inside npm test's single
// emulators:exec; it is a separate script.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runFirebase } from "../emulators.mjs";

const dir = mkdtempSync(join(tmpdir(), "traction-backup-"));
const data = join(dir, "export");
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
  await run(["--export-on-exit", data, `npx tsx scripts/backup/snapshot.ts write ${digest}`], "写入演示数据并在退出时导出");
  await run(["--import", data, `npx tsx scripts/backup/snapshot.ts verify ${digest}`], "从导出启动并逐个比较文档与账号");
} finally {
  rmSync(dir, { recursive: true, force: true });
}
