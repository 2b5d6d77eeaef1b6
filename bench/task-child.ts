// What a benchmark child process needs to run one scheduled task on its own: the task's
// dependencies over a throw-away Redis prefix, a count of the deliveries it queued, and a clean-up
// that leaves nothing behind in the shared Redis.
import { keyringFrom } from "../src/lib/sealing.ts";
import { sealDatabase } from "../src/store/sealing.ts";
import { randomBytes } from "node:crypto";
import { Redis } from "ioredis";
import { MovableClock } from "../src/clock.ts";
import { parseConfig } from "../src/config.ts";
import { createEnqueuer } from "../src/jobs/enqueue.ts";
import { openQueues, type Queues } from "../src/jobs/queues.ts";
import { taskDeps, type TaskDeps } from "../src/jobs/task-deps.ts";
import { createLogger } from "../src/log.ts";
import { openPostgres } from "../src/store/db.ts";

export interface TaskChild {
  deps: TaskDeps;
  queues: Queues;
  /** Outbox ids handed to the delivery queue so far. */
  queued(): number;
  close(): Promise<void>;
}

export function openTaskChild(databaseUrl: string, at: Date): TaskChild {
  const prefix = `bench${randomBytes(4).toString("hex")}`;
  const config = parseConfig({ DATABASE_URL: databaseUrl, QUEUE_PREFIX: prefix, LOG_LEVEL: "warn" });
  const redis = new Redis(config.redisUrl, { maxRetriesPerRequest: null });
  const queues = openQueues(redis, prefix);
  const log = createLogger("warn");
  // Sensitive columns sealed as in production (a key only benchmarks use).
  const db = sealDatabase(openPostgres(databaseUrl, { poolSize: 4 }), keyringFrom(process.env.DATA_KEYS ?? "bench1:YmVuY2gtZGF0YS1rZXktMzItYnl0ZXMtbG9uZy1vayE=", undefined));
  let queued = 0;
  const real = createEnqueuer(queues, 3, log);
  const enqueue = { inbound: real.inbound, attachments: real.attachments, delivery: async (ids: number[]) => ((queued += ids.length), real.delivery(ids)) };
  return {
    deps: taskDeps({ db, enqueue, clock: new MovableClock(at), log, config }),
    queues,
    queued: () => queued,
    async close() {
      await queues.close();
      const keys = await redis.keys(`${prefix}:*`);
      if (keys.length > 0) await redis.del(...keys);
      redis.disconnect();
      await db.close();
    },
  };
}
