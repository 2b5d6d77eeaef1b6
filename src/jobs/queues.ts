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
  attachments: "attachments",
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
/** A member's picture or file to download and check, or a kept PDF to upload and send a decider. */
export const attachmentJob = z.union([
  z.object({ fetch: z.number().int().positive() }),
  z.object({ sendFile: z.object({ attachmentId: z.number().int().positive(), openId: z.string().min(1), key: z.string().min(1) }) }),
]);
export type AttachmentJob = z.infer<typeof attachmentJob>;

export const jobIdFor = {
  /** The same set of keys gets the same id, so a sweep that re-finds a burst still queued adds nothing. */
  inbound: (keys: string[]) => `in-${createHash("sha1").update(keys.join("\n")).digest("hex")}`,
  delivery: (outboxId: number) => `out-${outboxId}`,
  /** One fetch per attachment; a file send per click (its outbox key). */
  attachment: (job: AttachmentJob) =>
    "fetch" in job ? `att-${job.fetch}` : `attf-${createHash("sha1").update(job.sendFile.key).digest("hex")}`,
};

export interface Queues {
  inbound: Queue;
  delivery: Queue;
  maintenance: Queue;
  attachments: Queue;
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
  // A failed job is removed, so the recovery sweep can queue a still-PENDING attachment again
  // under the same id (BullMQ ignores an add whose id a kept failed job holds).
  const attachments = new Queue(QUEUE.attachments, {
    ...opts,
    defaultJobOptions: { attempts: 5, backoff: { type: "exponential", delay: 1000 }, removeOnComplete: true, removeOnFail: true },
  });
  return {
    inbound,
    delivery,
    maintenance,
    attachments,
    async close() {
      await Promise.all([inbound.close(), delivery.close(), maintenance.close(), attachments.close()]);
    },
  };
}
