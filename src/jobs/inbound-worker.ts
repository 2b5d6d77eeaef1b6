// Processes inbox rows, a burst of keys per job, in the order they arrived. The router makes
// each row's effects happen once, so a retried job skips the rows already done: a handler crash
// rolls back only its own row, the job fails after trying the rest, BullMQ retries it with
// backoff, and after the last attempt the rows still pending are marked FAILED.
import { Worker, type Job } from "bullmq";
import type { Redis } from "ioredis";
import type { PrismaClient } from "../generated/prisma/client.ts";
import type { Logger } from "../log.ts";
import { inboundJob, QUEUE } from "./queues.ts";
import { STALL_RECOVERY } from "./worker-locks.ts";

/** What the worker hands each inbox row to (the bot's router): exactly once, or skipped when already done. */
export interface EventProcessor {
  processEvent(key: string): Promise<"done" | "skipped">;
}

export function startInboundWorker(deps: { connection: Redis; prefix: string; router: EventProcessor; prisma: PrismaClient; log: Logger }, opts: { concurrency?: number } = {}): Worker {
  const worker = new Worker(
    QUEUE.inbound,
    async (job: Job) => {
      const { keys } = inboundJob.parse(job.data);
      const failed: { key: string; err: unknown }[] = [];
      for (const key of keys) {
        try {
          await deps.router.processEvent(key);
        } catch (err) {
          failed.push({ key, err });
        }
      }
      if (failed.length === 0) return;
      for (const f of failed) deps.log.warn({ evt: f.key, err: f.err, attempt: job.attemptsMade + 1 }, "event failed");
      const first = failed[0]!.err;
      throw new Error(`${failed.length} of ${keys.length} events failed: ${first instanceof Error ? first.message : String(first)}`);
    },
    { ...STALL_RECOVERY, connection: deps.connection, prefix: deps.prefix, concurrency: opts.concurrency ?? 4 },
  );
  worker.on("error", (err) => deps.log.warn({ err: err.message }, "inbound worker error"));
  worker.on("failed", (job, err) => {
    if (!job) return;
    const last = job.attemptsMade >= (job.opts.attempts ?? 1);
    const parsed = inboundJob.safeParse(job.data);
    const keys = parsed.success ? parsed.data.keys : [];
    deps.log.error({ evt: keys.join(","), err, attempt: job.attemptsMade }, last ? "events failed for good" : "events failed; will retry");
    if (last && keys.length > 0) {
      // Rows done on an earlier attempt are DONE already; only those still pending failed.
      void deps.prisma.inboundEvent
        .updateMany({ where: { key: { in: keys }, status: "PENDING" }, data: { status: "FAILED", lastError: String(err?.message ?? err).slice(0, 500), attempts: job.attemptsMade } })
        .catch((e: unknown) => deps.log.error({ err: e, evt: keys.join(",") }, "could not mark events failed"));
    }
  });
  return worker;
}
