// npm run bench:compare -- <git ref> [bench names…]: the same benchmarks on an earlier commit and
// on this checkout, in alternating rounds in one run, and the median of each figure beside the
// other. Single runs on a shared 2-core machine move by more than the 10 % a refactor may cost,
// so a "before and after" is only worth reading as medians of interleaved rounds.
//
// The earlier commit is checked out as a git worktree in a temporary folder and runs with this
// checkout's node_modules (a refactor does not change them) and a Prisma client generated from
// its own schema.
// BENCH_COMPARE_ROUNDS sets the rounds (default 3). The ratio printed is the median of the
// rounds' own ratios (each round's now / then, the two run back to back), with their spread.
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { median, ratioFigure } from "./rounds.ts";

const HERE = resolve(fileURLToPath(new URL("..", import.meta.url)));
const [ref, ...names] = process.argv.slice(2);
if (!ref) {
  process.stderr.write("usage: npm run bench:compare -- <git ref> [bench names…]\n");
  process.exit(2);
}
const rounds = Number(process.env.BENCH_COMPARE_ROUNDS ?? 3);

function worktree(at: string): string {
  const dir = mkdtempSync(join(tmpdir(), "tongxin-bench-"));
  execFileSync("git", ["worktree", "add", "--detach", dir, at], { cwd: HERE, stdio: "ignore" });
  symlinkSync(join(HERE, "node_modules"), join(dir, "node_modules"));
  // The Prisma client is generated from that commit's own schema (the schema may have changed since).
  execFileSync("npm", ["run", "--silent", "db:generate"], { cwd: dir, stdio: "ignore" });
  return dir;
}

/** Runs `bench/run.ts names` in dir; the numeric figures it printed, by name. */
function figures(dir: string): Map<string, number> {
  const out = spawnSync(process.execPath, ["--import", "tsx", "bench/run.ts", ...names], { cwd: dir, encoding: "utf8", env: process.env });
  if (out.status !== 0) throw new Error(`bench failed in ${dir}:\n${out.stdout}\n${out.stderr}`);
  const found = new Map<string, number>();
  let section = "";
  for (const line of out.stdout.split("\n")) {
    const head = /^== (.+)$/.exec(line);
    if (head) section = head[1]!.replace(/\.bench\.ts$/, "");
    const m = /^ {2}(\S.*?)\s{2,}(-?[\d,.]+)\b/.exec(line);
    if (m) found.set(`${section}: ${m[1]}`, Number(m[2]!.replace(/,/g, "")));
  }
  return found;
}

const old = worktree(ref);
const samples = { old: new Map<string, number[]>(), now: new Map<string, number[]>() };
try {
  for (let r = 0; r < rounds; r++) {
    // Alternate which goes first, so a slow spell on the machine falls on both sides.
    const order: ("old" | "now")[] = r % 2 === 0 ? ["old", "now"] : ["now", "old"];
    for (const side of order) {
      process.stderr.write(`round ${r + 1}/${rounds}: ${side === "old" ? ref : "this checkout"}\n`);
      for (const [k, v] of figures(side === "old" ? old : HERE)) {
        samples[side].set(k, [...(samples[side].get(k) ?? []), v]);
        // Each round's figures as they come, so a failure later in the run loses none of them.
        process.stderr.write(`  ${k}: ${v}\n`);
      }
    }
  }
} finally {
  rmSync(old, { recursive: true, force: true });
  execFileSync("git", ["worktree", "prune"], { cwd: HERE, stdio: "ignore" });
}

process.stdout.write(`medians of ${rounds} alternating rounds: ${ref} vs this checkout (ratio = median of each round's now / then, with its min–max; spread = min–max of the figures)\n`);
for (const [k, thenXs] of samples.old) {
  const nowXs = samples.now.get(k);
  if (!nowXs) continue;
  const a = median(thenXs);
  const b = median(nowXs);
  const spread = (xs: number[]) => `${Math.min(...xs)}–${Math.max(...xs)}`;
  // A figure missing from a round on one side (a bench that failed there) pairs nothing.
  const ratios = nowXs.slice(0, thenXs.length).map((x, i) => x / thenXs[i]!).filter((x) => Number.isFinite(x));
  process.stdout.write(`  ${k.padEnd(70)} ${String(a).padStart(10)} → ${String(b).padStart(10)}   ${ratios.length > 0 ? `${ratioFigure(ratios)}×` : "n/a"}   (${spread(thenXs)} | ${spread(nowXs)})\n`);
}
