// Runs the daily talk sweep in its own process, so its peak RSS is the sweep's alone, and
// reports timings to the bench over IPC. Deliveries are queued in a throw-away Redis prefix.
import { randomBytes } from "node:crypto";
import { Redis } from "ioredis";
import { MovableClock } from "../src/clock.ts";
import { parseConfig } from "../src/config.ts";
import { createEnqueuer } from "../src/jobs/enqueue.ts";
import { openQueues } from "../src/jobs/queues.ts";
import { runTalkSweep } from "../src/jobs/talk-sweep.ts";
import { createLogger } from "../src/log.ts";
import { openPostgres } from "../src/store/db.ts";

const [url, iso] = process.argv.slice(2) as [string, string];
const prefix = `bench${randomBytes(4).toString("hex")}`;
const config = parseConfig({ DATABASE_URL: url, QUEUE_PREFIX: prefix, LOG_LEVEL: "warn" });
const redis = new Redis(config.redisUrl, { maxRetriesPerRequest: null });
const queues = openQueues(redis, prefix);
const log = createLogger("warn");
const db = openPostgres(url, { poolSize: 4 });
let queued = 0;
const real = createEnqueuer(queues, 3, log);
const enqueue = { inbound: real.inbound, delivery: async (ids: number[]) => ((queued += ids.length), real.delivery(ids)) };
const clock = new MovableClock(new Date(iso));

try {
  const deps = { db, enqueue, clock, log, config };
  const t0 = performance.now();
  const first = await runTalkSweep(deps);
  const firstS = (performance.now() - t0) / 1000;
  const t1 = performance.now();
  const again = await runTalkSweep(deps);
  const againS = (performance.now() - t1) / 1000;
  const inRedis = await queues.delivery.count();
  process.send!({ ok: true, firstS, againS, first, again, queued, inRedis, peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024) });
} catch (err) {
  process.send!({ ok: false, error: err instanceof Error ? (err.stack ?? err.message) : String(err) });
} finally {
  await queues.close();
  const keys = await redis.keys(`${prefix}:*`);
  if (keys.length > 0) await redis.del(...keys);
  redis.disconnect();
  await db.close();
}
