// Keeping only what is needed: once an event is processed and Lark can no longer redeliver it,
// its payload (a card click carries the form's values: talk notes, household facts) is stripped;
// once a message is delivered and Lark's uuid window is over, its content (every card sent,
// the talk-notes card among them) is emptied. Each row keeps its key, which is what dedupes
// Lark's retries and keeps a digest or a quarterly report from going out twice (docs/privacy.md).
//
// Batched, on the pool: each statement strips at most BATCH rows and holds them only while it
// runs, so a backlog of a million rows never becomes one statement or one long transaction.
// Safe to run twice, and on two machines at once: a pruned row is not chosen again, and rows
// the other run holds are skipped (SKIP LOCKED) and taken by the next run.
import type { PruneBatch } from "../store/retention.ts";
import type { TaskDeps } from "./task-deps.ts";

export interface PruneResult {
  /** Events whose payload was stripped, and messages whose content was emptied, by this run. */
  inbound: number;
  outbox: number;
}

const BATCH = 1000;
const HOUR_MS = 3_600_000;

/** Runs batches from `from` until one strips fewer rows than a batch; returns how many it stripped. */
async function inBatches(from: string, batch: (from: string) => Promise<PruneBatch>): Promise<number> {
  let total = 0;
  for (let cursor: string | null = from; cursor !== null; ) {
    const b: PruneBatch = await batch(cursor);
    total += b.pruned;
    cursor = b.next;
  }
  return total;
}

export async function runPrunePayloads(d: TaskDeps): Promise<PruneResult> {
  const at = d.clock.now();
  const before = new Date(at.getTime() - d.config.retention.payloadHours * HOUR_MS);
  const retention = d.store.retention;
  const inbound = await inBatches(await retention.inboundScanStart(), (from) => retention.pruneInboundBatch({ from, before, at, limit: BATCH }));
  const outbox = await inBatches(await retention.outboxScanStart(), (from) => retention.pruneOutboxBatch({ from, before, at, limit: BATCH }));
  if (inbound + outbox > 0) d.log.info({ inbound, outbox, before }, "payloads pruned");
  return { inbound, outbox };
}
