// Planning one festival (中秋 2027, 14 days ahead) for 100,000 members in 20 branches: one
// INSERT … SELECT … ON CONFLICT DO NOTHING per festival and rule set, then one digest card per
// visitor staged in the same transaction and queued. The planner runs in a child process so
// the peak RSS is its own. Target: under 10 s and under 300 MB. A second run must create nothing.
import { fork } from "node:child_process";
import { fileURLToPath } from "node:url";
import { benchDatabase } from "./support.ts";
import { BENCH_BRANCHES, BENCH_LEADERS, BENCH_MEMBERS, seedVisitPopulation } from "./visit-planner-seed.ts";

const CHILD = fileURLToPath(new URL("./visit-planner-child.ts", import.meta.url));

interface ChildResult {
  ok: boolean;
  error?: string;
  firstS: number;
  againS: number;
  first: { created: number; digests: number; unassigned: number; festivals: string[]; ms: { tasks: number; digests: number } };
  again: { created: number; digests: number };
  queued: number;
  peakRssMb: number;
}

export async function run(): Promise<Record<string, number | string>> {
  const db = await benchDatabase(2);
  try {
    const load = (await import("node:os")).loadavg()[0]!.toFixed(1);
    const s0 = performance.now();
    await seedVisitPopulation(db.sql);
    const seedS = (performance.now() - s0) / 1000;
    const child = fork(CHILD, [db.url], { execArgv: ["--import", "tsx"], stdio: ["ignore", "inherit", "inherit", "ipc"] });
    const r = await new Promise<ChildResult>((resolve, reject) => {
      child.once("message", (m) => resolve(m as ChildResult));
      child.once("exit", (code) => reject(new Error(`planner process exited ${code} before reporting`)));
    });
    await new Promise((res) => child.once("exit", res));
    if (!r.ok) throw new Error(r.error);
    const [tasks] = await db.sql.query<{ n: number; visitors: number }>(`SELECT count(*)::int AS n, count(DISTINCT "visitorId")::int AS visitors FROM "VisitTask"`);
    const [outbox] = await db.sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM "OutboxMessage"`);
    if (r.again.created !== 0 || r.again.digests !== 0) throw new Error(`the second run created ${r.again.created} tasks and ${r.again.digests} digests`);
    if (tasks!.n !== r.first.created || outbox!.n !== tasks!.visitors) throw new Error(`tasks ${tasks!.n} / created ${r.first.created}, digests ${outbox!.n} / visitors ${tasks!.visitors}`);
    return {
      "members (population)": BENCH_MEMBERS,
      "leaders / branches": `${BENCH_LEADERS} / ${BENCH_BRANCHES}`,
      "seed (s, SQL generate_series)": seedS.toFixed(2),
      "visit tasks created": r.first.created,
      "digest cards staged and queued (one per visitor)": `${r.first.digests} / ${r.queued}`,
      "members without a visitor": r.first.unassigned,
      "plan one festival (s)": r.firstS.toFixed(2),
      "  of which: select + insert tasks (s)": (r.first.ms.tasks / 1000).toFixed(2),
      "  of which: build + stage digests (s)": (r.first.ms.digests / 1000).toFixed(2),
      "second run, nothing new (s)": r.againS.toFixed(2),
      "planner process peak RSS (MB)": r.peakRssMb,
      "machine load average (1 min) at start": load,
      "target": BENCH_MEMBERS >= 1_000_000 ? "< 30 s, < 500 MB" : "< 10 s, < 300 MB",
    };
  } finally {
    await db.close();
  }
}
