// The Firestore emulator does not enforce composite indexes, so a query that works in every test
// could still fail in production with FAILED_PRECONDITION. This test reads the code instead: it
// finds every query the functions and the web app build (admin-SDK chains `.where().orderBy()`
// and modular `query(ref, where(), orderBy())`), works out which need a composite index, and
// fails if firestore.indexes.json does not declare it.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

interface Clause {
  field: string;
  kind: "eq" | "range" | "order";
  direction?: "ASCENDING" | "DESCENDING";
}
interface FoundQuery {
  file: string;
  line: number;
  collection: string;
  clauses: Clause[];
}

const EQ_OPS = new Set(["==", "in", "array-contains", "array-contains-any"]);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return name === "node_modules" || name === "domain" ? [] : sourceFiles(p);
    return /\.(ts|tsx)$/.test(name) && !name.endsWith(".d.ts") ? [p] : [];
  });
}

const text = (n: ts.Node | undefined) => (n && (ts.isStringLiteral(n) || ts.isNoSubstitutionTemplateLiteral(n)) ? n.text : undefined);

function clauseOf(name: string, args: readonly ts.Expression[]): Clause | undefined {
  const field = text(args[0]);
  if (!field) return undefined;
  if (name === "where") return { field, kind: EQ_OPS.has(text(args[1]) ?? "") ? "eq" : "range" };
  if (name === "orderBy") return { field, kind: "order", direction: text(args[1]) === "desc" ? "DESCENDING" : "ASCENDING" };
  return undefined;
}

/** The initializer of a `const name = ...` in the same file, to follow a reference kept in a variable. */
function declarationOf(src: ts.SourceFile, name: string): ts.Expression | undefined {
  let init: ts.Expression | undefined;
  const visit = (n: ts.Node) => {
    if (init) return;
    if (ts.isVariableDeclaration(n) && ts.isIdentifier(n.name) && n.name.text === name && n.initializer) init = n.initializer;
    ts.forEachChild(n, visit);
  };
  visit(src);
  return init;
}

/** The collection a reference expression names: collections.x(...), collection(db, ..., "x"), .collection("x"). */
function collectionOf(expr: ts.Expression, src: ts.SourceFile, depth = 0): string | undefined {
  if (ts.isIdentifier(expr) && depth < 3) {
    const init = declarationOf(src, expr.text);
    return init ? collectionOf(init, src, depth + 1) : undefined;
  }
  let found: string | undefined;
  const visit = (n: ts.Node) => {
    if (found) return;
    if (ts.isCallExpression(n)) {
      const callee = n.expression;
      if (ts.isPropertyAccessExpression(callee) && ts.isIdentifier(callee.expression) && callee.expression.text === "collections") found = callee.name.text;
      else if (ts.isIdentifier(callee) && callee.text === "collection") found = text([...n.arguments].reverse().find((a) => text(a) !== undefined));
      else if (ts.isPropertyAccessExpression(callee) && callee.name.text === "collection") found = text(n.arguments[0]);
      else if (ts.isPropertyAccessExpression(callee) && callee.name.text === "collectionGroup") found = text(n.arguments[0]);
    }
    ts.forEachChild(n, visit);
  };
  visit(expr);
  return found;
}

function queriesIn(file: string): FoundQuery[] {
  const src = ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.Latest, true, file.endsWith("x") ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const out: FoundQuery[] = [];
  const line = (n: ts.Node) => src.getLineAndCharacterOfPosition(n.getStart()).line + 1;
  const visit = (n: ts.Node) => {
    if (ts.isCallExpression(n)) {
      // Modular SDK: query(ref, where(...), orderBy(...)).
      if (ts.isIdentifier(n.expression) && n.expression.text === "query" && n.arguments.length > 1) {
        const clauses = n.arguments.slice(1).flatMap((a) => (ts.isCallExpression(a) && ts.isIdentifier(a.expression) ? [clauseOf(a.expression.text, a.arguments)].filter((c): c is Clause => !!c) : []));
        // A wrapper that only adds cursors or limits (no where/orderBy) is not a query shape.
        if (clauses.length > 0) out.push({ file, line: line(n), collection: collectionOf(n.arguments[0]!, src) ?? "?", clauses });
      }
      // Admin SDK: the outermost call of a chain ref.where(...).orderBy(...).
      const isChainCall = (c: ts.Node): c is ts.CallExpression => ts.isCallExpression(c) && ts.isPropertyAccessExpression(c.expression) && ["where", "orderBy"].includes(c.expression.name.text);
      const parentIsChain = ts.isPropertyAccessExpression(n.parent) && isChainCall(n.parent.parent);
      if (isChainCall(n) && !parentIsChain) {
        const clauses: Clause[] = [];
        let cur: ts.Expression = n;
        while (isChainCall(cur)) {
          const access = cur.expression as ts.PropertyAccessExpression;
          const c = clauseOf(access.name.text, cur.arguments);
          if (c) clauses.unshift(c);
          cur = access.expression;
        }
        out.push({ file, line: line(n), collection: collectionOf(cur, src) ?? "?", clauses });
      }
    }
    ts.forEachChild(n, visit);
  };
  visit(src);
  return out;
}

/** Firestore serves single-field and equality-only queries without a composite index. */
function needsComposite(q: FoundQuery): boolean {
  const fields = new Set(q.clauses.map((c) => c.field));
  const ordered = q.clauses.some((c) => c.kind !== "eq");
  return fields.size >= 2 && ordered;
}

interface DeclaredIndex {
  collectionGroup: string;
  fields: { fieldPath: string; order?: string; arrayConfig?: string }[];
}

function declares(indexes: DeclaredIndex[], q: FoundQuery): boolean {
  const eq = new Set(q.clauses.filter((c) => c.kind === "eq").map((c) => c.field));
  const ordered: Clause[] = [];
  for (const c of q.clauses.filter((c) => c.kind !== "eq")) if (!ordered.some((o) => o.field === c.field)) ordered.push(c);
  return indexes.some((ix) => {
    if (ix.collectionGroup !== q.collection) return false;
    const head = ix.fields.slice(0, eq.size).map((f) => f.fieldPath);
    const tail = ix.fields.slice(eq.size, eq.size + ordered.length);
    return head.every((f) => eq.has(f)) && new Set(head).size === eq.size && ordered.every((o, i) => tail[i]?.fieldPath === o.field && (o.kind !== "order" || tail[i]?.order === o.direction));
  });
}

const ROOT = join(__dirname, "..", "..");
const found = [...sourceFiles(join(ROOT, "functions", "src")), ...sourceFiles(join(ROOT, "web", "src"))].flatMap(queriesIn);
const declared = (JSON.parse(readFileSync(join(ROOT, "firestore.indexes.json"), "utf8")) as { indexes: DeclaredIndex[] }).indexes;

describe("firestore.indexes.json covers every query the code makes", () => {
  it("finds the queries in the code (the scanner itself works)", () => {
    // The admin page's unit list is a known query; if the scanner stops seeing it, it is broken.
    expect(found.some((q) => q.collection === "units" && q.clauses.some((c) => c.field === "name" && c.kind === "order"))).toBe(true);
    // Every query that needs a composite index must name its collection in a way the scanner follows.
    expect(found.filter((q) => q.collection === "?" && needsComposite(q)).map((q) => `${q.file}:${q.line}`)).toEqual([]);
  });

  it("the scanner recognises a query that needs a composite index and one that does not", () => {
    const q = (clauses: Clause[]): FoundQuery => ({ file: "x", line: 1, collection: "evaluations", clauses });
    expect(needsComposite(q([{ field: "periodId", kind: "eq" }, { field: "total", kind: "order", direction: "DESCENDING" }]))).toBe(true);
    expect(needsComposite(q([{ field: "periodId", kind: "eq" }, { field: "unitId", kind: "eq" }]))).toBe(false);
    expect(declares([{ collectionGroup: "evaluations", fields: [{ fieldPath: "periodId", order: "ASCENDING" }, { fieldPath: "total", order: "DESCENDING" }] }], q([{ field: "periodId", kind: "eq" }, { field: "total", kind: "order", direction: "DESCENDING" }]))).toBe(true);
    expect(declares([], q([{ field: "periodId", kind: "eq" }, { field: "total", kind: "order", direction: "DESCENDING" }]))).toBe(false);
  });

  const composite = found.filter(needsComposite);
  it.each(composite.map((q) => [`${q.collection} (${q.file.replace(ROOT + "/", "")}:${q.line})`, q] as const))("declared: %s", (_label, q) => {
    expect(declares(declared, q), `missing composite index for ${q.collection}: ${q.clauses.map((c) => `${c.field} ${c.kind}${c.direction ? " " + c.direction : ""}`).join(", ")}`).toBe(true);
  });
});
