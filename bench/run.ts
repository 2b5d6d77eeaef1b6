// npm run bench: runs every bench/*.bench.ts (or those named on the command line) one after
// the other and prints their figures with the machine they were measured on.
import { readdirSync } from "node:fs";
import { cpus, totalmem } from "node:os";
import { fileURLToPath, pathToFileURL } from "node:url";

const dir = fileURLToPath(new URL(".", import.meta.url));
// `--members N`: the population of the benches that seed one (talk sweep, festival planning).
const args = process.argv.slice(2);
const at = args.indexOf("--members");
if (at >= 0) {
  process.env.BENCH_MEMBERS = String(Number(args[at + 1]));
  args.splice(at, 2);
}
const wanted = args;
const files = readdirSync(dir)
  .filter((f) => f.endsWith(".bench.ts"))
  .filter((f) => wanted.length === 0 || wanted.some((w) => f.includes(w)))
  .sort();

process.stdout.write(
  `machine: ${cpus().length} × ${cpus()[0]?.model ?? "cpu"}, ${Math.round(totalmem() / 2 ** 30)} GiB, node ${process.version}\n`,
);
let failed = false;
for (const f of files) {
  process.stdout.write(`\n== ${f}\n`);
  try {
    const mod = (await import(pathToFileURL(`${dir}/${f}`).href)) as { run(): Promise<Record<string, number | string>> };
    const results = await mod.run();
    for (const [k, v] of Object.entries(results)) process.stdout.write(`  ${k.padEnd(56)} ${v}\n`);
  } catch (err) {
    failed = true;
    process.stdout.write(`  FAILED: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  }
}
process.exit(failed ? 1 : 0);
