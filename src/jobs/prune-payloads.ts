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
//
// Every run scans from the beginning: the rows not stripped yet have an index of their own, so a
// row that stayed pending for days (a stalled worker) is stripped by the first run after it is
// done, and a run over a year of stripped rows reads none of them (bench/year-of-rows.bench.ts).
import type { InboundDone, OutboxDone, PruneBatch } from "../store/retention.ts";
import type { TaskDeps } from "./task-deps.ts";

export interface PruneResult {
  /** Events whose payload was stripped, and messages whose content was emptied, by this run. */
  inbound: number;
  outbox: number;
}

const BATCH = 1000;
const HOUR_MS = 3_600_000;
const FROM_THE_START = "-infinity";

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
  let inbound = 0;
  for (const status of ["DONE", "FAILED"] satisfies InboundDone[]) {
    inbound += await inBatches(FROM_THE_START, (from) => retention.pruneBatch("inbound", { status, from, before, at, limit: BATCH }));
  }
  let outbox = 0;
  for (const status of ["SENT", "FAILED"] satisfies OutboxDone[]) {
    outbox += await inBatches(FROM_THE_START, (from) => retention.pruneBatch("outbox", { status, from, before, at, limit: BATCH }));
  }
  if (inbound + outbox > 0) d.log.info({ inbound, outbox, before }, "payloads pruned");
  return { inbound, outbox };
}
