// Delivery at Lark's quota. The Lark double (in this process, with Lark's quotas: 50/s and
// 1,000/min per app, 5/s per receiver) and the bot's workers in child processes (ROLE=worker,
// the delivery worker at its production concurrency), sharing one Redis prefix:
// (a) 2,000 messages to 2,000 people, in two worker processes: time from queueing to Lark's
//     acceptance of the last, against the least Lark's windows allow (computed from the
//     double's quotas); target within 1.05×;
// (b) 200 messages to one person, one worker process: the rate against the receiver's 5/s;
//     target at least 0.95×.
// Every quota refusal the double answered is counted (goal: none). The bench fails on a
// refusal, on a message lost (an outbox row not SENT, a message Lark never got) and on one
// sent twice (a uuid Lark received twice, two rows with one Lark message). Set
// BENCH_DELIVERY_SCALE=0.5 to run with half the messages (a: 1,000 fit in the minute window),
// BENCH_DELIVERY_TRACE=1 to print how many Lark accepted in each second. The double's quotas are
// settable (QUOTAS below, and the bot's SEND_RATE_* to match); the figures are at Lark's own.
import { fork, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { loadavg } from "node:os";
import { fileURLToPath } from "node:url";
import { Redis } from "ioredis";
import { startLarkDouble, type LarkDouble, type SentMessage } from "../src/double/index.ts";
import { createEnqueuer } from "../src/jobs/enqueue.ts";
import { openQueues } from "../src/jobs/queues.ts";
import { keyringFrom } from "../src/lib/sealing.ts";
import { createLogger } from "../src/log.ts";
import { stageOutgoing } from "../src/store/outbox.ts";
import { sealDatabase } from "../src/store/sealing.ts";
import { BENCH_DATA_KEYS, BENCH_LARK, minimumMs, type QuotaWindow } from "./delivery-support.ts";
import { benchDatabase, type BenchDatabase } from "./support.ts";

const CHILD = fileURLToPath(new URL("./delivery-worker-child.ts", import.meta.url));
const QUOTAS = { appPerSec: 50, appPerMin: 1000, perTargetPerSec: 5 };
const REDIS_URL = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";

interface Outcome {
  n: number;
  seconds: number;
  minimumSeconds: number;
  refusals: number;
  load: string;
  cpuMsPerMessage: number;
}

async function startWorkers(db: BenchDatabase, double: LarkDouble, prefix: string, count: number): Promise<ChildProcess[]> {
  const children = Array.from({ length: count }, () =>
    fork(CHILD, [db.url, double.url, prefix], { execArgv: ["--import", "tsx"], stdio: ["ignore", "inherit", "inherit", "ipc"] }),
  );
  await Promise.all(
    children.map(
      (c) =>
        new Promise<void>((resolve, reject) => {
          c.once("message", () => resolve());
          c.once("exit", (code) => reject(new Error(`worker process exited ${code} before it was ready`)));
        }),
    ),
  );
  return children;
}

/** Stops the workers; the CPU they used since the mark, in ms. */
async function stopWorkers(children: ChildProcess[]): Promise<number> {
  const used = await Promise.all(
    children.map(
      (c) =>
        new Promise<number>((resolve) => {
          if (c.exitCode !== null) return resolve(0);
          let cpuMs = 0;
          c.on("message", (m) => (cpuMs = (m as { cpuMs?: number }).cpuMs ?? cpuMs));
          const timer = setTimeout(() => c.kill("SIGKILL"), 15_000);
          c.once("exit", () => (clearTimeout(timer), resolve(cpuMs)));
          c.send({ stop: true });
        }),
    ),
  );
  return used.reduce((a, b) => a + b, 0);
}

/** Stages and queues one message to each recipient; resolves with the ids and the messages Lark accepted once all arrived. */
async function deliverAll(db: BenchDatabase, double: LarkDouble, queues: ReturnType<typeof openQueues>, label: string, recipients: string[], timeoutMs: (n: number) => number) {
  const ids: number[] = [];
  const run = randomBytes(3).toString("hex");
  for (let i = 0; i < recipients.length; i += 500) {
    const chunk = recipients.slice(i, i + 500).map((openId, j) => ({ kind: "SEND" as const, to: { openId }, text: `${label} ${i + j}`, key: `bench-${run}-${i + j}` }));
    ids.push(...(await stageOutgoing(db.prisma, chunk)));
  }
  const got: SentMessage[] = [];
  let done: () => void = () => undefined;
  const all = new Promise<void>((r) => (done = r));
  const off = double.on("sent", (m) => {
    got.push(m);
    if (got.length >= ids.length) done();
  });
  const enqueue = createEnqueuer(queues, 8, createLogger("warn"));
  const t0 = Date.now();
  await enqueue.delivery(ids);
  const deadline = setTimeout(done, timeoutMs(ids.length));
  await all;
  clearTimeout(deadline);
  off();
  return { ids, got, t0 };
}

/** Stages `recipients.length` messages, queues them at once, and waits for Lark to have them all. */
async function scenario(db: BenchDatabase, double: LarkDouble, label: string, recipients: string[], workers: number, windows: QuotaWindow[]): Promise<Outcome> {
  double.reset();
  const prefix = `bdel${randomBytes(4).toString("hex")}`;
  const redis = new Redis(REDIS_URL, { maxRetriesPerRequest: null });
  const queues = openQueues(redis, prefix);
  const children = await startWorkers(db, double, prefix, workers);
  let cpuMs = 0;
  try {
    // Warm-up (the token fetched, code compiled, connections open in every process), then both
    // Lark's windows and the bot's are emptied so the measured burst starts from nothing.
    await deliverAll(db, double, queues, "warm-up", Array.from({ length: 16 }, (_, i) => `ou_bench_warm_${i}`), () => 60_000);
    await new Promise((r) => setTimeout(r, 1100));
    double.reset();
    const windowKeys = await redis.keys(`${prefix}:rl:*`);
    if (windowKeys.length > 0) await redis.del(...windowKeys);
    for (const c of children) c.send({ mark: true });
    const load = loadavg()[0]!.toFixed(1);
    const minimum = minimumMs(recipients.length, windows);
    const { ids, got, t0 } = await deliverAll(db, double, queues, label, recipients, () => 2 * minimum + 60_000);
    // Let a message sent twice (or a late refusal) show before counting.
    await new Promise((r) => setTimeout(r, 1500));
    const last = Math.max(...got.map((m) => m.create_time));
    if (process.env.BENCH_DELIVERY_TRACE) {
      const perSecond = new Map<number, number>();
      for (const m of got) perSecond.set(Math.floor((m.create_time - t0) / 1000), (perSecond.get(Math.floor((m.create_time - t0) / 1000)) ?? 0) + 1);
      process.stdout.write(`  ${label}: first at ${Math.min(...got.map((m) => m.create_time)) - t0} ms; per second ${[...perSecond].sort((x, y) => x[0] - y[0]).map(([k, v]) => `${k}:${v}`).join(" ")}\n`);
    }

    const uuids = new Map<string, number>();
    for (const m of got) uuids.set(m.uuid ?? m.message_id, (uuids.get(m.uuid ?? m.message_id) ?? 0) + 1);
    const twice = [...uuids.values()].filter((c) => c > 1).length;
    const [rows] = await db.sql.query<{ sent: number; messages: number; attempts: number }>(
      `SELECT count(*) FILTER (WHERE status = 'SENT')::int AS sent, count(DISTINCT "larkMessageId")::int AS messages, coalesce(max(attempts), 0)::int AS attempts
       FROM "OutboxMessage" WHERE id = ANY($1::int[])`,
      [ids],
    );
    const refusals = double.openApi.quotas.refused();
    const problems = [
      rows!.sent !== ids.length ? `${ids.length - rows!.sent} outbox rows not SENT` : "",
      uuids.size !== ids.length ? `Lark got ${uuids.size} distinct messages of ${ids.length}` : "",
      twice > 0 ? `${twice} messages reached Lark twice` : "",
      rows!.messages !== rows!.sent ? `${rows!.sent} SENT rows name ${rows!.messages} Lark messages` : "",
      refusals > 0 ? `the double refused ${refusals} sends for a quota (${[...double.openApi.quotas.refusals].map(([k, v]) => `${k}: ${v}`).join(", ")})` : "",
    ].filter(Boolean);
    if (problems.length > 0) throw new Error(`${label}: ${problems.join("; ")}`);
    cpuMs = await stopWorkers(children);
    return { n: ids.length, seconds: (last - t0) / 1000, minimumSeconds: minimum / 1000, refusals, load, cpuMsPerMessage: cpuMs / ids.length };
  } finally {
    if (cpuMs === 0) await stopWorkers(children);
    await queues.close();
    const keys = await redis.keys(`${prefix}:*`);
    if (keys.length > 0) await redis.del(...keys);
    redis.disconnect();
  }
}

export async function run(): Promise<Record<string, number | string>> {
  const scale = Number(process.env.BENCH_DELIVERY_SCALE ?? "1");
  const db = await benchDatabase(4);
  sealDatabase(db, keyringFrom(BENCH_DATA_KEYS, undefined));
  const double = await startLarkDouble({ ...BENCH_LARK, port: 0, quotas: QUOTAS });
  try {
    const many = Math.round(2000 * scale);
    const people = Array.from({ length: many }, (_, i) => `ou_bench_${i}`);
    for (let i = 0; i < 16; i++) double.addUser({ open_id: `ou_bench_warm_${i}`, name: `预热${i}` });
    for (const openId of people) double.addUser({ open_id: openId, name: `成员${openId.slice(9)}` });
    const app: QuotaWindow[] = [
      { limit: QUOTAS.appPerSec, spanMs: 1000 },
      { limit: QUOTAS.appPerMin, spanMs: 60_000 },
    ];
    const a = await scenario(db, double, "digest", people, 2, app);
    const one = Math.round(200 * scale);
    const b = await scenario(db, double, "one", Array.from({ length: one }, () => people[0]!), 1, [...app, { limit: QUOTAS.perTargetPerSec, spanMs: 1000 }]);
    const ratioA = a.seconds / a.minimumSeconds;
    // The rate against the receiver's quota: the least time its window allows over the time taken.
    const rateB = b.minimumSeconds / b.seconds;
    return {
      "double's quotas": `${QUOTAS.appPerSec}/s and ${QUOTAS.appPerMin}/min per app, ${QUOTAS.perTargetPerSec}/s per receiver (Lark's)`,
      [`(a) ${a.n} messages to ${a.n} people, 2 worker processes (s)`]: a.seconds.toFixed(1),
      "(a) least Lark's windows allow (s)": a.minimumSeconds.toFixed(1),
      "(a) time / least": `${ratioA.toFixed(3)} (target ≤ 1.05)`,
      [`(b) ${b.n} messages to one person, 1 worker process (s)`]: b.seconds.toFixed(1),
      "(b) least the receiver's 5/s allows (s)": b.minimumSeconds.toFixed(1),
      "(b) rate against 5/s (least / time)": `${rateB.toFixed(3)} (target ≥ 0.95)`,
      "quota refusals by the double (a / b)": `${a.refusals} / ${b.refusals} (goal 0)`,
      "lost / sent twice": "0 / 0 (checked: every row SENT once, every uuid received once)",
      "worker CPU per message, all processes (ms, a / b)": `${a.cpuMsPerMessage.toFixed(2)} / ${b.cpuMsPerMessage.toFixed(2)}`,
      "machine load average (1 min) at start of a / b": `${a.load} / ${b.load}`,
    };
  } finally {
    await double.close();
    await db.close();
  }
}
