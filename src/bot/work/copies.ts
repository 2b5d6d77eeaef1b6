// The copies of a decision card sent to several secretaries are found by their outbox key
// prefix (as aid approval cards are) and redrawn with the aid flow's refreshCopies.
import type { Card } from "../../../cards/kit.ts";
import type { Tx } from "../../store/tx.ts";
import { refreshCopies, type AidCtx } from "../aid/approval.ts";

export async function copiesOf(tx: Tx, keyPrefix: string) {
  return tx.outboxMessage.findMany({ where: { idempotencyKey: { startsWith: keyPrefix }, kind: "SEND" }, select: { id: true, larkMessageId: true, status: true }, orderBy: { id: "asc" } });
}

/** Redraws every copy but the clicked one (which the action's answer replaces). */
export async function redrawCopies(ctx: AidCtx & { inbound: { messageId?: string | undefined } }, keyPrefix: string, card: Card): Promise<void> {
  await refreshCopies(ctx, await copiesOf(ctx.tx, keyPrefix), card, ctx.inbound.messageId);
}
