// The database, not Redis, is the record of work to do. This sweep re-queues inbox events and
// outbox messages still pending after a grace period: after a Redis restart, a FLUSHALL, or a
// crash between commit and enqueue, nothing is lost; job ids keep it from running twice.
import type { SqlExecutor } from "../store/db.ts";
import { pendingAttachmentIds } from "../store/aid-attachments.ts";
import { pendingInboundKeys } from "../store/inbox.ts";
import { pendingOutboxIds } from "../store/outbox.ts";
import type { Enqueuer } from "./enqueue.ts";

export async function recoverPending(sql: SqlExecutor, enqueue: Enqueuer, now: Date, graceMs = 10_000): Promise<{ inbound: number; outbox: number; attachments: number }> {
  const before = new Date(now.getTime() - graceMs);
  const keys = await pendingInboundKeys(sql, before);
  const ids = await pendingOutboxIds(sql, before);
  // Members' pictures recorded but not yet fetched (the job lost with Redis, or never queued).
  const attachments = await pendingAttachmentIds(sql, before);
  await enqueue.inbound(keys);
  await enqueue.delivery(ids);
  await enqueue.attachments(attachments.map((fetch) => ({ fetch })));
  return { inbound: keys.length, outbox: ids.length, attachments: attachments.length };
}
