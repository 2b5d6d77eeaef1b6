// One daily talk sweep over 100,000 members and 5,000 leaders in 1,000 branches: one set-based
// statement finds who is due (last talk per member against the branch cadence), one digest card
// per leader and one per secretary with escalations is built, bulk-staged in the outbox and
// queued in Redis. The sweep runs in a child process so the peak RSS is its own. Target: under
// 10 s and under 300 MB, and one message per leader (not per member). A second run the same
// day must stage nothing (keys are person + day).
import { fork } from "node:child_process";
import { fileURLToPath } from "node:url";
import { benchDatabase } from "./support.ts";
import { BENCH_BRANCHES, BENCH_LEADERS, BENCH_MEMBERS, seedTalkPopulation } from "./talk-sweep-seed.ts";

const CHILD = fileURLToPath(new URL("./talk-sweep-child.ts", import.meta.url));
// A Friday, 09:00 in Shanghai: a working day in the daytime.
const DAY = "2026-11-27";
const AT = "2026-11-27T01:00:00Z";

interface SweepResult {
  today: string;
  skipped?: string;
  leaders: number;
  secretaries: number;
  staged: number;
}
interface ChildResult {
  ok: boolean;
  error?: string;
  firstS: number;
  againS: number;
  first: SweepResult;
  again: SweepResult;
  queued: number;
  inRedis: number;
  peakRssMb: number;
}

export async function run(): Promise<Record<string, number | string>> {
  const db = await benchDatabase(2);
  try {
    const load = (await import("node:os")).loadavg()[0]!.toFixed(1);
    const s0 = performance.now();
    await seedTalkPopulation(db.sql, DAY);
    const seedS = (performance.now() - s0) / 1000;
    const child = fork(CHILD, [db.url, AT], { execArgv: ["--import", "tsx"], stdio: ["ignore", "inherit", "inherit", "ipc"] });
    const r = await new Promise<ChildResult>((resolve, reject) => {
      child.once("message", (m) => resolve(m as ChildResult));
      child.once("exit", (code) => reject(new Error(`sweep process exited ${code} before reporting`)));
    });
    await new Promise((res) => child.once("exit", res));
    if (!r.ok) throw new Error(r.error);
    if (r.first.skipped) throw new Error(`the sweep skipped ${r.first.today}: ${r.first.skipped}`);
    if (r.again.staged !== 0) throw new Error(`the second run staged ${r.again.staged} messages`);
    const [digests] = await db.sql.query<{ n: number; people: number; members: number }>(
      `SELECT count(*)::int AS n, count(DISTINCT "receiveId")::int AS people,
              coalesce(sum(jsonb_array_length(jsonb_path_query_array("content", '$.**.behaviors[*] ? (@.value.a == "talk-form")'))), 0)::int AS members
       FROM "OutboxMessage" WHERE "idempotencyKey" LIKE 'talk-digest-%'`,
    );
    const [talks] = await db.sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM "Talk"`);
    if (digests!.n !== r.first.leaders || digests!.people !== r.first.leaders) throw new Error(`${digests!.n} digest rows for ${r.first.leaders} leaders`);
    return {
      "members / leaders / branches": `${BENCH_MEMBERS} / ${BENCH_LEADERS} / ${BENCH_BRANCHES}`,
      "talk rows": talks!.n,
      "seed (s, SQL generate_series)": seedS.toFixed(2),
      "sweep: compute + stage + queue (s)": r.firstS.toFixed(2),
      "leader digests (one message per leader)": r.first.leaders,
      "secretary digests (escalations)": r.first.secretaries,
      "messages staged / queued in Redis": `${r.first.staged} / ${r.queued} (${r.inRedis} in the queue)`,
      "member rows listed in the digests (capped at 20 per card)": digests!.members,
      "second run the same day (s, staged)": `${r.againS.toFixed(2)} (${r.again.staged})`,
      "sweep process peak RSS (MB)": r.peakRssMb,
      "machine load average (1 min) at start": load,
      target: BENCH_MEMBERS >= 1_000_000 ? "< 30 s, < 500 MB, one message per leader" : "< 10 s, < 300 MB, one message per leader",
    };
  } finally {
    await db.close();
  }
}
