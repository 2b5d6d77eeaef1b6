// Hands work to BullMQ after it is safe in PostgreSQL. A failed add is logged, not thrown:
// the row is already durable and the recovery sweep will enqueue it again.
import type { Logger } from "../log.ts";
import { jobIdFor, type AttachmentJob, type Queues } from "./queues.ts";

export interface Enqueuer {
  inbound(keys: string[]): Promise<void>;
  delivery(outboxIds: number[]): Promise<void>;
  attachments(jobs: AttachmentJob[]): Promise<void>;
}

export function createEnqueuer(queues: Queues, maxAttempts: number, log: Logger): Enqueuer {
  return {
    async inbound(keys) {
      if (keys.length === 0) return;
      try {
        // One job for the burst: BullMQ's add is a Redis script of its own, and per event it was
        // the largest part of the webhook's work after the inbox insert.
        await queues.inbound.add("events", { keys }, { jobId: jobIdFor.inbound(keys) });
      } catch (err) {
        log.warn({ err, keys: keys.length }, "could not queue inbound events; the recovery sweep will");
      }
    },
    async delivery(ids) {
      if (ids.length === 0) return;
      try {
        await queues.delivery.addBulk(
          ids.map((outboxId) => ({ name: "send", data: { outboxId }, opts: { jobId: jobIdFor.delivery(outboxId), attempts: maxAttempts } })),
        );
      } catch (err) {
        log.warn({ err, ids: ids.length }, "could not queue deliveries; the recovery sweep will");
      }
    },
    async attachments(jobs) {
      if (jobs.length === 0) return;
      try {
        await queues.attachments.addBulk(jobs.map((data) => ({ name: "fetch" in data ? "fetch" : "send-file", data, opts: { jobId: jobIdFor.attachment(data) } })));
      } catch (err) {
        log.warn({ err, jobs: jobs.length }, "could not queue attachment work; the recovery sweep will fetch pending attachments");
      }
    },
  };
}
