// `npm run check:structure` (part of `npm test`): the layering the README's architecture
// section promises, checked on every run so it cannot drift.
// - No import cycles among the project's own modules (type-only imports count: a cycle of
//   types still ties two files together for a reader).
// - Imports run down the floors: each folder lists the folders it must never import.
// - Every statement lives in src/store/: no Prisma model calls, raw SQL (on Prisma or on the
//   pg pool) or `ctx.tx` elsewhere, in src/, cards/ and scripts/.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const ROOTS = ["src", "cards", "scripts"];
const SKIP = ["src/generated"];

/** Folder -> folders it must not import (prefixes of repository paths). */
const FORBIDDEN: Record<string, string[]> = {
  "src/lib/": ["src/bot/", "src/store/", "src/jobs/", "src/lark/", "src/double/", "src/sandbox/", "cards/"],
  "src/lark/": ["src/bot/", "src/store/", "src/jobs/", "src/sandbox/", "src/double/", "src/app.ts", "src/main.ts"],
  "src/store/": ["src/bot/", "src/jobs/", "src/lark/", "src/sandbox/", "src/double/", "src/export/", "src/roster/", "cards/", "src/app.ts"],
  "cards/": ["src/bot/", "src/store/", "src/jobs/", "src/lark/", "src/sandbox/", "src/double/", "src/app.ts"],
  // A handler may build a workbook (src/export/, the floor below it) to send as a file in chat.
  "src/bot/": ["src/jobs/", "src/sandbox/", "src/double/", "src/roster/", "src/app.ts", "src/main.ts"],
  "src/jobs/": ["src/bot/", "src/sandbox/", "src/double/", "src/app.ts", "src/main.ts"],
  "src/export/": ["src/bot/", "src/jobs/", "src/sandbox/", "src/double/", "src/app.ts"],
  "src/roster/": ["src/bot/", "src/jobs/", "src/sandbox/", "src/double/", "src/app.ts"],
  "src/double/": ["src/bot/", "src/store/", "src/jobs/", "src/sandbox/", "src/app.ts", "src/main.ts"],
};
/** Domain may import other domain files only. */
const DOMAIN_ALLOWED = ["src/domain/"];

/** Where statements may be written. Everything else asks the store. */
const STATEMENTS_ALLOWED = ["src/store/"];
const STATEMENT =
  /\b(?:tx|prisma|client|db\.prisma|deps\.prisma|ctx\.tx)\.(?:[a-z][A-Za-z]*\.(?:findUnique|findUniqueOrThrow|findMany|findFirst|findFirstOrThrow|create|createMany|createManyAndReturn|update|updateMany|upsert|delete|deleteMany|count|aggregate|groupBy)|\$queryRaw|\$executeRaw|\$queryRawUnsafe|\$executeRawUnsafe)\b|\bctx\.tx\b|\bsql\.(?:query|exec)\s*[<(]/;
/** A comment may name a statement; only code is checked. */
const COMMENT = /^\s*(?:\/\/|\/?\*)/;

function walk(dir: string, out: string[]): string[] {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    const rel = relative(ROOT, p);
    if (SKIP.some((s) => rel.startsWith(s))) continue;
    if (statSync(p).isDirectory()) walk(p, out);
    else if (/\.tsx?$/.test(name) && !name.endsWith(".d.ts")) out.push(rel);
  }
  return out;
}

const IMPORT = /(?:^|\n)\s*(?:import|export)\s[^;]*?from\s+["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)/g;

function importsOf(file: string, text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(IMPORT)) {
    const spec = m[1] ?? m[2];
    if (!spec || !spec.startsWith(".")) continue;
    out.push(relative(ROOT, resolve(ROOT, dirname(file), spec)));
  }
  return out;
}

/** Tarjan's strongly connected components: every component of more than one file is a cycle. */
function cycles(graph: Map<string, string[]>): string[][] {
  let index = 0;
  const idx = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const on = new Set<string>();
  const found: string[][] = [];
  const visit = (v: string) => {
    idx.set(v, index);
    low.set(v, index++);
    stack.push(v);
    on.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!graph.has(w)) continue;
      if (!idx.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (on.has(w)) low.set(v, Math.min(low.get(v)!, idx.get(w)!));
    }
    if (low.get(v) === idx.get(v)) {
      const comp: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        on.delete(w);
        comp.push(w);
      } while (w !== v);
      if (comp.length > 1) found.push(comp.sort());
    }
  };
  for (const v of graph.keys()) if (!idx.has(v)) visit(v);
  return found;
}

export function checkStructure(): string[] {
  const files = ROOTS.flatMap((r) => walk(join(ROOT, r), []));
  const graph = new Map<string, string[]>();
  const problems: string[] = [];
  for (const file of files) {
    const text = readFileSync(join(ROOT, file), "utf8");
    const deps = importsOf(file, text);
    graph.set(file, deps);
    const floor = Object.keys(FORBIDDEN).find((f) => file.startsWith(f));
    for (const dep of deps) {
      if (file.startsWith("src/domain/") && !DOMAIN_ALLOWED.some((a) => dep.startsWith(a))) problems.push(`${file} imports ${dep}: domain rules import nothing but domain rules`);
      else if (floor && FORBIDDEN[floor]!.some((f) => dep.startsWith(f))) {
        problems.push(`${file} imports ${dep}: ${floor} must not import from there (imports run downward)`);
      }
    }
    if (!STATEMENTS_ALLOWED.some((a) => file.startsWith(a))) {
      text.split("\n").forEach((line, i) => {
        if (STATEMENT.test(line) && !COMMENT.test(line)) problems.push(`${file}:${i + 1}: a statement outside src/store/ (add a named store function): ${line.trim()}`);
      });
    }
  }
  for (const c of cycles(graph)) problems.push(`import cycle: ${c.join(" -> ")}`);
  return problems;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const problems = checkStructure();
  if (problems.length > 0) {
    process.stderr.write(`Structure check: ${problems.length} problem(s)\n${problems.map((p) => `  - ${p}`).join("\n")}\n`);
    process.exit(1);
  }
  process.stdout.write("Structure check: imports run downward, no cycles, statements only in src/store/\n");
}
