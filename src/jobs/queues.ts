// Queue names, job-data schemas and job ids. Job ids make adds idempotent; BullMQ forbids
// ":" in them, so our "msg:…" keys are rewritten.
import { createHash } from "node:crypto";
import { Queue } from "bullmq";
import type { Redis } from "ioredis";
import { z } from "zod";

export const QUEUE = {
  inbound: "inbound",
  delivery: "delivery",
  maintenance: "maintenance",
} as const;

/**
 * One inbound job carries the inbox keys of one burst of deliveries (all the webhook accepted
 * in one tick, or one recovery sweep), in arrival order. Jobs of the older one-key shape, still
 * in Redis across an upgrade, are read as a burst of one.
 */
export const inboundJob = z.union([
  z.object({ keys: z.array(z.string().min(1)).min(1) }),
  z.object({ key: z.string().min(1) }).transform(({ key }) => ({ keys: [key] })),
]);
export const deliveryJob = z.object({ outboxId: z.number().int().positive() });
export const maintenanceJob = z.object({ task: z.string().min(1) }).loose();

export const jobIdFor = {
  /** The same set of keys gets the same id, so a sweep that re-finds a burst still queued adds nothing. */
  inbound: (keys: string[]) => `in-${createHash("sha1").update(keys.join("\n")).digest("hex")}`,
  delivery: (outboxId: number) => `out-${outboxId}`,
};

export interface Queues {
  inbound: Queue;
  delivery: Queue;
  maintenance: Queue;
  close(): Promise<void>;
}

export function openQueues(connection: Redis, prefix: string): Queues {
  const opts = { connection, prefix };
  const inbound = new Queue(QUEUE.inbound, {
    ...opts,
    defaultJobOptions: { attempts: 5, backoff: { type: "exponential", delay: 1000 }, removeOnComplete: true, removeOnFail: 1000 },
  });
  const delivery = new Queue(QUEUE.delivery, {
    ...opts,
    defaultJobOptions: { backoff: { type: "exponential", delay: 1000 }, removeOnComplete: true, removeOnFail: 1000 },
  });
  const maintenance = new Queue(QUEUE.maintenance, { ...opts, defaultJobOptions: { removeOnComplete: 100, removeOnFail: 100 } });
  return {
    inbound,
    delivery,
    maintenance,
    async close() {
      await Promise.all([inbound.close(), delivery.close(), maintenance.close()]);
    },
  };
}
