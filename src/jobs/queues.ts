// Queue names, job-data schemas and job ids. Job ids make adds idempotent; BullMQ forbids
// ":" in them, so our "msg:…" keys are rewritten.
import { Queue } from "bullmq";
import type { Redis } from "ioredis";
import { z } from "zod";

export const QUEUE = {
  inbound: "inbound",
  delivery: "delivery",
  maintenance: "maintenance",
} as const;

export const inboundJob = z.object({ key: z.string().min(1) });
export const deliveryJob = z.object({ outboxId: z.number().int().positive() });
export const maintenanceJob = z.object({ task: z.string().min(1) }).loose();

export const jobIdFor = {
  inbound: (key: string) => `in-${key.replace(/:/g, "-")}`,
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
