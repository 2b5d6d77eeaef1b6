// Noticing, within seconds, that Redis lost everything (FLUSHALL, a restart without persistence,
// a failover to an empty replica): a sentinel key written at start vanishes with the rest. The
// job schedulers (recovery's among them) vanished too, so waiting for them would wait for the
// periodic refresh; instead the one process that puts the sentinel back first upserts the
// schedulers and re-queues every pending inbox and outbox row at once. Job ids make the re-queue
// of what is still queued a no-op, and a message already in flight is sent again under the same
// uuid, which Lark de-duplicates.
import type { Redis } from "ioredis";
import type { Logger } from "../log.ts";

export interface RedisLossWatch {
  /** Checks once now (tests, and the timer's tick); true when the loss was noticed and handled here. */
  check(): Promise<boolean>;
  stop(): void;
}

export function sentinelKey(prefix: string): string {
  return `${prefix}:redis-sentinel`;
}

export async function watchRedisLoss(deps: {
  connection: Redis;
  prefix: string;
  intervalMs: number;
  log: Logger;
  /** Puts back what Redis held: schedulers, and the queue entries of pending rows. */
  recover(): Promise<unknown>;
}): Promise<RedisLossWatch> {
  const key = sentinelKey(deps.prefix);
  await deps.connection.set(key, new Date().toISOString(), "NX");
  let running: Promise<boolean> | undefined;

  async function once(): Promise<boolean> {
    if ((await deps.connection.exists(key)) === 1) return false;
    // Several schedulers may notice together: the one whose SET lands does the work.
    if ((await deps.connection.set(key, new Date().toISOString(), "NX")) !== "OK") return false;
    const started = Date.now();
    try {
      const result = await deps.recover();
      deps.log.warn({ result, ms: Date.now() - started }, "Redis lost its data (sentinel key gone): schedulers restored and pending work queued again");
      return true;
    } catch (err) {
      // Taken again on the next tick.
      await deps.connection.del(key).catch(() => undefined);
      throw err;
    }
  }

  function check(): Promise<boolean> {
    running ??= once().finally(() => (running = undefined));
    return running;
  }

  const timer = setInterval(() => {
    check().catch((err: unknown) => deps.log.warn({ err: String(err) }, "could not check Redis for a loss of data"));
  }, deps.intervalMs);
  timer.unref();
  return { check, stop: () => clearInterval(timer) };
}
