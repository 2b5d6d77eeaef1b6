// The copies of a decision card sent to several secretaries are found by their outbox key
// prefix (as aid approval cards are) and redrawn the same way (../card-copies.ts).
import type { Card } from "../../../cards/kit.ts";
import { refreshCopies, type KeyedContext } from "../card-copies.ts";

/** A handler's context that knows which message was clicked (commands have none). */
export type ClickContext = KeyedContext & { inbound: { messageId?: string | undefined } };

/** Redraws every copy but the clicked one (which the action's answer replaces). */
export async function redrawCopies(ctx: ClickContext, keyPrefix: string, card: Card): Promise<void> {
  await refreshCopies(ctx, await ctx.store.outbox.copiesByKeyPrefix(keyPrefix), card, ctx.inbound.messageId);
}
