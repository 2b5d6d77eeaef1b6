// Recurring work: BullMQ job schedulers, upserted at every start (idempotent by id), and the
// worker that runs them. The list of schedules lives in schedules.ts; a task is a function
// of the app's services and the time it runs for.
import { Worker } from "bullmq";
import type { Redis } from "ioredis";
import type { Clock } from "../clock.ts";
import type { Config } from "../config.ts";
import type { Logger } from "../log.ts";
import type { Metrics } from "../metrics.ts";
import type { Database } from "../store/db.ts";
import type { Enqueuer } from "./enqueue.ts";
import { maintenanceJob, QUEUE, type Queues } from "./queues.ts";
import { seedCalendarYears } from "./calendar-check.ts";
import { SCHEDULES } from "./schedules.ts";
import { recoverPending } from "./recovery.ts";
import { watchRedisLoss, type RedisLossWatch } from "./redis-loss.ts";
import { taskDeps, type TaskDeps } from "./task-deps.ts";

export interface Maintenance {
  /** Runs a task now, in this process (tests, the sandbox clock panel). */
  run(task: string): Promise<unknown>;
  /** Upserts every job scheduler again (what the periodic refresh does). */
  upsertSchedulers(): Promise<void>;
  /** Checks now whether Redis lost its data, and recovers if so (the scheduler role does it every REDIS_LOSS_CHECK_MS). */
  checkRedisLoss(): Promise<boolean>;
  close(): Promise<void>;
}

export async function startMaintenance(
  deps: {
    queues: Queues;
    connection: Redis;
    db: Database;
    enqueue: Enqueuer;
    clock: Clock;
    log: Logger;
    config: Config;
    metrics?: Pick<Metrics, "scheduleRun">;
  },
  opts: { schedule: boolean; work: boolean },
): Promise<Maintenance> {
  const tasks: TaskDeps = taskDeps({ db: deps.db, enqueue: deps.enqueue, clock: deps.clock, log: deps.log, config: deps.config });
  const byName = new Map(SCHEDULES.map((s) => [s.task, s]));

  async function run(task: string): Promise<unknown> {
    const s = byName.get(task);
    if (!s) throw new Error(`unknown maintenance task ${task}`);
    if (!deps.metrics) return s.run(tasks);
    // What a run staged is what it handed to delivery: every task sends through enqueue, so
    // counting there covers them all without each task reporting it in its own shape.
    let staged = 0;
    const enqueue: Enqueuer = {
      inbound: (keys) => deps.enqueue.inbound(keys),
      attachments: (jobs) => deps.enqueue.attachments(jobs),
      delivery: (ids) => {
        staged += ids.length;
        return deps.enqueue.delivery(ids);
      },
    };
    const started = performance.now();
    const seconds = () => (performance.now() - started) / 1000;
    try {
      const result = await s.run({ ...tasks, enqueue });
      const skipped = typeof result === "object" && result !== null && "skipped" in result && Boolean(result.skipped);
      deps.metrics.scheduleRun(task, skipped ? "skipped" : "ok", seconds(), staged, deps.clock.now());
      return result;
    } catch (err) {
      deps.metrics.scheduleRun(task, "failed", seconds(), staged, deps.clock.now());
      throw err;
    }
  }

  async function upsertSchedulers(): Promise<void> {
    for (const s of SCHEDULES) {
      await deps.queues.maintenance.upsertJobScheduler(
        s.task,
        "every" in s ? { every: s.every } : { pattern: s.pattern, tz: deps.config.timezone },
        { name: s.task, data: { task: s.task } },
      );
    }
  }

  // Schedulers live in Redis. Upserting them again every minute (idempotent by id) brings them
  // back after a Redis restart or FLUSHALL without anyone having to restart the bot; what they
  // send derives from the database, so a sweep that was missed meanwhile catches up.
  let refresher: NodeJS.Timeout | undefined;
  let lossWatch: RedisLossWatch | undefined;
  if (opts.schedule) {
    // The calendar has the library's years before the first task reads it (idempotent, never over an entered year).
    await seedCalendarYears(tasks);
    await upsertSchedulers();
    refresher = setInterval(() => {
      upsertSchedulers().catch((err: unknown) => deps.log.warn({ err: String(err) }, "could not refresh job schedulers"));
    }, deps.config.schedulerRefreshMs);
    refresher.unref();
    // A Redis that lost everything is noticed within seconds (not at the next refresh): the
    // schedulers come back and every pending row is queued again (no grace: their jobs are gone).
    lossWatch = await watchRedisLoss({
      connection: deps.connection,
      prefix: deps.config.queuePrefix,
      intervalMs: deps.config.redisLossCheckMs,
      log: deps.log,
      recover: async () => {
        await upsertSchedulers();
        return recoverPending(deps.db.sql, deps.enqueue, deps.clock.now(), 0);
      },
    });
  }

  let worker: Worker | undefined;
  if (opts.work) {
    worker = new Worker(
      QUEUE.maintenance,
      async (job) => {
        const { task } = maintenanceJob.parse(job.data);
        return run(task);
      },
      { connection: deps.connection, prefix: deps.config.queuePrefix, concurrency: 1 },
    );
    worker.on("failed", (job, err) => deps.log.error({ err, task: job?.data?.task }, "maintenance task failed"));
    worker.on("error", (err) => deps.log.warn({ err: err.message }, "maintenance worker error"));
  }

  return {
    run,
    upsertSchedulers,
    checkRedisLoss: async () => (lossWatch ? lossWatch.check() : false),
    async close() {
      if (refresher) clearInterval(refresher);
      lossWatch?.stop();
      await worker?.close();
    },
  };
}
