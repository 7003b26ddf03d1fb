// When `npm start` may say 已就绪: every emulator listed by this run's hub, the web app served, and
// every function the build exports loaded by the Functions emulator. The hub lists the Functions
// emulator as soon as it listens, before it has loaded the code (firebase-tools connects the
// emulators only after starting all of them), so the hub alone is not enough.
import { readFileSync } from "node:fs";
import { join } from "node:path";

/** The function names functions/lib/index.js exports (it holds `export { name } from` lines only). */
export function exportedFunctions(root: string): string[] {
  const src = readFileSync(join(root, "functions", "lib", "index.js"), "utf8");
  return [...src.matchAll(/export\s*\{([^}]*)\}/g)].flatMap((m) => m[1]!.split(",").map((s) => s.trim().split(/\s+as\s+/).at(-1)!)).filter(Boolean);
}

export interface ReadyProbe {
  hub: string;
  hosting: string;
  emulators: string[];
  expectedFunctions: string[];
}

/** What is still missing, or undefined once everything is up. */
export async function missing(p: ReadyProbe): Promise<string | undefined> {
  try {
    const running = (await (await fetch(`${p.hub}/emulators`)).json()) as Record<string, { host: string; port: number }>;
    const absent = p.emulators.filter((e) => !running[e]);
    if (absent.length) return `模拟器 ${absent.join("、")}`;
    if (!(await fetch(p.hosting)).ok) return "网页";
    const f = running.functions!;
    const { backends } = (await (await fetch(`http://${f.host}:${f.port}/backends`)).json()) as { backends: { functionTriggers: { name: string }[] }[] };
    const loaded = new Set(backends.flatMap((b) => b.functionTriggers.map((t) => t.name)));
    const notYet = p.expectedFunctions.filter((n) => !loaded.has(n));
    if (notYet.length) return `云函数（${notYet.length} 个尚未加载）`;
    if (loaded.size === 0) return "云函数";
    return undefined;
  } catch {
    return "模拟器";
  }
}

/** Polls until ready; false when `until` passes or `cancelled()` says stop. */
export async function waitUntilReady(p: ReadyProbe, until: number, cancelled: () => boolean): Promise<{ ready: boolean; last?: string }> {
  let last: string | undefined;
  while (!cancelled() && Date.now() < until) {
    last = await missing(p);
    if (!last) return { ready: true };
    await new Promise((r) => setTimeout(r, 500));
  }
  return { ready: false, last };
}
