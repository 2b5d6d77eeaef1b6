// One inbox row through the router's transaction: locked while its handler runs, marked done in
// the same transaction as the handler's writes, so an event is handled exactly once even when
// two workers pick up the same key (a redelivery after a Redis loss, the recovery sweep).
import type { Tx } from "./tx.ts";

/**
 * The row's payload, locked until the transaction ends; null when there is no such row or it is
 * no longer pending (another worker handled it first). The payload is what the webhook stored:
 * the caller knows its shape (the store does not import the transport's types).
 */
export async function lockPendingEvent(tx: Tx, key: string): Promise<unknown> {
  const rows = await tx.$queryRaw<{ status: string; payload: unknown }[]>`
    SELECT "status", "payload" FROM "InboundEvent" WHERE "key" = ${key} FOR UPDATE`;
  const row = rows[0];
  return row && row.status === "PENDING" ? row.payload : null;
}

export async function markEventDone(tx: Tx, key: string, at: Date): Promise<void> {
  await tx.inboundEvent.update({ where: { key }, data: { status: "DONE", processedAt: at, attempts: { increment: 1 } } });
}
