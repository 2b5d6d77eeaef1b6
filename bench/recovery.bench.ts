// Recovery in seconds (issue 17): on a Redis server of its own (started here, never the shared
// one), 400 messages to distinct users are on their way through the Lark double when
//   1. Redis is emptied with FLUSHALL: measured from the flush to the first message sent that no
//      worker can have held before it (the 9th after the flush: at most 8 are in a worker's
//      hands, and those finish on their own), target 15 s, with 100
//      people writing to the bot at that moment (each must get exactly one answer);
//   2. one of two worker processes is killed with SIGKILL: measured from the kill to the moment
//      the last message it held is recorded SENT (by the other worker), target 20 s.
// Each scenario fails on a message lost (not SENT in the end) or delivered twice.
import { fork, spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { loadavg } from "node:os";
import { fileURLToPath } from "node:url";
import { Redis } from "ioredis";
import { startApp, type App } from "../src/app.ts";
import { systemClock } from "../src/clock.ts";
import { startLarkDouble, type LarkDouble } from "../src/double/index.ts";
import { openQueues } from "../src/jobs/queues.ts";
import { createEnqueuer } from "../src/jobs/enqueue.ts";
import { createLogger } from "../src/log.ts";
import { stageOutgoing } from "../src/store/outbox.ts";
import { benchDatabase, type BenchDatabase } from "./support.ts";
import { RECOVERY_LARK, recoveryConfig } from "./recovery-support.ts";

const MESSAGES = 400;
/** The delivery worker's concurrency (src/jobs/delivery-worker.ts): at most this many jobs in hand. */
const DELIVERY_CONCURRENCY = 8;
/** People writing to the bot while Redis is emptied (scenario 1). */
const BURST = 100;
const FLUSH_TARGET_S = 15;
const KILL_TARGET_S = 20;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function until<T>(what: string, fn: () => Promise<T | undefined | false> | T | undefined | false, timeoutMs = 120_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await sleep(50);
  }
}

async function startRedisServer(): Promise<{ url: string; child: ChildProcess }> {
  const port = 20_000 + Math.floor(Math.random() * 10_000);
  const child = spawn("redis-server", ["--port", String(port), "--save", "", "--appendonly", "no", "--bind", "127.0.0.1"], { stdio: "ignore" });
  const url = `redis://127.0.0.1:${port}`;
  const probe = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 1, retryStrategy: () => null });
  probe.on("error", () => undefined);
  await until("the bench's redis-server", async () => {
    try {
      await probe.connect();
      return (await probe.ping()) === "PONG";
    } catch {
      probe.disconnect();
      return false;
    }
  }, 10_000);
  probe.disconnect();
  return { url, child };
}

interface Scenario {
  db: BenchDatabase;
  double: LarkDouble;
  redisUrl: string;
}

/** Stages MESSAGES sends to distinct users; returns their ids, index i carrying text `${tag} ${i}`. */
async function stageAll(s: Scenario, tag: string): Promise<number[]> {
  const messages = Array.from({ length: MESSAGES }, (_, i) => ({ kind: "SEND" as const, to: { openId: `ou_rb_${i}` }, text: `${tag} ${i}`, key: `${tag}-${i}` }));
  return stageOutgoing(s.db.prisma, messages);
}

/** Every row SENT and every text delivered exactly once; throws otherwise. */
async function checkOnce(s: Scenario, tag: string, ids: number[]): Promise<void> {
  await until(`${tag}: every message SENT`, async () => (await s.db.prisma.outboxMessage.count({ where: { id: { in: ids }, status: "SENT" } })) === ids.length);
  // A late duplicate would land within a moment of the last send.
  await sleep(2000);
  const counts = new Map<string, number>();
  for (const m of s.double.messages()) {
    const text = (m.content as { text?: string }).text ?? "";
    if (text.startsWith(`${tag} `)) counts.set(text, (counts.get(text) ?? 0) + 1);
  }
  const lost = ids.filter((_, i) => !counts.has(`${tag} ${i}`)).length;
  const twice = [...counts.values()].filter((c) => c > 1).length;
  if (lost > 0 || twice > 0) throw new Error(`${tag}: ${lost} messages lost, ${twice} delivered more than once`);
}

const sentCount = (s: Scenario, tag: string) => s.double.messages().filter((m) => ((m.content as { text?: string }).text ?? "").startsWith(`${tag} `)).length;

async function flushScenario(s: Scenario): Promise<number> {
  const prefix = `rbf${randomBytes(3).toString("hex")}`;
  const redis = new Redis(s.redisUrl, { maxRetriesPerRequest: null });
  const config = recoveryConfig({ role: "all", databaseUrl: s.db.url, larkUrl: s.double.url, redisUrl: s.redisUrl, prefix });
  const app: App = await startApp({ config, db: s.db, redis, clock: systemClock, log: createLogger("silent") });
  try {
    s.double.setBotUrls({ events: `${app.url}/lark/events`, cards: `${app.url}/lark/cards` });
    const ids = await stageAll(s, "flush");
    await app.enqueue.delivery(ids);
    await until("flush: 60 sent", () => sentCount(s, "flush") >= 60);
    // An inbound burst on its way too: BURST people write to the bot as Redis is emptied.
    const burst = Array.from({ length: BURST }, (_, i) => `ou_rb_${MESSAGES - 1 - i}`);
    const said = Promise.all(burst.map((from) => s.double.say({ from, text: "帮助" })));
    await until("flush: half the burst accepted", async () => (await s.db.prisma.inboundEvent.count()) >= BURST / 2);
    const flushedAt = Date.now();
    await redis.flushall();
    await said;
    // The worker holds at most DELIVERY_CONCURRENCY jobs, which finish on their own after the
    // flush (one may still be waiting its turn in the quota window). The send after those can
    // only come from a job queued again after the flush: that is the one timed.
    const next = await until("flush: a send queued after the flush", () =>
      s.double
        .messages({ since: flushedAt })
        .filter((m) => ((m.content as { text?: string }).text ?? "").startsWith("flush "))
        .map((m) => m.create_time)
        .sort((a, b) => a - b)[DELIVERY_CONCURRENCY],
    );
    await checkOnce(s, "flush", ids);
    // Every event of the burst handled once: one answer to each person who wrote.
    await until("flush: the burst handled", async () => (await s.db.prisma.inboundEvent.count({ where: { status: "PENDING" } })) === 0);
    await until("flush: the burst's answers sent", async () => (await s.db.prisma.outboxMessage.count({ where: { status: "PENDING" } })) === 0);
    await sleep(2000);
    const answers = burst.map((to) => s.double.messages({ to }).filter((m) => m.msg_type !== "text" || !String((m.content as { text?: string }).text ?? "").startsWith("flush ")).length);
    const wrong = answers.filter((n) => n !== 1).length;
    if (wrong > 0) throw new Error(`flush: ${wrong} of ${BURST} people who wrote during the flush got ${[...new Set(answers)].join("/")} answers instead of 1`);
    return (next - flushedAt) / 1000;
  } finally {
    await app.close();
    redis.disconnect();
  }
}

async function killScenario(s: Scenario): Promise<number> {
  const prefix = `rbk${randomBytes(3).toString("hex")}`;
  const child = fileURLToPath(new URL("./recovery-worker-child.ts", import.meta.url));
  const workers: ChildProcess[] = [];
  const redis = new Redis(s.redisUrl, { maxRetriesPerRequest: null });
  const queues = openQueues(redis, prefix);
  try {
    for (let i = 0; i < 2; i++) {
      const w = fork(child, [s.db.url, s.double.url, s.redisUrl, prefix], { execArgv: ["--import", "tsx"], stdio: ["ignore", "inherit", "inherit", "ipc"] });
      workers.push(w);
      await new Promise<void>((resolve, reject) => {
        w.once("message", () => resolve());
        w.once("exit", (code) => reject(new Error(`worker exited with ${code}`)));
      });
    }
    const ids = await stageAll(s, "kill");
    await createEnqueuer(queues, 8, createLogger("silent")).delivery(ids);
    await until("kill: 60 sent", () => sentCount(s, "kill") >= 60);
    const inHand = (await queues.delivery.getActive()).map((j) => (j.data as { outboxId: number }).outboxId);
    const killedAt = Date.now();
    workers[0]!.kill("SIGKILL");
    await checkOnce(s, "kill", ids);
    const rows = await s.db.prisma.outboxMessage.findMany({ where: { id: { in: inHand } }, select: { sentAt: true } });
    const last = Math.max(...rows.map((r) => r.sentAt!.getTime()));
    return (last - killedAt) / 1000;
  } finally {
    for (const w of workers) if (w.exitCode === null && w.signalCode === null) w.kill("SIGKILL");
    await queues.close();
    redis.disconnect();
  }
}

export async function run(): Promise<Record<string, number | string>> {
  const server = await startRedisServer();
  const db = await benchDatabase(10);
  const double = await startLarkDouble({ ...RECOVERY_LARK });
  for (let i = 0; i < MESSAGES; i++) double.addUser({ open_id: `ou_rb_${i}`, name: `成员${i}` });
  const s: Scenario = { db, double, redisUrl: server.url };
  try {
    const load = loadavg()[0]!.toFixed(1);
    const flush = await flushScenario(s);
    double.reset();
    const kill = await killScenario(s);
    return {
      "load average (1 min) at start": load,
      "FLUSHALL → first send no worker held before (s), target 15": `${flush.toFixed(1)}  (${(flush / FLUSH_TARGET_S).toFixed(2)}x of target)`,
      "worker SIGKILL → its in-flight messages sent (s), target 20": `${kill.toFixed(1)}  (${(kill / KILL_TARGET_S).toFixed(2)}x of target)`,
      "messages per scenario (each sent exactly once)": MESSAGES,
    };
  } finally {
    await double.close();
    await db.close();
    server.child.kill("SIGTERM");
  }
}
