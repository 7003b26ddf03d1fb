// What each page loads before any click: its entry chunk plus every chunk it imports statically,
// raw and gzip, read from Vite's build manifest. Lazy parts (dynamic imports: the signed-in page,
// a tab) are listed apart, each with everything it brings that the first load did not have.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";

export function webSizes(dist) {
  const manifest = JSON.parse(readFileSync(join(dist, ".vite", "manifest.json"), "utf8"));
  const size = (file) => {
    const bytes = readFileSync(join(dist, file));
    return { raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
  };
  const closure = (key, seen = new Set()) => {
    if (seen.has(key)) return seen;
    seen.add(key);
    for (const dep of manifest[key]?.imports ?? []) closure(dep, seen);
    return seen;
  };
  const out = {};
  for (const [key, chunk] of Object.entries(manifest)) {
    if (!chunk.isEntry) continue;
    const files = [...closure(key)].map((k) => manifest[k].file);
    const css = [...closure(key)].flatMap((k) => manifest[k].css ?? []);
    const total = [...files, ...css].map(size).reduce((a, b) => ({ raw: a.raw + b.raw, gzip: a.gzip + b.gzip }), { raw: 0, gzip: 0 });
    const initial = closure(key);
    const lazy = (chunk.dynamicImports ?? []).map((k) => {
      const extra = [...closure(k)].filter((c) => !initial.has(c));
      const bytes = [...extra.map((c) => manifest[c].file), ...extra.flatMap((c) => manifest[c].css ?? [])].map(size).reduce((a, b) => ({ raw: a.raw + b.raw, gzip: a.gzip + b.gzip }), { raw: 0, gzip: 0 });
      return { name: manifest[k].name ?? k, ...bytes };
    });
    out[chunk.name ?? key] = { initial: total, files: files.length, lazy };
  }
  return out;
}

if (process.argv[1] && process.argv[1].endsWith("webSizes.mjs")) {
  console.log(JSON.stringify(webSizes(process.argv[2] ?? "web/dist"), null, 2));
}
