// Processes inbox rows. The router makes each row's effects happen once; a handler crash
// rolls back and BullMQ retries with backoff; after the last attempt the row is marked FAILED.
import { Worker, type Job } from "bullmq";
import type { Redis } from "ioredis";
import type { Router } from "../bot/router.ts";
import type { PrismaClient } from "../generated/prisma/client.ts";
import type { Logger } from "../log.ts";
import { inboundJob, QUEUE } from "./queues.ts";

export function startInboundWorker(deps: { connection: Redis; prefix: string; router: Router; prisma: PrismaClient; log: Logger }, opts: { concurrency?: number } = {}): Worker {
  const worker = new Worker(
    QUEUE.inbound,
    async (job: Job) => {
      const { key } = inboundJob.parse(job.data);
      return deps.router.processEvent(key);
    },
    { connection: deps.connection, prefix: deps.prefix, concurrency: opts.concurrency ?? 4 },
  );
  worker.on("error", (err) => deps.log.warn({ err: err.message }, "inbound worker error"));
  worker.on("failed", (job, err) => {
    if (!job) return;
    const last = job.attemptsMade >= (job.opts.attempts ?? 1);
    const key = String(job.data?.key ?? "");
    deps.log.error({ evt: key, err, attempt: job.attemptsMade }, last ? "event failed for good" : "event failed; will retry");
    if (last && key) {
      void deps.prisma.inboundEvent
        .updateMany({ where: { key, status: "PENDING" }, data: { status: "FAILED", lastError: String(err?.message ?? err).slice(0, 500), attempts: job.attemptsMade } })
        .catch((e: unknown) => deps.log.error({ err: e, evt: key }, "could not mark event failed"));
    }
  });
  return worker;
}
